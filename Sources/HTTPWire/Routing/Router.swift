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
    /// Every route, in registration order (for listings such as `gsp-sandbox routes`).
    public private(set) var routes: [Route<Context>] = []
    @usableFromInline var table = RouteTable()

    public init() {}

    public init(_ routes: [Route<Context>]) {
        add(contentsOf: routes)
    }

    /// Registers a route. Registering a second route for the same method on a pattern of the same
    /// shape is a programming error and traps with both operation names.
    public mutating func add(_ route: Route<Context>) {
        if let clash = table.add(route.pattern, route.method, routeIndex: routes.count) {
            preconditionFailure(
                "route \(route.method) \(route.pattern) (\(route.operation)) duplicates \(routes[clash].operation)")
        }
        routes.append(route)
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
    @inlinable
    public func route(_ request: HTTPRequest) -> RouteMatch<Context> {
        route(method: request.method, path: request.path)
    }

    /// Finds the route for a method and a path (no query string, not percent-decoded).
    /// Inlinable so each client specializes it for its `Context`: unspecialized generic code
    /// would look up generic metadata on every request.
    @inlinable
    public func route(method: HTTPMethod, path: String) -> RouteMatch<Context> {
        switch table.match(method: method, path: path) {
        case .found(let index, let parameters): .found(routes[index], parameters)
        case .notFound: .notFound
        case .methodNotAllowed(let allow): .methodNotAllowed(allow: allow)
        }
    }
}
