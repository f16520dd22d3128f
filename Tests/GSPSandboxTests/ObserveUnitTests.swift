import GSPSandbox
import GSTCore
import JSON
import Testing

/// The pure parts of Observe: the journal ring, the glob and verify matchers, fault-rule parsing and
/// limits, the Prometheus text.
struct ObserveUnitTests {
    func entry(_ op: String, status: Int = 200, method: String = "GET", path: String = "/x", tenant: String? = "t1") -> JournalEntry {
        JournalEntry(seq: 0, time: 0, method: method, path: path, tenant: tenant, operation: op, status: status,
                     durationMilliseconds: 0.1, transitions: [], transitionsDropped: 0, fault: nil)
    }

    @Test func ringStaysBoundedUnderAMillionEntries() {
        let journal = Journal(capacity: 10_000)
        let started = ContinuousClock.now
        var slotsAtHalf = 0
        for i in 0..<1_000_000 {
            journal.append(entry(i % 2 == 0 ? "gstr2b.get" : "ims.save", path: "/gst/compliance/tax-payer/\(i & 1023)"))
            if i == 500_000 { slotsAtHalf = journal.allocatedSlots }
        }
        let elapsed = ContinuousClock.now - started
        print("journal: 1,000,000 appends into a 10,000-entry ring took \(elapsed)")
        #expect(journal.count == 10_000)
        // The slot array is allocated once (the allocator may round it up a little) and never grows again.
        #expect(journal.allocatedSlots < 10_000 + 64)
        #expect(journal.allocatedSlots == slotsAtHalf)
        let all = journal.entries
        #expect(all.first?.seq == 990_001)
        #expect(all.last?.seq == 1_000_000)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.seq + 1 == $1.seq })
    }

    @Test func ringCutsLongPathsAndClears() {
        let journal = Journal(capacity: 3)
        journal.append(entry("a", path: "/" + String(repeating: "p", count: 5000)))
        #expect(journal.entries[0].path.utf8.count == Journal.maximumPathLength)
        for op in ["b", "c", "d"] { journal.append(entry(op)) }
        #expect(journal.entries.map(\.operation) == ["b", "c", "d"])
        #expect(journal.query(JournalFilter(operation: "c")).map(\.seq) == [3])
        #expect(journal.query(JournalFilter(), since: 2, limit: 1).map(\.operation) == ["c"])
        #expect(journal.query(JournalFilter(), limit: 2).map(\.operation) == ["c", "d"])
        journal.clear()
        #expect(journal.count == 0)
        #expect(journal.append(entry("e")) == 5)
    }

    @Test func globMatchesStarsAndQuestionMarks() {
        #expect(Glob.matches("/gst/*/regenerate", "/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate"))
        #expect(Glob.matches("/gst/compliance/*", "/gst/compliance/"))
        #expect(Glob.matches("/a?c", "/abc"))
        #expect(!Glob.matches("/a?c", "/abbc"))
        #expect(!Glob.matches("/gst/*/status", "/gst/x/status/more"))
        #expect(Glob.matches("*", ""))
    }

    @Test func verifyCountsAndReportsNearMisses() {
        let entries = [entry("ims.save", status: 200), entry("ims.save", status: 200, tenant: "t2"),
                       entry("ims.status", status: 200), entry("ims.save", status: 403)]
        let pattern = RequestPattern(operation: "ims.save", tenant: "t1", status: 200)
        let exact = Verifier.verify(pattern, .exactly(1), in: entries)
        #expect(exact.pass && exact.matched == 1)
        let fields = Set(exact.nearMisses.map(\.field))
        #expect(fields == ["tenant", "operation", "status"])
        #expect(!Verifier.verify(pattern, .exactly(2), in: entries).pass)
        #expect(Verifier.verify(pattern, .atMost(1), in: entries).pass)
        #expect(!Verifier.verify(pattern, .atLeast(2), in: entries).pass)
    }

    @Test func faultRulesReadTheirFieldsAndRejectBadOnes() throws {
        let rule = try FaultRule.parse(
            ["match": ["operation": "gstr2b.regenerate.status", "gstin": "27aapca4821k1zd"], "after": 1, "times": 1,
             "respond": ["error_code": "IMS2B009"]], defaultID: "f1")
        #expect(rule.id == "f1" && rule.after == 1 && rule.times == 1)
        #expect(rule.match.gstin == "27AAPCA4821K1ZD")
        #expect(rule.respond == .errorCode("IMS2B009", message: nil))
        let bad: [JSONValue] = [
            ["match": ["operation": "x"]],  // no action
            ["respond": ["status": 700]],
            ["probability": 2, "drop": true],
            ["delay": ["min_ms": 10, "max_ms": 5]],
            ["drop": true, "respond": ["status": 500]],
            ["match": ["operaton": "x"], "drop": true],
        ]
        for json in bad {
            #expect(throws: FaultRuleError.self) { try FaultRule.parse(json, defaultID: "x") }
        }
    }

    @Test func metricsRenderAsPrometheusText() {
        let metrics = Metrics()
        metrics.record(operation: "ims.save", status: 200, seconds: 0.0007)
        metrics.record(operation: "ims.save", status: 200, seconds: 3)
        metrics.record(operation: "ims.save", status: 403, seconds: 0.0001)
        let text = metrics.render(.init(tenants: 2, jobsByState: ["pending": 1, "completed": 3], journalEntries: 3,
                                        journalCapacity: 10, faultRules: 0))
        let samples = PrometheusText.samples(text)
        #expect(samples[#"gsp_sandbox_requests_total{operation="ims.save",status="200"}"#] == 2)
        #expect(samples[#"gsp_sandbox_requests_total{operation="ims.save",status="403"}"#] == 1)
        #expect(samples[#"gsp_sandbox_request_duration_seconds_bucket{operation="ims.save",le="0.001"}"#] == 2)
        #expect(samples[#"gsp_sandbox_request_duration_seconds_bucket{operation="ims.save",le="2.5"}"#] == 2)
        #expect(samples[#"gsp_sandbox_request_duration_seconds_bucket{operation="ims.save",le="+Inf"}"#] == 3)
        #expect(samples[#"gsp_sandbox_request_duration_seconds_count{operation="ims.save"}"#] == 3)
        #expect(samples[#"gsp_sandbox_jobs{state="pending"}"#] == 1)
        #expect(samples["gsp_sandbox_tenants"] == 2)
    }
}

/// A strict reader of the Prometheus text format for tests: every line is a comment (`# HELP`/`# TYPE`)
/// or `name{labels} value`; anything else is recorded as a failure.
enum PrometheusText {
    static func samples(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") { continue }
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                Issue.record("not a sample line: \(line)", sourceLocation: sourceLocation)
                continue
            }
            let key = String(line[..<space])
            let name = key.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
            #expect(!name.isEmpty && (key.count == name.count || key.hasSuffix("}")), "bad series \(key)", sourceLocation: sourceLocation)
            out[key] = value
        }
        return out
    }
}
