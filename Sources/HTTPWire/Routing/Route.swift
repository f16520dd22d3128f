/// One operation of the API: a method and a path pattern bound to a handler.
///
/// `Context` is whatever the composition root hands every handler (tenant state, clock, …); adapters
/// that cannot see the root's context type build routes over their own context and the root adapts
/// them with `mapContext(_:)`.
public struct Route<Context>: Sendable {
    public typealias Handler = @Sendable (HTTPRequest, PathParameters, Context) -> HTTPResponse

    public let method: HTTPMethod
    public let pattern: PathPattern
    /// A stable name for the operation, e.g. `gstr2b.regenerate`: used in logs, journals and route listings.
    public let operation: String
    /// The API the route belongs to; the server's pipeline tells APIs apart by it, never by the name.
    public let api: RouteAPI
    /// `.slow` for a handler that can take long or much memory (an export, an import): the server
    /// runs it off the queues that serve the quick routes.
    public let workload: RequestWorkload
    public let handler: Handler

    public init(_ method: HTTPMethod, _ pattern: PathPattern, operation: String, api: RouteAPI = .unnamed,
                workload: RequestWorkload = .quick, handler: @escaping Handler) {
        self.method = method
        self.pattern = pattern
        self.operation = operation
        self.api = api
        self.workload = workload
        self.handler = handler
    }

    /// The same route over another context, e.g. `sandboxRoutes.map { $0.mapContext(\.sandbox) }`.
    public func mapContext<Outer>(_ transform: @escaping @Sendable (Outer) -> Context) -> Route<Outer> {
        let handler = self.handler
        return Route<Outer>(method, pattern, operation: operation, api: api, workload: workload) { request, parameters, outer in
            handler(request, parameters, transform(outer))
        }
    }

    /// Runs the handler.
    public func callAsFunction(_ request: HTTPRequest, _ parameters: PathParameters, _ context: Context) -> HTTPResponse {
        handler(request, parameters, context)
    }
}

/// Which API a route belongs to: e.g. a vendor's, or the server's own control API. HTTPWire gives it no
/// meaning; each API declares its constant (`extension RouteAPI { static let mine = RouteAPI("mine") }`)
/// and the server's middlewares choose tenant lookup, error envelope and journal policy by it.
public struct RouteAPI: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }
    /// A route declared without an API (tests, ad-hoc routes).
    public static let unnamed = RouteAPI("")
}

/// What `Router.route(_:)` found for a request.
public enum RouteMatch<Context>: Sendable {
    /// The route to run and the values of its path parameters.
    case found(Route<Context>, PathParameters)
    /// No pattern matches the path.
    case notFound
    /// Some pattern matches the path, but not with this method; `allow` lists the methods that
    /// would (HEAD included wherever GET is), for the `Allow` header of a 405.
    case methodNotAllowed(allow: [HTTPMethod])
}
