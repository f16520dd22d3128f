import GSPSandbox
import Glibc
import GSTCore
import HTTPTestClient
import JSON
import Testing

/// Faults, journal, verify and metrics over real HTTP on the default scenario.
struct ObserveLiveTests {
    static let gstin = EndToEndFlowTests.gstin
    let flow = EndToEndFlowTests()
    var apiKey: String { flow.apiKey }
    static let base = "/gst/compliance/tax-payer"

    /// Logs in and starts a GSTR-2B regeneration of March 2025; returns the headers and the job id.
    func regenerate(_ sandbox: LiveSandbox) throws -> (headers: [String: String], job: String) {
        let token = try flow.login(sandbox)
        let headers = ["x-api-key": apiKey, "authorization": token]
        let started = try sandbox.call("POST", "\(Self.base)/gstrs/gstr-2b/2025/03/regenerate", headers: headers)
        return (headers, try #require(started.json["data"]?["data"]?["reference_id"]?.stringValue))
    }

    func addFault(_ sandbox: LiveSandbox, _ rule: JSONValue) throws -> LiveSandbox.Reply {
        try sandbox.call("POST", "/_sandbox/faults", body: rule)
    }

    /// A misspelt field is an error, not a rule that silently does something else: in `respond`, in
    /// `delay` and at the top of a verify body. Nothing is installed.
    @Test func unknownFieldsInFaultResponsesDelaysAndVerifyBodiesAreRefused() throws {
        let sandbox = try LiveSandbox()
        for (rule, path) in [(["respond": ["stauts": 503]] as JSONValue, "$.respond.stauts"),
                             (["delay": ["min_ms": 1, "max_ms": 2, "jitter": 1]], "$.delay.jitter")] {
            let reply = try addFault(sandbox, rule)
            #expect(reply.status == 400, "\(rule)")
            #expect(reply.json["details"]?.arrayValue?.contains { $0.stringValue?.contains(path) == true } == true
                    || reply.json["error"]?.stringValue?.contains(path) == true, "\(reply.json)")
        }
        #expect(try sandbox.call("GET", "/_sandbox/faults").json["faults"]?.arrayValue?.isEmpty == true)
        let verify = try sandbox.call("POST", "/_sandbox/verify", body: ["pattern": ["operation": "ims.save"], "cuont": 1])
        #expect(verify.status == 400 && verify.json["error"]?.stringValue?.contains("$.cuont") == true, "\(verify.json)")
    }

    /// "Fail the second poll of 2B regeneration for GSTIN X with IMS2B009" is one rule, and fires once.
    @Test func ruleFailsExactlyTheSecondPollInSandboxsEnvelope() throws {
        let sandbox = try LiveSandbox()
        let added = try addFault(sandbox, [
            "id": "second-poll",
            "match": ["operation": "gstr2b.regenerate.status", "gstin": .string(Self.gstin)],
            "after": 1, "times": 1, "respond": ["error_code": "IMS2B009"],
        ])
        #expect(added.status == 201)
        #expect(added.json["faults"] == ["second-poll"])
        let (headers, job) = try regenerate(sandbox)
        let poll = "\(Self.base)/gstrs/gstr-2b/regenerate?reference_id=\(job)"
        let first = try sandbox.call("GET", poll, headers: headers)
        #expect(first.json["data"]?["status_cd"] == "1")
        let second = try sandbox.call("GET", poll, headers: headers)
        #expect(second.status == 200)
        #expect(second.json["code"] == 200)
        #expect(second.json["data"]?["status_cd"] == "0")
        #expect(second.json["data"]?["error"]?["error_cd"] == "IMS2B009")
        let message = try #require(second.json["data"]?["error"]?["message"]?.stringValue)
        // The scenario clock reads 10 May 2025: the next draft day is the 14th, as the real route says.
        #expect(message == "Kindly generate 2b after 14/05/2025")
        #expect(second.json["timestamp"]?.intValue != nil)
        #expect(second.json["transaction_id"]?.stringValue?.count == 36)
        let third = try sandbox.call("GET", poll, headers: headers)
        #expect(third.json["data"]?["status_cd"] == "1")

        let listed = try sandbox.call("GET", "/_sandbox/faults")
        #expect(listed.json["faults"]?[0]?["matched"] == 3)
        #expect(listed.json["faults"]?[0]?["fired"] == 1)
        // Another GSTIN's polls never match: the rule is scoped by the session's GSTIN.
        let journal = try sandbox.call("GET", "/_sandbox/journal?operation=gstr2b.regenerate.status")
        let faults = (journal.json["entries"]?.arrayValue ?? []).map { $0["fault"]?.stringValue }
        #expect(faults == [nil, "second-poll", nil])
    }

    @Test func vayanaRoutesGetTheGSTNErrorInEASsEnvelope() throws {
        let sandbox = try LiveSandbox()
        _ = try addFault(sandbox, ["match": ["operation": "vayana.ims.getinv"], "respond": ["error_code": "RET11416"]])
        let reply = try sandbox.call("GET", "/basic/gstn/v1.0/taxpayerapi/v1.0/returns/ims/GETINV?gstin=\(Self.gstin)")
        #expect(reply.status == 502)
        #expect(reply.json["status"] == "0")
        #expect(reply.json["data"] == .null)
        #expect(reply.json["error"]?["message"] == "err-gstn-returned-error")
        #expect(reply.json["error"]?["type"] == "Gstn")
        #expect(reply.json["error"]?["args"]?["gstn-err"]?["error-code"] == "RET11416")
        #expect(reply.json["error"]?["args"]?["gstn-err"]?["status-code"] == "0")
        #expect(reply.json["error"]?["args"]?["gstn-err"]?["message"]?.stringValue?.hasPrefix("No document found") == true)
    }

    @Test func statusResponsesCarryBodyAndHeaders() throws {
        let sandbox = try LiveSandbox()
        _ = try addFault(sandbox, ["match": ["method": "GET", "path": "/gst/*/gstr-2b/*"],
                                    "respond": ["status": 503, "body": ["error": "maintenance"], "headers": ["Retry-After": "7"]]])
        let reply = try sandbox.call("GET", "\(Self.base)/gstrs/gstr-2b/2025/03", headers: ["x-api-key": apiKey])
        #expect(reply.status == 503)
        #expect(reply.json == ["error": "maintenance"])
        #expect(reply.headers.contains { $0.0 == "Retry-After" && $0.1 == "7" })
    }

    /// The same seed gives the same sequence; probability 0.5 over 40 requests fires some, not all.
    @Test func probabilityIsReplayableWithASeed() throws {
        func run() throws -> [Int] {
            let sandbox = try LiveSandbox()
            _ = try addFault(sandbox, ["match": ["path": "/flaky"], "probability": 0.5, "seed": 42, "respond": ["status": 503, "body": ["error": "flaky"]]])
            return try (0..<40).map { _ in try sandbox.call("GET", "/flaky").status }
        }
        let a = try run(), b = try run()
        #expect(a == b)
        let fired = a.filter { $0 == 503 }.count
        #expect(fired > 5 && fired < 35)
        #expect(a.allSatisfy { $0 == 503 || $0 == 404 })
    }

    @Test func badRulesAreRefusedAndChangeNothing() throws {
        let sandbox = try LiveSandbox()
        let unknownCode = try addFault(sandbox, ["respond": ["error_code": "NOPE123"]])
        #expect(unknownCode.status == 400)
        #expect(unknownCode.json["error"]?.stringValue?.contains("$.respond.error_code") == true)
        #expect(unknownCode.json["details"] == [], "the control API's one error shape")
        let second = try addFault(sandbox, [["id": "a", "drop": true], ["id": "b", "delay_ms": -1]])
        #expect(second.status == 400)
        #expect(try sandbox.call("GET", "/_sandbox/faults").json["faults"] == [])
        #expect(try addFault(sandbox, ["id": "a", "drop": true]).status == 201)
        #expect(try addFault(sandbox, ["id": "a", "drop": true]).status == 409)
        let missing = try sandbox.call("DELETE", "/_sandbox/faults/zzz")
        #expect(missing.status == 404 && missing.json["error"] == "no fault rule with id \"zzz\"" && missing.json["details"] == [])
        #expect(try sandbox.call("DELETE", "/_sandbox/faults/a").json["removed"] == "a")
        _ = try addFault(sandbox, [["drop": true], ["drop": true]])
        #expect(try sandbox.call("DELETE", "/_sandbox/faults").json["removed"] == 2)
    }

    /// A delayed answer holds only its own connection: another connection is answered meanwhile, and
    /// a request pipelined behind the delayed one is answered after it, in order.
    @Test func delayDoesNotStallOtherConnectionsAndKeepsOrder() throws {
        let sandbox = try LiveSandbox()
        _ = try addFault(sandbox, ["match": ["path": "/slow"], "delay_ms": 400])
        let port = try #require(sandbox.server.port)
        let slow = try HTTPClient.open(port: port)
        let started = ContinuousClock.now
        try slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /_sandbox/health HTTP/1.1\r\nHost: x\r\n\r\n")
        let other = try HTTPClient.open(port: port)
        try other.send("GET /_sandbox/health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try other.readResponse().status == 200)
        let otherDone = ContinuousClock.now - started
        let first = try slow.readResponse()
        let slowDone = ContinuousClock.now - started
        let second = try slow.readResponse()
        #expect(first.status == 404)  // /slow has no route: the delayed real answer
        #expect(second.status == 200)
        #expect(slowDone >= .milliseconds(400))
        #expect(otherDone < .milliseconds(400))
    }

    @Test func dropClosesWithoutAnswerAndRunsNoHandler() throws {
        let sandbox = try LiveSandbox()
        _ = try addFault(sandbox, ["match": ["operation": "gstr2b.regenerate"], "drop": true, "times": 1])
        let token = try flow.login(sandbox)
        let port = try #require(sandbox.server.port)
        let client = try HTTPClient.open(port: port)
        try client.send("POST \(Self.base)/gstrs/gstr-2b/2025/03/regenerate HTTP/1.1\r\nHost: x\r\nx-api-key: \(apiKey)\r\n"
                        + "authorization: \(token)\r\nContent-Length: 0\r\n\r\n")
        #expect(try client.waitForClose().isEmpty)
        let entry = try sandbox.call("GET", "/_sandbox/journal?operation=gstr2b.regenerate").json["entries"]?[0]
        #expect(entry?["status"] == 0)
        #expect(entry?["transitions"] == [])
        // `times: 1` — the next one goes through and starts a job.
        let again = try sandbox.call("POST", "\(Self.base)/gstrs/gstr-2b/2025/03/regenerate", headers: ["x-api-key": apiKey, "authorization": token])
        #expect(again.json["data"]?["data"]?["reference_id"] != nil)
    }

    /// A vendor request is journalled under the tenant its handler worked on, also when the request
    /// itself names none: Vayana's login carries only credentials.
    @Test func vayanaLoginIsJournalledUnderItsTenant() throws {
        let sandbox = try LiveSandbox()
        let login = try sandbox.call("POST", "/theodore/apis/v1/authtokens", body: [
            "handle": "developer@gspsandbox.local", "password": "Sandbox@2025", "handleType": "email",
        ])
        #expect(login.status == 200)
        let refused = try sandbox.call("POST", "/theodore/apis/v1/authtokens", body: [
            "handle": "developer@gspsandbox.local", "password": "wrong", "handleType": "email",
        ])
        #expect(refused.status == 401)
        let journal = try sandbox.call("GET", "/_sandbox/journal?operation=vayana.auth.login")
        let tenants = (journal.json["entries"]?.arrayValue ?? []).map { $0["tenant"]?.stringValue }
        #expect(tenants == ["default", nil])  // the default scenario's tenant owns that login
    }

    @Test func journalRecordsTransitionsAndVerifyExplainsMisses() throws {
        let sandbox = try LiveSandbox()
        let (headers, job) = try regenerate(sandbox)
        _ = try sandbox.call("GET", "\(Self.base)/gstrs/gstr-2b/regenerate?reference_id=\(job)", headers: headers)

        let started = try sandbox.call("GET", "/_sandbox/journal?operation=gstr2b.regenerate&tenant=\(apiKey)")
        let entry = try #require(started.json["entries"]?[0])
        #expect(entry["method"] == "POST")
        #expect(entry["status"] == 200)
        #expect(entry["path"]?.stringValue == "\(Self.base)/gstrs/gstr-2b/2025/03/regenerate")
        #expect(entry["transitions"]?.arrayValue?.contains { $0.stringValue?.hasPrefix("job \(job) submitted") == true } == true)
        let polled = try sandbox.call("GET", "/_sandbox/journal?operation=gstr2b.regenerate.status")
        let pollTransitions = polled.json["entries"]?[0]?["transitions"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(pollTransitions.contains { $0.hasPrefix("job \(job) →") })
        #expect(pollTransitions.contains { $0.hasPrefix("GSTR-2B \(Self.gstin) 032025 generated") })
        // Journal reads are not journalled.
        #expect(try sandbox.call("GET", "/_sandbox/journal?operation=sandbox.journal.list").json["count"] == 0)

        let pass = try sandbox.call("POST", "/_sandbox/verify", body: [
            "pattern": ["operation": "gstr2b.regenerate", "tenant": .string(apiKey)], "count": 1])
        #expect(pass.json["pass"] == true)
        #expect(pass.json["matched"] == 1)
        let fail = try sandbox.call("POST", "/_sandbox/verify", body: [
            "pattern": ["operation": "gstr2b.regenerate.status", "status": 500], "count": ["at_least": 1]])
        #expect(fail.json["pass"] == false)
        #expect(fail.json["matched"] == 0)
        #expect(fail.json["near_misses"]?[0]?["differs"] == "status")
        #expect(fail.json["near_misses"]?[0]?["entry"]?["operation"] == "gstr2b.regenerate.status")
        #expect(try sandbox.call("POST", "/_sandbox/verify", body: ["pattern": ["verb": "GET"]]).status == 400)

        let cleared = try sandbox.call("DELETE", "/_sandbox/journal")
        #expect((cleared.json["cleared"]?.intValue ?? 0) >= 5)
        #expect(try sandbox.call("GET", "/_sandbox/journal").json["size"] == 0)
    }

    @Test func metricsAreValidPrometheusText() throws {
        let sandbox = try LiveSandbox()
        let (headers, job) = try regenerate(sandbox)
        _ = try sandbox.call("GET", "\(Self.base)/gstrs/gstr-2b/regenerate?reference_id=\(job)", headers: headers)
        try sandbox.client.send("GET /_sandbox/metrics HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let response = try sandbox.client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/plain; version=0.0.4")
        let samples = PrometheusText.samples(response.text)
        #expect(samples[#"gsp_sandbox_requests_total{operation="gstr2b.regenerate",status="200"}"#] == 1)
        #expect(samples[#"gsp_sandbox_request_duration_seconds_count{operation="gstr2b.regenerate.status"}"#] == 1)
        #expect(samples[#"gsp_sandbox_jobs{state="completed"}"#] == 1)
        #expect((samples["gsp_sandbox_tenants"] ?? 0) >= 2)
        #expect(samples["gsp_sandbox_journal_capacity"] == 10_000)
        #expect((samples["gsp_sandbox_journal_entries"] ?? 0) >= 6)
    }

    /// A scenario's `faults` block is installed at start; a bad one stops start-up naming the path.
    @Test func scenarioFilesDeclareFaults() throws {
        // RepoPath counts from Support/; this file is one level up.
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let defaultPath = parts.joined(separator: "/") + "/Scenarios/default.json"
        guard case .object(var scenario) = try JSONParser.parse(try ScenarioFile.read(defaultPath)) else {
            Issue.record("default.json is not an object"); return
        }
        scenario["faults"] = [["id": "slow-ims", "match": ["operation": "ims.count"], "respond": ["error_code": "AUTH4033"]]]
        let path = try ScenarioFile.write(.object(scenario))
        let sandbox = try LiveSandbox(scenarioPaths: [path])
        let listed = try sandbox.call("GET", "/_sandbox/faults")
        #expect(listed.json["faults"]?[0]?["id"] == "slow-ims")
        let reply = try sandbox.call("GET", "\(Self.base)/invoices/count", headers: ["x-api-key": "key_live_gspsandbox"])
        #expect(reply.json["data"]?["error"]?["error_cd"] == "AUTH4033")
        #expect(reply.json["data"]?["error"]?["message"] == "Invalid Session")

        // Reset returns the tenant to its scenario, faults included: a `times: 1` rule fires again.
        // A rule added at runtime keeps its counters.
        scenario["faults"] = [["id": "once", "match": ["operation": "ims.count"], "times": 1, "respond": ["error_code": "AUTH4033"]]]
        let oncePath = try ScenarioFile.write(.object(scenario))
        let resettable = try LiveSandbox(scenarioPaths: [oncePath])
        _ = try addFault(resettable, ["id": "runtime", "match": ["operation": "ims.invoices"], "times": 1, "respond": ["status": 503, "body": ["error": "down"]]])
        func countFault() throws -> String? {
            let r = try resettable.call("GET", "\(Self.base)/invoices/count", headers: ["x-api-key": "key_live_gspsandbox"])
            return r.json["data"]?["error"]?["error_cd"]?.stringValue
        }
        #expect(try countFault() == "AUTH4033")
        #expect(try countFault() != "AUTH4033")
        _ = try resettable.call("GET", "\(Self.base)/invoices?section=B2B", headers: ["x-api-key": "key_live_gspsandbox"])
        let tenant = try #require(resettable.call("GET", "/_sandbox/tenants").json["tenants"]?[0]?["id"]?.stringValue)
        #expect(try resettable.call("POST", "/_sandbox/tenants/\(tenant)/reset").status == 200)
        let afterReset = try resettable.call("GET", "/_sandbox/faults").json["faults"]?.arrayValue ?? []
        #expect(afterReset.map { $0["id"]?.stringValue } == ["once", "runtime"])
        #expect(afterReset.map { $0["fired"]?.intValue } == [0, 1])
        #expect(try countFault() == "AUTH4033")
        _ = try resettable.call("POST", "/_sandbox/reset")
        #expect(try countFault() == "AUTH4033")

        scenario["faults"] = [["match": ["operation": "ims.count"], "respond": ["status": 9000]]]
        let badPath = try ScenarioFile.write(.object(scenario))
        #expect {
            _ = try SandboxServer(configuration: SandboxConfiguration(port: 0, scenarioPaths: [badPath]))
        } throws: { error in
            (error as? ScenarioLoadError)?.description.contains("$.faults[0].respond.status") == true
        }
    }
}

/// Reads and writes scenario files for tests (no Foundation in this target).
enum ScenarioFile {
    static func read(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw HTTPClient.Failure(description: "cannot open \(path)") }
        defer { fclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Writes `json` to a fresh file under /tmp and returns its path.
    static func write(_ json: JSONValue) throws -> String {
        let path = "/tmp/gsp-observe-\(UInt64.random(in: 0...UInt64.max)).json"
        guard let file = fopen(path, "wb") else { throw HTTPClient.Failure(description: "cannot create \(path)") }
        defer { fclose(file) }
        let bytes = JSONWriter.write(json)
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        return path
    }
}
