import HTTPWire
import SocketServer

extension SandboxApplication {
    /// The transport runs a request whose route is marked `.slow` (exports, imports, scenario loads,
    /// resets) on its slow-work queue, off the workers that serve the vendor routes.
    public func workload(of request: HTTPRequest) -> RequestWorkload {
        guard slowRoutes.mayBeSlow(path: request.path), case .found(let route, _) = router.route(request) else {
            return .quick
        }
        return route.workload
    }
}
