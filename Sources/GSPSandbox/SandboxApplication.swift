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
    /// The request pipeline, outermost first. A new cross-cutting concern is one more middleware here.
    let pipeline: MiddlewareStack
    /// Which requests may reach a `.slow` route; see SandboxApplication+Workload.swift.
    let slowRoutes: SlowRouteFilter

    /// Loads the configuration's scenario files (or the built-in default) and builds the tenants.
    /// Throws, naming file, JSON path and problem, when a scenario is invalid: the sandbox refuses
    /// to start rather than serve a world nobody asked for.
    public convenience init(configuration: SandboxConfiguration, routes: [Route<ApplicationContext>] = [],
                            realTime: RealTime = .systemWallClock()) throws(ScenarioLoadError) {
        let scenarios = try SandboxWorld.loadScenarios(paths: configuration.scenarioPaths)
        try FaultBook.validateScenarioRules(scenarios)
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
        slowRoutes = SlowRouteFilter(routes: router.routes)
        pipeline = MiddlewareStack([
            CORSMiddleware(access: configuration.controlAccess),       // preflights; Allow-Origin on the rest
            MetricsMiddleware(metrics: context.metrics),               // counts and times what follows
            ControlGuardMiddleware(access: configuration.controlAccess, listenHost: configuration.server.host),
            JournalMiddleware(journal: context.journal),               // records the request and its transitions
            FaultMiddleware(book: context.faults, realTime: world.realTime),  // drops, errors, delays
        ])
    }

    /// Every route the sandbox serves: its own control routes and each vendor adapter's.
    public static var builtInRoutes: [Route<ApplicationContext>] {
        ControlRoutes.all
            + SandboxRoutes.routes().map { $0.mapContext(\.sandbox) }
            + VayanaRoutes.routes().map { $0.mapContext(\.vayana) }
    }

    /// Routes the request (a CORS preflight by the method it asks about), then runs it through the
    /// pipeline to its route's handler (or the 404/405).
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        var requestContext: RequestContext
        if CORSMiddleware.isPreflight(request), let asked = request.headers["Access-Control-Request-Method"] {
            requestContext = RequestContext(app: context, match: router.route(method: HTTPMethod(asked), path: request.path),
                                            arrived: context.world.realTime.now(), isPreflight: true)
        } else {
            requestContext = RequestContext(app: context, match: router.route(request), arrived: context.world.realTime.now())
        }
        return pipeline.respond(to: request, context: &requestContext, endpoint: Self.endpoint)
    }

    /// The innermost step: the matched route's handler, or the sandbox's own 404 / 405.
    static func endpoint(_ request: HTTPRequest, _ context: inout RequestContext) -> HTTPResponse {
        // CORSMiddleware answers preflights; should it ever not, an OPTIONS must still not run the
        // handler of the method it asks about.
        guard !context.isPreflight else { return HTTPResponse(status: .noContent) }
        switch context.match {
        case .found(let route, let parameters): return route.handler(request, parameters, context.app)
        case .notFound: return SandboxErrors.notFound(request, realTime: context.app.world.realTime)
        case .methodNotAllowed(let allow): return SandboxErrors.methodNotAllowed(request, allow: allow)
        }
    }
}
