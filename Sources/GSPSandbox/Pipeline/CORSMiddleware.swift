import HTTPWire

/// Cross-origin access for browser frontends (an IMS screen on `localhost:3000` calling the sandbox on
/// `:8080`). The sandbox is a local test double, so any origin may call it: preflights are answered
/// here, before anything else runs (no journal, no metrics), and every other response carries
/// `Access-Control-Allow-Origin: *`.
struct CORSMiddleware: RequestMiddleware {
    func handle(_ request: HTTPRequest, context: inout RequestContext, next: Responder) -> HTTPResponse {
        if Self.isPreflight(request) { return Self.preflight(request) }
        var response = next(request, &context)
        response.headers.add("Access-Control-Allow-Origin", "*")
        return response
    }

    /// A CORS preflight: OPTIONS with `Origin` and `Access-Control-Request-Method`.
    static func isPreflight(_ request: HTTPRequest) -> Bool {
        request.method == .options && request.headers.contains("Origin")
            && request.headers.contains("Access-Control-Request-Method")
    }

    /// 204 allowing the requested method and headers (the vendors' own headers such as
    /// `x-api-key`, `authorization`, `X-FLYNN-N-*` are whatever the client asks for).
    static func preflight(_ request: HTTPRequest) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        response.headers.add("Access-Control-Allow-Origin", "*")
        response.headers.add("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS")
        if let asked = request.headers["Access-Control-Request-Headers"] {
            response.headers.add("Access-Control-Allow-Headers", asked)
        }
        response.headers.add("Access-Control-Max-Age", "86400")
        return response
    }
}
