import Synchronization

/// Request counters and latency histograms per operation, for `GET /_sandbox/metrics`.
///
/// One small lock taken once per request for a handful of integer updates: operations are a fixed,
/// small set (the route table), so the dictionary stops growing after warm-up.
public final class Metrics: Sendable {
    /// Histogram bucket upper bounds, seconds (Prometheus `le`).
    public static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct OperationStats: Sendable {
        var byStatus: [Int: UInt64] = [:]
        /// Non-cumulative counts per bucket; the last slot is +Inf.
        var buckets = [UInt64](repeating: 0, count: Metrics.bucketBounds.count + 1)
        var sumSeconds: Double = 0
        var count: UInt64 = 0
    }

    struct Store: Sendable {
        var operations: [String: OperationStats] = [:]
        var faults: [String: UInt64] = [:]
    }

    private let store = Mutex(Store())

    public init() {}

    public func record(operation: String, status: Int, seconds: Double) {
        var bucket = Self.bucketBounds.count
        for (i, bound) in Self.bucketBounds.enumerated() where seconds <= bound { bucket = i; break }
        store.withLock { s in
            s.operations[operation, default: OperationStats()].record(status: status, bucket: bucket, seconds: seconds)
        }
    }

    public func recordFault(id: String) {
        store.withLock { $0.faults[id, default: 0] += 1 }
    }

    /// Requests counted for `operation` with `status` (tests).
    public func requests(operation: String, status: Int) -> UInt64 {
        store.withLock { $0.operations[operation]?.byStatus[status] ?? 0 }
    }

    /// The gauges read at scrape time from the rest of the sandbox.
    public struct Gauges: Sendable {
        public var tenants: Int
        public var jobsByState: [String: Int]
        public var journalEntries: Int
        public var journalCapacity: Int
        public var faultRules: Int

        public init(tenants: Int, jobsByState: [String: Int], journalEntries: Int, journalCapacity: Int, faultRules: Int) {
            self.tenants = tenants; self.jobsByState = jobsByState; self.journalEntries = journalEntries
            self.journalCapacity = journalCapacity; self.faultRules = faultRules
        }
    }

    /// The Prometheus text exposition (format 0.0.4).
    public func render(_ gauges: Gauges) -> String {
        let snapshot = store.withLock { $0 }
        var out = ""
        out += "# HELP gsp_sandbox_requests_total Requests answered, by route operation and HTTP status.\n"
        out += "# TYPE gsp_sandbox_requests_total counter\n"
        let operations = snapshot.operations.keys.sorted()
        for op in operations {
            let stats = snapshot.operations[op]!
            for status in stats.byStatus.keys.sorted() {
                out += "gsp_sandbox_requests_total{operation=\"\(Self.escape(op))\",status=\"\(status)\"} \(stats.byStatus[status]!)\n"
            }
        }
        out += "# HELP gsp_sandbox_request_duration_seconds Time to produce a response (injected delays excluded).\n"
        out += "# TYPE gsp_sandbox_request_duration_seconds histogram\n"
        for op in operations {
            let stats = snapshot.operations[op]!
            let label = Self.escape(op)
            var cumulative: UInt64 = 0
            for (i, bound) in Self.bucketBounds.enumerated() {
                cumulative += stats.buckets[i]
                out += "gsp_sandbox_request_duration_seconds_bucket{operation=\"\(label)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            cumulative += stats.buckets[Self.bucketBounds.count]
            out += "gsp_sandbox_request_duration_seconds_bucket{operation=\"\(label)\",le=\"+Inf\"} \(cumulative)\n"
            out += "gsp_sandbox_request_duration_seconds_sum{operation=\"\(label)\"} \(stats.sumSeconds)\n"
            out += "gsp_sandbox_request_duration_seconds_count{operation=\"\(label)\"} \(stats.count)\n"
        }
        out += "# HELP gsp_sandbox_faults_injected_total Requests answered by a fault rule, by rule id.\n"
        out += "# TYPE gsp_sandbox_faults_injected_total counter\n"
        for id in snapshot.faults.keys.sorted() {
            out += "gsp_sandbox_faults_injected_total{rule=\"\(Self.escape(id))\"} \(snapshot.faults[id]!)\n"
        }
        out += "# HELP gsp_sandbox_jobs Asynchronous jobs over all tenants, by state.\n"
        out += "# TYPE gsp_sandbox_jobs gauge\n"
        for state in gauges.jobsByState.keys.sorted() {
            out += "gsp_sandbox_jobs{state=\"\(Self.escape(state))\"} \(gauges.jobsByState[state]!)\n"
        }
        out += "# HELP gsp_sandbox_tenants Tenants the sandbox holds.\n# TYPE gsp_sandbox_tenants gauge\n"
        out += "gsp_sandbox_tenants \(gauges.tenants)\n"
        out += "# HELP gsp_sandbox_journal_entries Requests held in the journal ring.\n# TYPE gsp_sandbox_journal_entries gauge\n"
        out += "gsp_sandbox_journal_entries \(gauges.journalEntries)\n"
        out += "# HELP gsp_sandbox_journal_capacity Size of the journal ring.\n# TYPE gsp_sandbox_journal_capacity gauge\n"
        out += "gsp_sandbox_journal_capacity \(gauges.journalCapacity)\n"
        out += "# HELP gsp_sandbox_fault_rules Fault rules installed.\n# TYPE gsp_sandbox_fault_rules gauge\n"
        out += "gsp_sandbox_fault_rules \(gauges.faultRules)\n"
        return out
    }

    /// Label-value escaping of the exposition format: backslash, quote, newline.
    static func escape(_ value: String) -> String {
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }
}

extension Metrics.OperationStats {
    mutating func record(status: Int, bucket: Int, seconds: Double) {
        byStatus[status, default: 0] += 1
        buckets[bucket] += 1
        sumSeconds += seconds
        count += 1
    }
}
