import HTTPWire

/// One step of the request pipeline (Hummingbird's `Middleware`, synchronous): it sees the request and
/// its context, and either answers itself or calls `next` and works on what comes back. A step may add
/// what it learned to the context (the tenant, a fault that fired) for the steps around it.
protocol RequestMiddleware: Sendable {
    func handle(_ request: HTTPRequest, context: inout RequestContext, next: Responder) -> HTTPResponse
}

/// The rest of the pipeline, as a middleware sees it.
typealias Responder = (HTTPRequest, inout RequestContext) -> HTTPResponse

/// Middlewares composed around an endpoint, outermost first; the list is the pipeline, in order.
struct MiddlewareStack: Sendable {
    let middlewares: [any RequestMiddleware]

    init(_ middlewares: [any RequestMiddleware]) { self.middlewares = middlewares }

    func respond(to request: HTTPRequest, context: inout RequestContext, endpoint: Responder) -> HTTPResponse {
        step(0, request, &context, endpoint)
    }

    private func step(_ index: Int, _ request: HTTPRequest, _ context: inout RequestContext, _ endpoint: Responder) -> HTTPResponse {
        guard index < middlewares.count else { return endpoint(request, &context) }
        return middlewares[index].handle(request, context: &context) { request, context in
            step(index + 1, request, &context, endpoint)
        }
    }
}
