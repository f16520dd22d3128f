/// Maps a request's method and path to a `Route`. Built once at start-up, then read on every request,
/// so it is a value type that is only read concurrently.
///
/// Matching rules:
/// - A path matches a pattern with the same number of segments whose literals equal the path's
///   segments byte for byte; a `{name}` matches any non-empty segment.
/// - Among patterns that match, the most specific wins: at the first segment where two patterns
///   differ, a literal beats a parameter (`/gstr-1/b2b/{month}` before `/gstr-1/{year}/{month}`).
/// - The request's method picks the route on the most specific pattern that has it; HEAD is served
///   by a GET route unless a HEAD route is registered. If patterns match but none has the method,
///   the result is `.methodNotAllowed` with the union of their methods.
///
/// Routes are indexed by segment count, so a request only compares against patterns of its length.
public struct Router<Context>: Sendable {
    /// One pattern and the routes (by method) registered on it.
    struct Entry: Sendable {
        let pattern: PathPattern
        var methods: [(method: HTTPMethod, routeIndex: Int)]
    }

    /// Every route, in registration order (for listings such as `gsp-sandbox routes`).
    public private(set) var routes: [Route<Context>] = []
    /// `buckets[n]` holds the patterns with n segments, most specific first.
    private var buckets: [[Entry]] = []

    public init() {}

    public init(_ routes: [Route<Context>]) {
        add(contentsOf: routes)
    }

    /// Registers a route. Registering a second route for the same method on a pattern of the same
    /// shape is a programming error and traps with both operation names.
    public mutating func add(_ route: Route<Context>) {
        let count = route.pattern.segments.count
        while buckets.count <= count { buckets.append([]) }
        let index = routes.count
        routes.append(route)
        if let existing = buckets[count].firstIndex(where: { $0.pattern.hasSameShape(as: route.pattern) }) {
            if let clash = buckets[count][existing].methods.first(where: { $0.method == route.method }) {
                preconditionFailure(
                    "route \(route.method) \(route.pattern) (\(route.operation)) duplicates "
                        + "\(routes[clash.routeIndex].operation)")
            }
            buckets[count][existing].methods.append((route.method, index))
            return
        }
        let entry = Entry(pattern: route.pattern, methods: [(route.method, index)])
        let position = buckets[count].firstIndex { route.pattern.isMoreSpecific(than: $0.pattern) }
        buckets[count].insert(entry, at: position ?? buckets[count].endIndex)
    }

    public mutating func add(contentsOf routes: some Sequence<Route<Context>>) {
        for route in routes { add(route) }
    }

    /// Registers `handler` for `method` on `pattern`.
    public mutating func on(
        _ method: HTTPMethod, _ pattern: PathPattern, operation: String,
        handler: @escaping Route<Context>.Handler
    ) {
        add(Route(method, pattern, operation: operation, handler: handler))
    }

    /// Finds the route for a request.
    public func route(_ request: HTTPRequest) -> RouteMatch<Context> {
        route(method: request.method, path: request.path)
    }

    /// Finds the route for a method and a path (no query string, not percent-decoded).
    public func route(method: HTTPMethod, path: String) -> RouteMatch<Context> {
        var path = path
        return path.withUTF8 { bytes in match(method: method, path: bytes) }
    }

    private func match(method: HTTPMethod, path: UnsafeBufferPointer<UInt8>) -> RouteMatch<Context> {
        guard path.first == UInt8(ascii: "/") else { return .notFound }
        var segmentCount = 0
        for byte in path where byte == UInt8(ascii: "/") { segmentCount += 1 }
        guard segmentCount < buckets.count else { return .notFound }

        var allow: [HTTPMethod] = []
        for entry in buckets[segmentCount] where Self.matches(entry.pattern, path) {
            if let routeIndex = Self.routeIndex(for: method, in: entry) {
                return .found(routes[routeIndex], Self.parameters(of: entry.pattern, in: path))
            }
            for (registered, _) in entry.methods where !allow.contains(registered) {
                allow.append(registered)
                if registered == .get && !allow.contains(.head) { allow.append(.head) }
            }
        }
        return allow.isEmpty ? .notFound : .methodNotAllowed(allow: allow)
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
