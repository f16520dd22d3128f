import HTTPWire
import SocketServer

/// The sandbox as an `HTTPResponder`: one router holding the control routes and (later) every
/// vendor route, plus the answers for requests no route takes (404, 405 with `Allow`).
public final class SandboxApplication: HTTPResponder {
    public let router: Router<SandboxContext>
    public let context: SandboxContext

    /// - Parameter routes: extra routes (e.g. a vendor adapter's, or a test's), registered after
    ///   the built-in ones.
    public init(configuration: SandboxConfiguration, routes: [Route<SandboxContext>] = []) {
        context = SandboxContext(configuration: configuration)
        var router = Router<SandboxContext>()
        router.add(contentsOf: Self.builtInRoutes(context))
        router.add(contentsOf: routes)
        self.router = router
    }

    /// Every route the sandbox serves out of the box. Vendor adapters add their lists here.
    public static func builtInRoutes(_ context: SandboxContext) -> [Route<SandboxContext>] {
        ControlRoutes.all(version: context.version)
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        switch router.route(request) {
        case .found(let route, let parameters):
            return route.handler(request, parameters, context)
        case .notFound:
            return SandboxErrors.notFound(request)
        case .methodNotAllowed(let allow):
            return SandboxErrors.methodNotAllowed(request, allow: allow)
        }
    }
}
