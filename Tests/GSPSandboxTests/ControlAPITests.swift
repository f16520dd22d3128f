import GSPSandbox
import GSTCore
import HTTPTestClient
import JSON
import Testing
import Dispatch
import Synchronization

/// The control API over real HTTP: tenants, runtime scenarios, the clock, jobs, snapshots.
struct ControlAPITests {
    static let minimal: JSONValue = [
        "clock": ["now": "2025-05-10T10:00:00+05:30"],
        "credentials": ["sandbox": [["api_key": "key_live_minimal", "api_secret": "secret_live_minimal"]]],
        "taxpayers": [["gstin": "27AAPCA4821K1ZD", "trade_name": "Acme Retail Private Limited", "username": "acme.retail", "otp": "575757"]],
    ]

    /// `Scenarios/…` from this file's location (RepoPath counts from Support/).
    static func scenarioPath(_ relative: String, file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Scenarios/" + relative
    }

    func ids(_ sandbox: LiveSandbox) throws -> [String] {
        try sandbox.call("GET", "/_sandbox/tenants").json["tenants"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

    @Test func tenantsAreCreatedListedResetAndDeleted() throws {
        let sandbox = try LiveSandbox()
        #expect(try ids(sandbox) == ["default"])

        let created = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "mini", "scenario_inline": Self.minimal])
        #expect(created.status == 201)
        #expect(created.json["id"] == "mini")
        #expect(created.json["clock"]?["now"] == "2025-05-10T10:00:00+05:30")
        #expect(created.json["credentials"]?["sandbox"]?[0]?["api_key"] == "key_live_minimal")
        #expect(try ids(sandbox) == ["default", "mini"])

        // Bad requests: 400 with a message, and nothing changes.
        let duplicate = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "mini", "scenario_inline": Self.minimal])
        #expect(duplicate.status == 400)
        #expect(duplicate.json["error"] == "a tenant \"mini\" already exists")
        var broken = Self.minimal.objectValue!
        broken["clock"] = ["now": "yesterday"]
        let invalid = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "broken", "scenario_inline": .object(broken)])
        #expect(invalid.status == 400)
        #expect(invalid.json["details"]?[0]?.stringValue?.hasPrefix("scenario_inline: $.clock.now: ") == true)
        let clash = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "copy", "scenario": "default"])
        #expect(clash.status == 400)
        #expect(clash.json["error"]?.stringValue?.contains("key_live_gspsandbox") == true)
        let typo = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "x", "senario": "default"])
        #expect(typo.status == 400)
        #expect(try ids(sandbox) == ["default", "mini"])

        // Own credentials make a second copy of a loaded scenario possible.
        let copy = try sandbox.call("POST", "/_sandbox/tenants", body: [
            "id": "copy", "scenario": "default", "credentials": ["sandbox": [["api_key": "key_live_copy", "api_secret": "s"]]],
        ])
        #expect(copy.status == 201)
        #expect(copy.json["scenario"] == "default")
        #expect(copy.json["documents"] == (try sandbox.call("GET", "/_sandbox/tenants/default").json["documents"]))

        // Addressed by id or by API key; reset brings the clock back.
        _ = try sandbox.call("POST", "/_sandbox/tenants/key_live_minimal/clock/advance", body: ["by": "P1D"])
        #expect(try sandbox.call("GET", "/_sandbox/tenants/mini/clock").json["now"] == "2025-05-11T10:00:00+05:30")
        let reset = try sandbox.call("POST", "/_sandbox/tenants/mini/reset")
        #expect(reset.status == 200)
        #expect(reset.json["clock"]?["now"] == "2025-05-10T10:00:00+05:30")
        _ = try sandbox.call("POST", "/_sandbox/tenants/mini/clock/advance", body: ["by": "1d"])
        let all = try sandbox.call("POST", "/_sandbox/reset")
        #expect(all.json["reset"]?.arrayValue?.count == 3)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/mini/clock").json["now"] == "2025-05-10T10:00:00+05:30")

        #expect(try sandbox.call("DELETE", "/_sandbox/tenants/mini").status == 200)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/mini").status == 404)
        #expect(try sandbox.call("DELETE", "/_sandbox/tenants/mini").status == 404)
        #expect(try ids(sandbox) == ["copy", "default"])
    }

    /// Every control refusal has one shape, `{"error", "details"}`, which the OpenAPI document promises.
    @Test func discoveryOfAnUnknownTenantIs404InTheControlErrorShape() throws {
        let sandbox = try LiveSandbox()
        let reply = try sandbox.call("GET", "/_sandbox/scenario?tenant=nobody")
        #expect(reply.status == 404)
        #expect(reply.json == ["error": "no such tenant", "details": []])
    }

    @Test func scenarioLoadsIntoATenantAtRuntime() throws {
        let sandbox = try LiveSandbox()
        _ = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "t", "scenario_inline": Self.minimal])
        let loaded = try sandbox.call("PUT", "/_sandbox/tenants/t/scenario", body: ["path": .string(Self.scenarioPath("tests/2b-timeline.json"))])
        #expect(loaded.status == 200)
        #expect(loaded.json["scenario"] == "2b-timeline")
        #expect(loaded.json["clock"]?["now"] == "2025-05-13T18:00:00+05:30")
        #expect(loaded.json["credentials"]?["sandbox"]?[0]?["api_key"] == "key_live_2b_timeline")
        // The old key no longer routes; the new one does.
        #expect(try sandbox.call("GET", "/_sandbox/tenants/key_live_minimal").status == 404)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/key_live_2b_timeline").json["id"] == "t")

        // An invalid scenario: 400 naming path and problem; the tenant keeps its world.
        var broken = Self.minimal.objectValue!
        broken["jobs"] = ["after_polls": -1]
        broken["taxpayers"] = [["gstin": "27AAPCA4821K1ZX", "trade_name": "A", "username": "a", "otp": "12"]]
        let refused = try sandbox.call("PUT", "/_sandbox/tenants/t/scenario", body: .object(broken))
        #expect(refused.status == 400)
        #expect(refused.json["error"] == "invalid scenario")
        let details = refused.json["details"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(details.contains { $0.hasPrefix("request body: $.jobs.after_polls: ") })
        #expect(details.contains { $0.hasPrefix("request body: $.taxpayers[0].otp: ") })
        #expect(try sandbox.call("GET", "/_sandbox/tenants/t").json["scenario"] == "2b-timeline")
        let missing = try sandbox.call("PUT", "/_sandbox/tenants/t/scenario", body: ["path": "/nonexistent/x.json"])
        #expect(missing.status == 400)
        #expect(missing.json["error"] == "not an allowed scenario path")

        // Inline scenario, then reset returns to it (not to the first one).
        let inline = try sandbox.call("PUT", "/_sandbox/tenants/t/scenario", body: Self.minimal)
        #expect(inline.json["documents"] == 0)
        #expect(try sandbox.call("POST", "/_sandbox/tenants/t/reset").json["documents"] == 0)
    }

    @Test func advancingTheClockTurnsIMS2B009IntoARegeneration() throws {
        let sandbox = try LiveSandbox()
        let (key, headers) = try ControlSession.defaultTenant(sandbox, "clock")
        let base = ControlSession.base
        let early = try sandbox.call("POST", "\(base)/gstrs/gstr-2b/2025/04/regenerate", headers: headers)
        #expect(early.json["data"]?["error"]?["error_cd"] == "IMS2B009")

        let clock = try sandbox.call("GET", "/_sandbox/tenants/\(key)/clock")
        #expect(clock.json["now"] == "2025-05-10T10:00:00+05:30")
        #expect(clock.json["mode"] == "fixed")
        #expect(clock.json["epoch_ms"] == 1_746_851_400_000)

        // Bad durations change nothing.
        for bad: JSONValue in [["by": "soon"], ["by": "P5X"], ["until": "P1D"], ["by": true]] {
            let reply = try sandbox.call("POST", "/_sandbox/tenants/\(key)/clock/advance", body: bad)
            #expect(reply.status == 400)
        }
        #expect(try sandbox.call("PUT", "/_sandbox/tenants/\(key)/clock", body: ["now": "14 May"]).status == 400)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/\(key)/clock").json["now"] == "2025-05-10T10:00:00+05:30")

        let advanced = try sandbox.call("POST", "/_sandbox/tenants/\(key)/clock/advance", body: ["by": "P3DT14H"])
        #expect(advanced.json["now"] == "2025-05-14T00:00:00+05:30")
        // Four days on, the 6 h taxpayer session and 24 h token have expired, as they would: log in again.
        let expired = try sandbox.call("POST", "\(base)/gstrs/gstr-2b/2025/04/regenerate", headers: headers)
        #expect(expired.status == 403)
        let again = try ControlSession.login(sandbox, key: key, secret: "secret_test_clock", gstin: EndToEndFlowTests.gstin,
                                             username: "acme.retail", otp: "575757")
        let regenerated = try sandbox.call("POST", "\(base)/gstrs/gstr-2b/2025/04/regenerate", headers: again)
        let ref = try #require(regenerated.json["data"]?["data"]?["reference_id"]?.stringValue)
        let poll = try sandbox.call("GET", "\(base)/gstrs/gstr-2b/regenerate?reference_id=\(ref)", headers: again)
        #expect(poll.json["data"]?["data"]?["status_cd"] == "P")

        let set = try sandbox.call("PUT", "/_sandbox/tenants/\(key)/clock", body: ["now": "2025-06-01T09:30:00+05:30"])
        #expect(set.json["now"] == "2025-06-01T09:30:00+05:30")
        let seconds = try sandbox.call("POST", "/_sandbox/tenants/\(key)/clock/advance", body: ["by": 90])
        #expect(seconds.json["now"] == "2025-06-01T09:31:30+05:30")
        let real = try sandbox.call("POST", "/_sandbox/tenants/\(key)/clock/real")
        #expect(real.json["mode"] == "real")
    }

    @Test func jobsAreListedAndCompletedOrFailedOnRequest() throws {
        let sandbox = try LiveSandbox()
        let created = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "jobs", "scenario": .string(Self.scenarioPath("tests/2b-timeline.json"))])
        #expect(created.status == 201)
        let headers = try ControlSession.login(sandbox, key: "key_live_2b_timeline", secret: "secret_live_2b_timeline",
                                               gstin: "29AAKFB7315M1Z0", username: "bharat.components", otp: "123456")
        let base = ControlSession.base
        func regenerate() throws -> String {
            let r = try sandbox.call("POST", "\(base)/gstrs/gstr-2b/2025/03/regenerate", headers: headers)
            return try #require(r.json["data"]?["data"]?["reference_id"]?.stringValue)
        }
        func poll(_ ref: String) throws -> JSONValue? {
            try sandbox.call("GET", "\(base)/gstrs/gstr-2b/regenerate?reference_id=\(ref)", headers: headers).json["data"]?["data"]?["status_cd"]
        }

        let first = try regenerate()
        let listed = try sandbox.call("GET", "/_sandbox/tenants/jobs/jobs").json["jobs"]?.arrayValue ?? []
        #expect(listed.count == 1)
        #expect(listed.first?["reference_id"]?.stringValue == first)
        #expect(listed.first?["kind"] == "gstr2b.regenerate")
        #expect(listed.first?["status"] == "IP")
        #expect(listed.first?["recipient"] == "29AAKFB7315M1Z0")
        #expect(listed.first?["submitted_at"] == "2025-05-13T18:00:00+05:30")

        // after_polls 2 would need three polls; completing it makes the first poll see P.
        let completed = try sandbox.call("POST", "/_sandbox/tenants/jobs/jobs/\(first)/complete")
        #expect(completed.json["status"] == "P")
        #expect(try poll(first) == "P")
        #expect(try sandbox.call("POST", "/_sandbox/tenants/jobs/jobs/\(first)/complete").status == 409)
        #expect(try sandbox.call("POST", "/_sandbox/tenants/jobs/jobs/ffffffffffffff0/fail").status == 404)

        let second = try regenerate()
        #expect(try poll(second) == "IP")
        let failed = try sandbox.call("POST", "/_sandbox/tenants/jobs/jobs/\(second)/fail")
        #expect(failed.json["status"] == "ER")
        #expect(try poll(second) == "ER")

        // An IMS save forced to fail ends ER and changes no record.
        let before = try sandbox.call("GET", "\(base)/invoices?section=B2B", headers: headers).json
        let record = try #require(before["data"]?["data"]?["b2b"]?.arrayValue?.first { $0["action"] == "N" })
        var item = record.objectValue!
        for k in ["hash", "ispendactblocked", "srcfilstatus"] { item[k] = nil }
        item["prev_status"] = "N"
        item["action"] = "A"
        let save = try sandbox.call("POST", "\(base)/invoices/status/save", headers: headers,
                                    body: ["rtin": "29AAKFB7315M1Z0", "reqtyp": "SAVE", "invdata": ["b2b": [.object(item)]]])
        let imsRef = try #require(save.json["data"]?["data"]?["reference_id"]?.stringValue)
        #expect(try sandbox.call("POST", "/_sandbox/tenants/jobs/jobs/\(imsRef)/fail").json["kind"] == "ims.save")
        let status = try sandbox.call("GET", "\(base)/invoices/status?reference_id=\(imsRef)", headers: headers)
        #expect(status.json["data"]?["data"]?["status_cd"] == "ER")
        let after = try sandbox.call("GET", "\(base)/invoices?section=B2B", headers: headers).json
        #expect(after["data"]?["data"] == before["data"]?["data"])
    }

    @Test func twoTenantsNeverSeeEachOthersState() throws {
        let sandbox = try LiveSandbox()
        let a = try ControlSession.defaultTenant(sandbox, "iso_a")
        let b = try ControlSession.defaultTenant(sandbox, "iso_b")
        let base = ControlSession.base
        let path = "\(base)/invoices?section=B2B&status=no_action_taken"
        let recordsA = try sandbox.call("GET", path, headers: a.headers).json["data"]?["data"]?["b2b"]?.arrayValue ?? []
        let record = try #require(recordsA.first)
        var item = record.objectValue!
        for k in ["hash", "ispendactblocked", "srcfilstatus"] { item[k] = nil }
        item["prev_status"] = "N"
        item["action"] = "R"
        // Interleaved: A acts and moves its clock while B reads and moves its own.
        let save = try sandbox.call("POST", "\(base)/invoices/status/save", headers: a.headers,
                                    body: ["rtin": .string(EndToEndFlowTests.gstin), "reqtyp": "SAVE", "invdata": ["b2b": [.object(item)]]])
        _ = try sandbox.call("POST", "/_sandbox/tenants/\(b.key)/clock/advance", body: ["by": "2h"])
        let ref = try #require(save.json["data"]?["data"]?["reference_id"]?.stringValue)
        _ = try sandbox.call("GET", "\(base)/invoices/status?reference_id=\(ref)", headers: a.headers)
        _ = try sandbox.call("POST", "/_sandbox/tenants/\(a.key)/clock/advance", body: ["by": "3h"])

        let afterA = try sandbox.call("GET", path, headers: a.headers).json["data"]?["data"]?["b2b"]?.arrayValue ?? []
        let afterB = try sandbox.call("GET", path, headers: b.headers).json["data"]?["data"]?["b2b"]?.arrayValue ?? []
        #expect(afterA.count == recordsA.count - 1)
        #expect(afterB.count == recordsA.count)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/\(a.key)/clock").json["now"] == "2025-05-10T13:00:00+05:30")
        #expect(try sandbox.call("GET", "/_sandbox/tenants/\(b.key)/clock").json["now"] == "2025-05-10T12:00:00+05:30")
        let jobsB = try sandbox.call("GET", "/_sandbox/tenants/\(b.key)/jobs").json["jobs"]?.arrayValue
        #expect(jobsB?.isEmpty == true)
        // B's session still answers for B: another tenant's key cannot use it.
        let crossed = try sandbox.call("GET", path, headers: ["x-api-key": a.key, "authorization": b.headers["authorization"]!])
        #expect(crossed.status != 200 || crossed.json["data"]?["data"]?["b2b"]?.arrayValue?.count != afterA.count)
    }

    @Test func exportThenImportGivesIdenticalResponses() throws {
        let sandbox = try LiveSandbox()
        let (key, headers) = try ControlSession.defaultTenant(sandbox, "snap")
        let base = ControlSession.base
        let records = try sandbox.call("GET", "\(base)/invoices?section=B2B&status=no_action_taken", headers: headers)
            .json["data"]?["data"]?["b2b"]?.arrayValue ?? []
        let march = records.filter { $0["rtnprd"] == "032025" && $0["srcfilstatus"] == "Filed" }
        try #require(march.count >= 2)
        var items: [JSONValue] = []
        for (record, action) in zip(march.prefix(2), ["A", "R"]) {
            var item = record.objectValue!
            for k in ["hash", "ispendactblocked", "srcfilstatus"] { item[k] = nil }
            item["prev_status"] = "N"
            item["action"] = .string(action)
            items.append(.object(item))
        }
        let save = try sandbox.call("POST", "\(base)/invoices/status/save", headers: headers,
                                    body: ["rtin": .string(EndToEndFlowTests.gstin), "reqtyp": "SAVE", "invdata": ["b2b": .array(items)]])
        let ref = try #require(save.json["data"]?["data"]?["reference_id"]?.stringValue)
        _ = try sandbox.call("GET", "\(base)/invoices/status?reference_id=\(ref)", headers: headers)
        let regen = try sandbox.call("POST", "\(base)/gstrs/gstr-2b/2025/03/regenerate", headers: headers)
        let regenRef = try #require(regen.json["data"]?["data"]?["reference_id"]?.stringValue)
        _ = try sandbox.call("GET", "\(base)/gstrs/gstr-2b/regenerate?reference_id=\(regenRef)", headers: headers)
        _ = try sandbox.call("POST", "/_sandbox/tenants/\(key)/clock/advance", body: ["by": "5h"])

        let reads = ["\(base)/invoices?section=B2B", "\(base)/invoices?section=CN", "\(base)/gstrs/gstr-2b/2025/03",
                     "\(base)/gstrs/gstr-2b/2025/04"]
        func snapshot() throws -> [JSONValue] {
            try reads.map { ControlSession.stable(try sandbox.call("GET", $0, headers: headers).json) }
        }
        let before = try snapshot()
        let exported = try sandbox.call("GET", "/_sandbox/tenants/\(key)/export")
        #expect(exported.status == 200)
        // The default world is generated: its recipe, and what this tenant changed on top.
        #expect(exported.json["generate"] != nil)
        #expect(exported.json["changes"]?["clock"]?["now"] == "2025-05-10T15:00:00+05:30")
        #expect(exported.json["changes"]?["documents"]?["b2b"]?.arrayValue?.map { $0["ims"]?["status"] } == ["A", "R"])
        let whole = try sandbox.call("GET", "/_sandbox/tenants/\(key)/export?full=true").json
        #expect(whole["changes"] == nil && whole["clock"]?["now"] == "2025-05-10T15:00:00+05:30")
        #expect(whole["documents"]?["b2b"]?.arrayValue?.contains { $0["ims"]?["status"] == "R" } == true)

        // Import into the same tenant (its login survives) and into a fresh one.
        let imported = try sandbox.call("POST", "/_sandbox/tenants/\(key)/import", body: exported.json)
        #expect(imported.status == 200)
        #expect(try snapshot() == before)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/\(key)/export").json == exported.json)

        var copy = exported.json.objectValue!
        copy["credentials"] = ["sandbox": [["api_key": "key_live_snapcopy", "api_secret": "s"]]]
        #expect(try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "snapcopy", "scenario_inline": .object(copy)]).status == 201)
        let copyHeaders = try ControlSession.login(sandbox, key: "key_live_snapcopy", secret: "s", gstin: EndToEndFlowTests.gstin,
                                                   username: "acme.retail", otp: "575757")
        let copied = try reads.map { ControlSession.stable(try sandbox.call("GET", $0, headers: copyHeaders).json) }
        #expect(copied == before)

        // A bad import: 400, state unchanged.
        let bad = try sandbox.call("POST", "/_sandbox/tenants/\(key)/import", body: ["clock": "tomorrow"])
        #expect(bad.status == 400)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/\(key)/export").json == exported.json)
    }
}

/// Two clients on their own connections, each driving its own tenant at the same time.
struct ConcurrentTenantTests {
    func call(_ client: HTTPClient, _ method: String, _ target: String, body: String = "") throws -> (Int, JSONValue) {
        let type = body.isEmpty ? "" : "Content-Type: application/json\r\n"
        let head = "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\n\(type)Content-Length: \(body.utf8.count)\r\n\r\n"
        try client.send(head + body)
        let response = try client.readResponse()
        return (response.status, try JSONParser.parse(response.body))
    }

    @Test func clocksAdvancedInParallelStayApart() throws {
        let sandbox = try LiveSandbox()
        let port = try #require(sandbox.server.port)
        for id in ["left", "right"] {
            let created = try sandbox.call("POST", "/_sandbox/tenants", body: [
                "id": .string(id), "scenario_inline": ControlAPITests.minimal,
                "credentials": ["sandbox": [["api_key": .string("key_live_\(id)"), "api_secret": "s"]]],
            ])
            #expect(created.status == 201)
        }
        let steps = ["left": 40, "right": 25]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let id = i == 0 ? "left" : "right"
            do {
                let client = try HTTPClient.open(port: port)
                for _ in 0..<steps[id]! {
                    let (status, _) = try call(client, "POST", "/_sandbox/tenants/\(id)/clock/advance", body: #"{"by": "1h"}"#)
                    if status != 200 { failures.add("\(id): \(status)") }
                }
            } catch {
                failures.add("\(id): \(error)")
            }
        }
        #expect(failures.all.isEmpty)
        let start: Int64 = 1_746_851_400_000
        for (id, n) in steps {
            let clock = try sandbox.call("GET", "/_sandbox/tenants/\(id)/clock").json
            #expect(clock["epoch_ms"] == .number(JSONNumber(start + Int64(n) * 3_600_000)))
        }
    }
}

final class Failures: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
