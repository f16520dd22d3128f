import GSPSandbox
import GSPSandboxTesting
import GSTCore
import JSON
import ScenarioKit
import Testing

/// GSPSandboxTesting as a user's test uses it: start on an ephemeral port, log in, drive a flow,
/// use the control API, stop.
struct TestSandboxTests {
    @Test func startsDrivesAFlowAndStops() throws {
        let sandbox = try TestSandbox.start(scenario: .file(RepoPath.scenario("tests/ims-basic.json")))
        #expect(sandbox.port > 0)
        #expect(sandbox.baseURL == "http://127.0.0.1:\(sandbox.port)")
        let session = try sandbox.taxpayerSession(gstin: "27AAPCA4821K1ZD")
        #expect(session.apiKey == "key_live_ims_basic")
        let list = try sandbox.get("/gst/compliance/tax-payer/invoices?section=B2B&status=no_action_taken", headers: session.headers)
        #expect(list.status == 200)
        let record = try #require(list.json?["data"]?["data"]?["b2b"]?.arrayValue?.first { $0["inum"] == "INV-N-1" })
        var fields = try #require(record.objectValue)
        for key in ["hash", "ispendactblocked", "srcfilstatus"] { fields[key] = nil }
        fields["prev_status"] = "N"
        fields["action"] = "R"
        let save = try sandbox.post("/gst/compliance/tax-payer/invoices/status/save", headers: session.headers,
                                    json: ["rtin": "27AAPCA4821K1ZD", "reqtyp": "SAVE", "invdata": ["b2b": [.object(fields)]]])
        let reference = try #require(save.json?["data"]?["data"]?["reference_id"]?.stringValue)
        let status = try sandbox.get("/gst/compliance/tax-payer/invoices/status?reference_id=\(reference)", headers: session.headers)
        #expect(status.json?["data"]?["data"]?["status_cd"] == "P")

        // Reset puts the world back: the record is at no action again.
        sandbox.reset()
        let again = try sandbox.taxpayerSession(gstin: "27AAPCA4821K1ZD")
        let after = try sandbox.get("/gst/compliance/tax-payer/invoices?section=B2B&status=rejected", headers: again.headers)
        #expect(after.json?["data"]?["data"]?["b2b"]?.arrayValue?.contains { $0["inum"] == "INV-N-1" } == false)

        let port = sandbox.port
        sandbox.stop()
        sandbox.stop()  // idempotent
        #expect(throws: HTTPClient.Failure.self) { try HTTPClient(port: port, timeoutMilliseconds: 500).request("GET", "/_sandbox/health") }
    }

    @Test func controlAPIAndScenarioSummary() throws {
        let sandbox = try TestSandbox.start()
        defer { sandbox.stop() }
        let health = try sandbox.control("GET", "/health")
        #expect(health.status == 200)
        #expect(health.json?["status"] == "ok")
        #expect(try sandbox.control("GET", "/_sandbox/health").status == 200)
        let summary = try sandbox.scenarioSummary()
        #expect(summary["tenant"]?.stringValue == sandbox.scenario.name)
        #expect(try sandbox.control("GET", "/no-such-control").status == 404)
    }

    @Test func inlineScenarioAndFreshTestKeys() throws {
        let sandbox = try TestSandbox.start(scenario: .inline("""
            {"name":"inline","clock":{"now":"2025-05-10T10:00:00+05:30"},
             "credentials":{"sandbox":[{"api_key":"key_live_inline","api_secret":"secret_live_inline"}]},
             "taxpayers":[{"gstin":"27AAPCA4821K1ZD","trade_name":"Acme","username":"acme","otp":"111111"}]}
            """))
        defer { sandbox.stop() }
        #expect(sandbox.scenario.name == "inline")
        let token = try sandbox.authenticate(apiKey: "key_live_inline")
        #expect(!token.isEmpty)
        // A key_test_ key gets its own tenant built from the primary (inline) scenario.
        let session = try sandbox.taxpayerSession(gstin: "27AAPCA4821K1ZD", apiKey: "key_test_mine")
        #expect(session.apiKey == "key_test_mine")
        #expect(throws: TestSandbox.Failure.self) { try sandbox.authenticate(apiKey: "key_live_inline", secret: "wrong") }
        #expect(throws: TestSandbox.Failure.self) { try sandbox.taxpayerSession(gstin: "29AAKFB7315M1Z0") }
    }

    @Test func anInvalidScenarioDoesNotStart() {
        #expect(throws: (any Error).self) { try TestSandbox.start(scenario: .inline(#"{"name":"bad","clock":5}"#)) }
    }

    @Test func advanceClockMovesTheTenantsClock() throws {
        let sandbox = try TestSandbox.start(scenario: .file(RepoPath.scenario("tests/2b-timeline.json")))
        defer { sandbox.stop() }
        let tenant = try #require(sandbox.server.application.context.world.primaryTenant)
        let before = tenant.read { $0.now }
        sandbox.advanceClock(milliseconds: 6 * 3_600_000)
        #expect(tenant.read { $0.now } == before + 6 * 3_600_000)
    }
}
