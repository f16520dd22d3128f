import HTTPWire

/// Cross-origin access for browser frontends (an IMS screen on `localhost:3000` calling the sandbox on
/// `:8080`). Vendor routes, unrouted paths and the public control operations may be called by any
/// origin: their responses carry `Access-Control-Allow-Origin: *`. The rest of the control API only by
/// the origins `ControlAccess` allows: their responses name that origin (and `Vary: Origin`), a
/// preflight from any other origin is refused with 403, and its other responses carry no CORS header
/// (`ControlGuardMiddleware` refuses the request itself). Preflights are answered here, before
/// anything else runs (no journal, no metrics); the context routes them by the method they ask for.
struct CORSMiddleware: RequestMiddleware {
    let access: ControlAccess

    func handle(_ request: HTTPRequest, context: inout RequestContext, next: Responder) -> HTTPResponse {
        let allowOrigin = allowedOrigin(request, context)
        if context.isPreflight { return preflight(request, allowOrigin: allowOrigin) }
        var response = next(request, &context)
        if let allowOrigin { Self.addOrigin(allowOrigin, to: &response) }
        return response
    }

    /// The `Access-Control-Allow-Origin` value for this request, or nil when its origin may not read it.
    func allowedOrigin(_ request: HTTPRequest, _ context: RequestContext) -> String? {
        guard context.isGuardedControl else { return "*" }
        guard let origin = request.headers["Origin"],
              access.allows(origin: origin, host: request.headers["Host"]) else { return nil }
        return origin
    }

    static func addOrigin(_ origin: String, to response: inout HTTPResponse) {
        response.headers.add("Access-Control-Allow-Origin", origin)
        if origin != "*" { response.headers.add("Vary", "Origin") }
    }

    /// A CORS preflight: OPTIONS with `Origin` and `Access-Control-Request-Method`.
    static func isPreflight(_ request: HTTPRequest) -> Bool {
        request.method == .options && request.headers.contains("Origin")
            && request.headers.contains("Access-Control-Request-Method")
    }

    /// 204 allowing the requested method and headers (the vendors' own headers such as
    /// `x-api-key`, `authorization`, `X-FLYNN-N-*` are whatever the client asks for), or 403 for an
    /// origin that may not call the control route it asks about.
    func preflight(_ request: HTTPRequest, allowOrigin: String?) -> HTTPResponse {
        guard let allowOrigin else {
            return ControlGuardMiddleware.crossOrigin("origin \(request.headers["Origin"] ?? "") may not use the control API")
        }
        var response = HTTPResponse(status: .noContent)
        Self.addOrigin(allowOrigin, to: &response)
        response.headers.add("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS")
        if let asked = request.headers["Access-Control-Request-Headers"] {
            response.headers.add("Access-Control-Allow-Headers", asked)
        }
        response.headers.add("Access-Control-Max-Age", "86400")
        return response
    }
}
