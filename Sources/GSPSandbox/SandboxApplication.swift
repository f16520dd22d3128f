import GSTCore
import HTTPWire
import SandboxAPI
import SocketServer
import VayanaAPI

/// The sandbox as an `HTTPResponder`: one router holding the control routes and every vendor
/// route over one shared world, plus the answers for requests no route takes (404, 405 with `Allow`).
public final class SandboxApplication: HTTPResponder {
    public let router: Router<ApplicationContext>
    public let context: ApplicationContext

    /// Loads the configuration's scenario files (or the built-in default) and builds the tenants.
    /// Throws, naming file, JSON path and problem, when a scenario is invalid: the sandbox refuses
    /// to start rather than serve a world nobody asked for.
    public convenience init(configuration: SandboxConfiguration, routes: [Route<ApplicationContext>] = [],
                            realTime: RealTime = .systemWallClock()) throws(ScenarioLoadError) {
        let scenarios = try SandboxWorld.loadScenarios(paths: configuration.scenarioPaths)
        try Observer.validateScenarioFaults(scenarios)
        let world = try SandboxWorld(scenarios: scenarios, realTime: realTime)
        self.init(configuration: configuration, world: world, routes: routes)
    }

    /// - Parameter routes: extra routes (e.g. a test's), registered after the built-in ones.
    public init(configuration: SandboxConfiguration, world: SandboxWorld, routes: [Route<ApplicationContext>] = []) {
        context = ApplicationContext(configuration: configuration, world: world)
        var router = Router<ApplicationContext>()
        router.add(contentsOf: Self.builtInRoutes)
        router.add(contentsOf: routes)
        self.router = router
    }

    /// Every route the sandbox serves: its own control routes and each vendor adapter's.
    public static var builtInRoutes: [Route<ApplicationContext>] {
        ControlRoutes.all
            + SandboxRoutes.routes().map { $0.mapContext(\.sandbox) }
            + VayanaRoutes.routes().map { $0.mapContext(\.vayana) }
    }

    /// Routes and answers through the observing pipeline (faults, journal, metrics: Observe/Observer.swift).
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        if CORS.isPreflight(request) { return CORS.preflight(request) }
        var response = context.observer.respond(to: request, router: router, context: context)
        CORS.allowAnyOrigin(&response)
        return response
    }
}
