/// `POST /_sandbox/verify`: how many journalled requests match a pattern, against an expected count,
/// with near misses (entries that match every given field but one) to explain a failure.
public struct RequestPattern: Sendable, Equatable {
    public var operation: String?
    public var method: String?
    /// A glob (`*` any run of characters, `?` one), like fault rules' `path`.
    public var path: String?
    public var tenant: String?
    public var status: Int?

    public init(operation: String? = nil, method: String? = nil, path: String? = nil, tenant: String? = nil, status: Int? = nil) {
        self.operation = operation; self.method = method; self.path = path; self.tenant = tenant; self.status = status
    }

    /// The names of the given fields `entry` does not satisfy (empty = a match).
    func mismatches(_ entry: JournalEntry) -> [String] {
        var out: [String] = []
        if let operation, entry.operation != operation { out.append("operation") }
        if let method, entry.method != method.uppercased() { out.append("method") }
        if let path, !Glob.matches(path, entry.path) { out.append("path") }
        if let tenant, entry.tenant != tenant { out.append("tenant") }
        if let status, entry.status != status { out.append("status") }
        return out
    }

    var fieldCount: Int { [operation, method, path, tenant].compactMap { $0 }.count + (status == nil ? 0 : 1) }
}

/// The expected number of matches.
public enum ExpectedCount: Sendable, Equatable {
    case exactly(Int)
    case atLeast(Int)
    case atMost(Int)

    func accepts(_ n: Int) -> Bool {
        switch self {
        case .exactly(let c): return n == c
        case .atLeast(let c): return n >= c
        case .atMost(let c): return n <= c
        }
    }
}

public struct VerificationResult: Sendable {
    public var pass: Bool
    public var matched: Int
    /// Entries that differ from the pattern in exactly one field, and that field; latest first, at most 10.
    public var nearMisses: [(entry: JournalEntry, field: String)]
}

public enum Verifier {
    public static let nearMissLimit = 10

    public static func verify(_ pattern: RequestPattern, _ expected: ExpectedCount, in entries: [JournalEntry]) -> VerificationResult {
        var matched = 0
        var near: [(entry: JournalEntry, field: String)] = []
        // Near misses only mean something when the pattern names at least two fields.
        let wantsNear = pattern.fieldCount >= 2
        for entry in entries.reversed() {
            let missing = pattern.mismatches(entry)
            if missing.isEmpty {
                matched += 1
            } else if wantsNear, missing.count == 1, near.count < nearMissLimit {
                near.append((entry, missing[0]))
            }
        }
        return VerificationResult(pass: expected.accepts(matched), matched: matched, nearMisses: near)
    }
}

/// `*` matches any run of characters (slashes included), `?` exactly one; everything else literally.
public enum Glob {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8), t = Array(text.utf8)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
