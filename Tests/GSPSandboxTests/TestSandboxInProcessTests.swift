import GSPSandbox
import GSPSandboxTesting
import GSTCore
import JSON
import Testing

/// `TestSandbox` with `.inProcess`: the same helpers, no socket. It must answer exactly as the
/// socket transport does (a test may switch transports and keep its assertions), and act out fault
/// rules (delay, drop) that the server would otherwise carry out.
struct TestSandboxInProcessTests {
    static let imsBasic = TestSandbox.ScenarioSource.file(RepoPath.scenario("tests/ims-basic.json"))

    /// The default scenario's April 2025 GSTR-2B: refused on 10 May (IMS2B009), a job once the clock
    /// passes the 14th — logins, vendor routes, the control API and the clock, with no listener.
    @Test func drivesAFlowWithoutListening() throws {
        let sandbox = try TestSandbox.start(transport: .inProcess)
        #expect(sandbox.port == 0)
        #expect(sandbox.baseURL.isEmpty)
        #expect(sandbox.server.port == nil)
        let session = try sandbox.taxpayerSession(gstin: "27AAPCA4821K1ZD")
        let april = "/gst/compliance/tax-payer/gstrs/gstr-2b/2025/04/regenerate"
        let early = try sandbox.post(april, headers: session.headers)
        #expect(early.json?["data"]?["error"]?["error_cd"] == "IMS2B009")
        #expect(try sandbox.control("POST", "/tenants/default/clock/advance", json: ["by": "P4D"]).status == 200)
        let later = try sandbox.taxpayerSession(gstin: "27AAPCA4821K1ZD")  // the first one lasted 6 hours
        let started = try sandbox.post(april, headers: later.headers)
        let reference = try #require(started.json?["data"]?["data"]?["reference_id"]?.stringValue)
        let status = try sandbox.get("/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=\(reference)", headers: later.headers)
        #expect(status.json?["data"]?["data"]?["status_cd"] == "P")
        #expect(throws: HTTPClient.Failure.self) { try sandbox.client.request("GET", "/_sandbox/health") }
        sandbox.stop()
    }

    /// The same requests against a socket sandbox and an in-process one, both fresh from the same
    /// seeded scenario on a fixed clock: every answer is the same, header for header (but `Date`).
    @Test func answersAsTheSocketTransportDoes() throws {
        let overSocket = try TestSandbox.start(scenario: Self.imsBasic)
        defer { overSocket.stop() }
        let inProcess = try TestSandbox.start(scenario: Self.imsBasic, transport: .inProcess)
        func both(_ call: (TestSandbox) throws -> HTTPClient.Response) throws -> (HTTPClient.Response, HTTPClient.Response) {
            (try call(overSocket), try call(inProcess))
        }
        /// `platformError`: errors before a tenant is known carry the wall clock and a random id.
        func expectSame(_ pair: (HTTPClient.Response, HTTPClient.Response), platformError: Bool = false,
                        sourceLocation: SourceLocation = #_sourceLocation) {
            let (wire, direct) = pair
            #expect(wire.status == direct.status, sourceLocation: sourceLocation)
            let headers = { (r: HTTPClient.Response) in r.headers.filter { $0.name != "Date" }.map { "\($0.name): \($0.value)" } }
            #expect(headers(wire) == headers(direct), sourceLocation: sourceLocation)
            if platformError {
                #expect(wire.json.map(ControlSession.stable) == direct.json.map(ControlSession.stable), sourceLocation: sourceLocation)
            } else {
                #expect(wire.text == direct.text, sourceLocation: sourceLocation)
            }
        }
        expectSame(try both { try $0.control("GET", "/health") })
        expectSame(try both { try $0.request("HEAD", "/_sandbox/health") })
        expectSame(try both { try $0.control("GET", "/scenario") })
        expectSame(try both { try $0.get("/no-such-route") })
        expectSame(try both { try $0.post("/_sandbox/health") })
        expectSame(try both { try $0.post("/authenticate", headers: [("x-api-key", "key_live_ims_basic"), ("x-api-secret", "wrong")]) }, platformError: true)
        expectSame(try both { try $0.get("/gst/compliance/tax-payer/invoices?section=B2B") }, platformError: true)  // no session
        let sessions = (try overSocket.taxpayerSession(gstin: "27AAPCA4821K1ZD"), try inProcess.taxpayerSession(gstin: "27AAPCA4821K1ZD"))
        let list = "/gst/compliance/tax-payer/invoices?section=B2B&status=no_action_taken"
        expectSame((try overSocket.get(list, headers: sessions.0.headers), try inProcess.get(list, headers: sessions.1.headers)))
        let preflight: [(String, String)] = [("Origin", "http://localhost:3000"), ("Access-Control-Request-Method", "GET")]
        expectSame(try both { try $0.request("OPTIONS", list, headers: preflight) })
    }

    @Test func faultRulesRespondDelayAndDrop() throws {
        let sandbox = try TestSandbox.start(transport: .inProcess)
        let rules: JSONValue = [
            ["match": ["path": "/gst/compliance/tax-payer/invoices"], "respond": ["status": 503, "headers": ["Retry-After": "5"]]],
            ["match": ["operation": "gstr2b.regenerate"], "drop": true],
            ["match": ["path": "/authenticate"], "delay_ms": 150],
        ]
        #expect(try sandbox.control("POST", "/faults", json: rules).status == 201)
        let refused = try sandbox.get("/gst/compliance/tax-payer/invoices")
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "5")
        #expect(throws: HTTPClient.Failure.self) {
            try sandbox.post("/gst/compliance/tax-payer/gstrs/gstr-2b/2025/03/regenerate", json: ["gstin": "27AAPCA4821K1ZD"])
        }
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try sandbox.authenticate(apiKey: "key_test_in_process").isEmpty == false)
        #expect(clock.now - started >= .milliseconds(150))
    }
}
