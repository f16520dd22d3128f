import GSTNShapes
import HTTPWire

extension SandboxAPIContext {
    /// A Sandbox route's handler: a reply, or a refusal thrown.
    typealias Handler = @Sendable (HTTPRequest, PathParameters, SandboxAPIContext) throws(SandboxError) -> SandboxReply

    /// The one place a Sandbox outcome becomes a response: the reply or the refusal in Sandbox's
    /// envelope, with the tenant's stamp when the request reached a tenant, else an anonymous one.
    func render(_ outcome: Result<SandboxReply, SandboxError>) -> HTTPResponse {
        switch outcome {
        case .success(let reply):
            let stamp = reply.stamp ?? anonymousStamp()
            switch reply.body {
            case .data(let data): return Envelope.ok(data: data, stamp: stamp, headers: reply.headers)
            case .success(let inner): return Envelope.success(inner: inner, stamp: stamp, headers: reply.headers)
            }
        case .failure(let error):
            let stamp = error.stamp ?? anonymousStamp()
            switch error.kind {
            case .platform(let e): return Envelope.platformError(e, stamp: stamp)
            case .business(let e):
                var response = Envelope.businessError(e, stamp: stamp)
                if let reason = error.reason { response.headers.add(SandboxError.reasonHeader, reason) }
                return response
            }
        }
    }
}

extension Route where Context == SandboxAPIContext {
    /// A route of Sandbox's API; `handler`'s reply or refusal is rendered by `SandboxAPIContext.render`.
    init(_ method: HTTPMethod, _ path: String, _ operation: String, _ handler: @escaping SandboxAPIContext.Handler) {
        self.init(method, PathPattern(stringLiteral: path), operation: operation, api: .sandbox) { request, parameters, context in
            let outcome: Result<SandboxReply, SandboxError>
            do throws(SandboxError) { outcome = .success(try handler(request, parameters, context)) } catch { outcome = .failure(error) }
            return context.render(outcome)
        }
    }
}

extension RouteAPI {
    /// Sandbox.co.in's GST Compliance API.
    package static let sandbox = RouteAPI("sandbox")
}
