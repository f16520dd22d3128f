import HTTPWire

/// Refuses control requests that do not come from the local developer (see `ControlAccess`), before
/// any handler reads or changes state. Vendor routes and the public control operations pass untouched.
/// Refusals use the control API's error shape:
/// - 421 when `Host` names neither a loopback address nor a configured host (DNS rebinding);
/// - 403 when a page of another origin sent it (`Origin`, or `Sec-Fetch-Site` on requests without one);
/// - 401 when a control token is configured and the request does not carry it;
/// - 415 when a state-changing request has a body, or a content type, that is not JSON.
struct ControlGuardMiddleware: RequestMiddleware {
    let access: ControlAccess
    /// The address the server listens on: a request naming it in `Host` is meant for this sandbox.
    let listenHost: String

    func handle(_ request: HTTPRequest, context: inout RequestContext, next: Responder) -> HTTPResponse {
        guard context.isGuardedControl else { return next(request, &context) }
        if let refusal = refusal(of: request) { return refusal }
        return next(request, &context)
    }

    func refusal(of request: HTTPRequest) -> HTTPResponse? {
        let host = request.headers["Host"]
        // HTTP/1.0 clients may send no Host; browsers always send one, so nothing is rebound.
        if let host, !access.allows(host: host, listeningOn: listenHost) {
            return ControlReply.error(HTTPStatus(code: 421), "this sandbox does not answer control requests for host \(host)",
                                      details: ["control requests must name a loopback host (localhost, 127.0.0.1, [::1]); serve --allow-host NAME admits another"])
        }
        if let origin = request.headers["Origin"] {
            if !access.allows(origin: origin, host: host) { return Self.crossOrigin("origin \(origin) may not use the control API") }
        } else if let site = request.headers["Sec-Fetch-Site"], site == "cross-site" || site == "same-site" {
            // A page elsewhere loading a control URL without CORS (an image, a script): no Origin is sent.
            if !access.allowedOrigins.contains("*") { return Self.crossOrigin("a \(site) request may not use the control API") }
        }
        if let token = access.token {
            guard let presented = request.headers[ControlAccess.tokenHeader] else {
                return Self.unauthorized("this sandbox requires its control token in the \(ControlAccess.tokenHeader) header")
            }
            guard ControlAccess.tokensMatch(presented, token) else {
                return Self.unauthorized("the \(ControlAccess.tokenHeader) header does not carry this sandbox's control token")
            }
        }
        if Self.changesState(request.method), !Self.declaresJSON(request) {
            return ControlReply.error(HTTPStatus(code: 415), "control requests with a body must send it as Content-Type: application/json",
                                      details: ["curl: --json '{…}' or -H 'Content-Type: application/json'"])
        }
        return nil
    }

    static func crossOrigin(_ message: String) -> HTTPResponse {
        ControlReply.error(.forbidden, message, details: ["the control API answers pages of other origins only when serve --allow-origin ORIGIN names them"])
    }

    static func unauthorized(_ message: String) -> HTTPResponse {
        var response = ControlReply.error(.unauthorized, message,
                                          details: ["the token is the one given to serve --control-token or in \(ControlAccess.tokenEnvironmentVariable)"])
        response.headers.add("WWW-Authenticate", #"Token realm="gsp-sandbox control", header="\#(ControlAccess.tokenHeader)""#)
        return response
    }

    static func changesState(_ method: HTTPMethod) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    /// A request with neither body nor `Content-Type` passes (`curl -X POST …/reset`): a browser can send
    /// one cross-site only with an `Origin`, refused above. Otherwise the type must be JSON
    /// (`application/json`, `application/*+json`, with parameters).
    static func declaresJSON(_ request: HTTPRequest) -> Bool {
        guard let type = request.headers["Content-Type"] else { return request.body.isEmpty }
        let essence = type.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces.lowercased() } ?? ""
        return essence == "application/json" || (essence.hasPrefix("application/") && essence.hasSuffix("+json"))
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return text
    }
}
