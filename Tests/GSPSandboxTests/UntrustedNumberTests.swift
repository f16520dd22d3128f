import GSPSandboxTesting
import GSTCore
import JSON
import ScenarioKit
import Testing

/// Issue 11 item 1 beyond the clock: numbers from requests and contract files that fed counter or
/// time arithmetic are refused with a clear message or kept in range, and the server stays up.
struct UntrustedNumberTests {
    static let acme = "27AAPCA4821K1ZD"

    /// GSTR-1 `doc_issue` counts are any non-negative integers: the summary's totals used to trap
    /// when two of them added up past `Int.max`; they saturate now.
    @Test func gstr1DocumentCountsThatOverflowTheirTotalStillSummarise() throws {
        let sandbox = try TestSandbox.start(scenario: .file(RepoPath.scenario("tests/gstr1-b2b.json")))
        defer { sandbox.stop() }
        let session = try sandbox.taxpayerSession(gstin: Self.acme)
        let max = "9223372036854775807"
        let doc = #"{"num":1,"from":"1","to":"9","totnum":\#(max),"cancel":\#(max),"net_issue":\#(max)}"#
        let body = #"{"gstin":"\#(Self.acme)","fp":"042025","doc_issue":{"doc_det":[{"doc_num":1,"docs":[\#(doc),\#(doc)]}]}}"#
        let saved = try sandbox.post("/gst/compliance/tax-payer/gstrs/gstr-1/2025/04", headers: session.headers,
                                     json: try JSONParser.parse(Array(body.utf8)))
        #expect(saved.json?["data"]?["data"]?["reference_id"]?.stringValue != nil, "\(saved.text)")

        let summary = try sandbox.get("/gst/compliance/tax-payer/gstrs/gstr-1/2025/04", headers: session.headers)
        #expect(summary.status == 200)
        let sections = summary.json?["data"]?["data"]?["sec_sum"]?.arrayValue ?? []
        let docIssue = sections.first { $0["sec_nm"] == "DOC_ISSUE" }
        #expect(docIssue?["ttl_doc_issued"] == .number(JSONNumber(Int.max)), "\(summary.text)")
        #expect(try sandbox.get("/_sandbox/health").status == 200)
    }

    /// A real-time tenant clock moved by an offset that leaves the clock's range (the testing library's
    /// `advanceClock` takes any value) used to trap on the next read (`real + offset`); it shows the
    /// range's end now, and the tenant exports and imports again.
    @Test func aRealTimeClockAdvancedPastItsRangeStaysAtItsEnd() throws {
        let sandbox = try TestSandbox.start(scenario: .inline(#"{"name":"real","clock":"real"}"#))
        defer { sandbox.stop() }
        sandbox.advanceClock(milliseconds: .max)
        let clock = try sandbox.control("GET", "/tenants/real/clock")
        #expect(clock.json?["epoch_ms"] == .number(JSONNumber(TenantClock.validRange.upperBound)), "\(clock.text)")
        let exported = try sandbox.control("GET", "/tenants/real/export")
        #expect(exported.status == 200)
        #expect(try sandbox.control("POST", "/tenants/real/import", json: exported.json).status == 200)
    }

    /// `gsp-sandbox test`: an `advance_clock` step that would take the clock out of its range fails
    /// with a message, as `POST …/clock/advance` answers 400, instead of trapping on a real-time clock.
    @Test func aContractStepThatAdvancesTheClockOutOfRangeFails() throws {
        let text = #"{"name":"far","clock":"real","steps":[{"advance_clock":"9223372036854775807ms"},{"request":{"method":"GET","path":"/_sandbox/health"}}]}"#
        let scenario = try ScenarioLoader.load(bytes: Array(text.utf8), name: "far.json")
        let result = ContractRunner.run(steps: try scenario.contractSteps(), scenario: scenario, label: "far")
        #expect(result.steps.count == 1)
        #expect(result.steps.first?.failures == ["advancing the clock by 9223372036854775807ms would take it outside 1900-01-01…9998-12-31 (IST)"])
    }

    /// The sweep's other control-API numbers: fault counters, delays, probabilities and seeds, the
    /// journal's paging, verify's counts. Absurd ones are refused with 400 and install nothing;
    /// the largest counters are accepted (they are only compared, never added to).
    @Test func absurdNumbersInControlRequestsAreRefused() throws {
        let sandbox = try TestSandbox.start(scenario: .default)
        defer { sandbox.stop() }
        let big = "9223372036854775808", max = "9223372036854775807"
        for rule in [#"{"delay_ms": \#(max)}"#, #"{"delay_ms": \#(big)}"#, #"{"delay_ms": -1}"#, #"{"delay_ms": 1e3}"#,
                     #"{"delay": {"min_ms": 0, "max_ms": \#(max)}}"#, #"{"drop": true, "after": \#(big)}"#,
                     #"{"drop": true, "times": -1}"#, #"{"drop": true, "times": 1.5}"#, #"{"drop": true, "probability": 1e400}"#,
                     #"{"drop": true, "probability": -1}"#, #"{"drop": true, "seed": 18446744073709551616}"#,
                     #"{"drop": true, "seed": -1}"#, #"{"respond": {"status": \#(big)}}"#] {
            let reply = try sandbox.control("POST", "/faults", json: try JSONParser.parse(Array(rule.utf8)))
            #expect(reply.status == 400, "\(rule): \(reply.text)")
            #expect(reply.json?["error"]?.stringValue != nil)
        }
        #expect(try sandbox.control("GET", "/faults").json?["faults"] == .array([]))
        let counters = #"{"id": "far", "match": {"path": "/nowhere"}, "drop": true, "after": \#(max), "times": \#(max), "seed": 18446744073709551615}"#
        #expect(try sandbox.control("POST", "/faults", json: try JSONParser.parse(Array(counters.utf8))).status == 201)

        for query in ["limit=\(big)", "limit=-1", "since=-1", "since=18446744073709551616", "status=\(big)"] {
            #expect(try sandbox.control("GET", "/journal?\(query)").status == 400, "\(query)")
        }
        #expect(try sandbox.control("GET", "/journal?limit=\(max)&since=18446744073709551615").status == 200)
        for count in [big, "-1", "1.5", #"{"at_least": \#(big)}"#, #"{"at_most": -1}"#] {
            let body = try JSONParser.parse(Array(#"{"pattern": {}, "count": \#(count)}"#.utf8))
            #expect(try sandbox.control("POST", "/verify", json: body).status == 400, "\(count)")
        }
        #expect(try sandbox.get("/_sandbox/health").status == 200)
    }

    /// What a GSTR-1 save turns into documents is what an export writes, so it must be what an import
    /// reads: a rate outside GSTN's list or an amount above its `amts` maximum (99,999,999,999.99) used
    /// to become a document, and the tenant's export then failed to load. Now the save job refuses the
    /// record (RET191175, as GSTN does) or the body (RET191106, GSTN's schema maximum).
    @Test(arguments: [(#""rt":7,"txval":1000"#, "RET191175"), (#""rt":18,"txval":100000000000"#, "RET191106"),
                      (#""rt":18,"txval":1000,"csamt":100000000000"#, "RET191106")])
    func aGSTR1SaveTheExportCouldNotReloadIsRefused(item: String, code: String) throws {
        let sandbox = try TestSandbox.start(scenario: .file(RepoPath.scenario("tests/gstr1-b2b.json")))
        defer { sandbox.stop() }
        let session = try sandbox.taxpayerSession(gstin: Self.acme)
        let invoice = #"{"inum":"BIG-1","idt":"05-04-2025","val":1180,"pos":"29","rchrg":"N","inv_typ":"R","itms":[{"num":1,"itm_det":{\#(item)}}]}"#
        let body = #"{"gstin":"\#(Self.acme)","fp":"042025","b2b":[{"ctin":"29AAKFB7315M1Z0","inv":[\#(invoice)]}]}"#
        let saved = try sandbox.post("/gst/compliance/tax-payer/gstrs/gstr-1/2025/04", headers: session.headers,
                                     json: try JSONParser.parse(Array(body.utf8)))
        let reference = try #require(saved.json?["data"]?["data"]?["reference_id"]?.stringValue, "\(saved.text)")
        let status = try sandbox.get("/gst/compliance/tax-payer/gstrs/2025/04/status?reference_id=\(reference)", headers: session.headers)
        let report = status.json?["data"]?["data"]?["error_report"]
        #expect((report?["error_cd"] ?? report?["b2b"]?[0]?["error_cd"]) == .string(code), "\(status.text)")

        let exported = try sandbox.control("GET", "/tenants/gstr1-b2b/export")
        #expect(exported.json?["documents"]?["b2b"]?.arrayValue?.contains { $0["number"] == "BIG-1" } == false)
        let reloaded = try sandbox.control("POST", "/tenants/gstr1-b2b/import", json: exported.json)
        #expect(reloaded.status == 200, "\(reloaded.text)")
    }

    /// IMS SAVE takes remarks of up to 500 characters; the scenario loader took 200, so a tenant whose
    /// recipient wrote a long remark exported a file it could not import.
    @Test func anIMSRemarkTheSaveAcceptsExportsAndImports() throws {
        let sandbox = try TestSandbox.start(scenario: .default)
        defer { sandbox.stop() }
        let session = try sandbox.taxpayerSession(gstin: Self.acme)
        let base = "/gst/compliance/tax-payer/invoices"
        let records = try sandbox.get("\(base)?section=B2B&status=no_action_taken", headers: session.headers)
        var item = try #require(records.json?["data"]?["data"]?["b2b"]?[0]?.objectValue, "\(records.text)")
        for k in ["hash", "ispendactblocked", "srcfilstatus"] { item[k] = nil }
        item["prev_status"] = "N"
        item["action"] = "R"
        item["remarks"] = .string(String(repeating: "r", count: 500))
        let save = try sandbox.post("\(base)/status/save", headers: session.headers,
                                    json: ["rtin": .string(Self.acme), "reqtyp": "SAVE", "invdata": ["b2b": [.object(item)]]])
        let reference = try #require(save.json?["data"]?["data"]?["reference_id"]?.stringValue, "\(save.text)")
        let status = try sandbox.get("\(base)/status?reference_id=\(reference)", headers: session.headers)
        #expect(status.json?["data"]?["data"]?["status_cd"] == "P", "\(status.text)")

        let exported = try sandbox.control("GET", "/tenants/default/export")
        let reloaded = try sandbox.control("POST", "/tenants/default/import", json: exported.json)
        #expect(reloaded.status == 200, "\(reloaded.text)")
    }
}
