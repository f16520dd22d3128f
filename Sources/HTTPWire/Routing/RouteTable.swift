/// The non-generic core of `Router`: patterns indexed by segment count, each with the route
/// indices registered per method. Keeping it free of the router's `Context` parameter means the
/// matching code is compiled once, fully optimized, in this module; only the thin generic shell
/// (`Router.route`) is specialized in the client.
@usableFromInline
struct RouteTable: Sendable {
    struct Entry: Sendable {
        let pattern: PathPattern
        var methods: [(method: HTTPMethod, routeIndex: Int)]
    }

    @usableFromInline
    enum Match: Sendable {
        case found(routeIndex: Int, PathParameters)
        case notFound
        case methodNotAllowed([HTTPMethod])
    }

    /// `buckets[n]` holds the patterns with n segments, most specific first.
    private var buckets: [[Entry]] = []

    @usableFromInline init() {}

    /// Registers `routeIndex` for `method` on `pattern`; returns the index of an existing route
    /// with the same method on a pattern of the same shape instead (a clash), leaving the table as it was.
    mutating func add(_ pattern: PathPattern, _ method: HTTPMethod, routeIndex: Int) -> Int? {
        let count = pattern.segments.count
        while buckets.count <= count { buckets.append([]) }
        if let existing = buckets[count].firstIndex(where: { $0.pattern.hasSameShape(as: pattern) }) {
            if let clash = buckets[count][existing].methods.first(where: { $0.method == method }) {
                return clash.routeIndex
            }
            buckets[count][existing].methods.append((method, routeIndex))
            return nil
        }
        let entry = Entry(pattern: pattern, methods: [(method, routeIndex)])
        let position = buckets[count].firstIndex { pattern.isMoreSpecific(than: $0.pattern) }
        buckets[count].insert(entry, at: position ?? buckets[count].endIndex)
        return nil
    }

    @usableFromInline
    func match(method: HTTPMethod, path: String) -> Match {
        var path = path
        return path.withUTF8 { bytes in match(method: method, path: bytes) }
    }

    private func match(method: HTTPMethod, path: UnsafeBufferPointer<UInt8>) -> Match {
        guard path.first == UInt8(ascii: "/") else { return .notFound }
        var segmentCount = 0
        for byte in path where byte == UInt8(ascii: "/") { segmentCount += 1 }
        guard segmentCount < buckets.count else { return .notFound }

        var allow: [HTTPMethod] = []
        for entry in buckets[segmentCount] where Self.matches(entry.pattern, path) {
            if let routeIndex = Self.routeIndex(for: method, in: entry) {
                return .found(routeIndex: routeIndex, Self.parameters(of: entry.pattern, in: path))
            }
            for (registered, _) in entry.methods where !allow.contains(registered) {
                allow.append(registered)
                if registered == .get && !allow.contains(.head) { allow.append(.head) }
            }
        }
        return allow.isEmpty ? .notFound : .methodNotAllowed(allow)
    }

    private static func routeIndex(for method: HTTPMethod, in entry: Entry) -> Int? {
        if let exact = entry.methods.first(where: { $0.method == method }) { return exact.routeIndex }
        if method == .head { return entry.methods.first(where: { $0.method == .get })?.routeIndex }
        return nil
    }

    /// Walks the path's segments against the pattern's without allocating.
    private static func matches(_ pattern: PathPattern, _ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 1  // after the leading "/"
        for literal in pattern.literalBytes {
            var end = start
            while end < path.count && path[end] != UInt8(ascii: "/") { end += 1 }
            if let literal {
                guard end - start == literal.count else { return false }
                for offset in 0..<literal.count where path[start + offset] != literal[offset] { return false }
            } else if end == start {
                return false  // a parameter needs a non-empty segment
            }
            start = end + 1
        }
        return true
    }

    private static func parameters(of pattern: PathPattern, in path: UnsafeBufferPointer<UInt8>) -> PathParameters {
        var parameters = PathParameters()
        parameters.reserveCapacity(pattern.parameterCount)
        var start = 1
        for segment in pattern.segments {
            var end = start
            while end < path.count && path[end] != UInt8(ascii: "/") { end += 1 }
            if case .parameter(let name) = segment {
                parameters.append(name: name, value: String(decoding: path[start..<end], as: UTF8.self))
            }
            start = end + 1
        }
        return parameters
    }
}
