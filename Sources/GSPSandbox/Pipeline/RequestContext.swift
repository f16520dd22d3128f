import GSTCore
import HTTPWire
import VayanaAPI

/// What the pipeline knows about one request besides its bytes: the route it matched (routing comes
/// first, so every step knows the operation and its API), when it arrived, and what steps learned on
/// the way (the tenant it names, the fault that fired).
struct RequestContext {
    let app: ApplicationContext
    let match: RouteMatch<ApplicationContext>
    /// The matched route's operation, or `unrouted`.
    let operation: String
    /// The matched route's API; nil when no route takes the request.
    let api: RouteAPI?
    /// Monotonic start, for durations.
    let started: ContinuousClock.Instant
    /// Wall-clock arrival (epoch ms), for the journal.
    let arrived: Int64
    /// A CORS preflight (`CORSMiddleware` answers it): `match` is then the route of the method it asks
    /// about, so the answer can depend on that route's API.
    let isPreflight: Bool
    /// The fault rule that fired on this request, if any (set by `FaultMiddleware`).
    var fault: FaultDecision?
    /// The tenant lookup, done at most once per request (`tenant(of:)`).
    private var lookedUp: Tenant??

    init(app: ApplicationContext, match: RouteMatch<ApplicationContext>, arrived: Int64, isPreflight: Bool = false) {
        self.app = app
        self.isPreflight = isPreflight
        self.match = match
        switch match {
        case .found(let route, _): (operation, api) = (route.operation, route.api)
        case .notFound, .methodNotAllowed: (operation, api) = ("unrouted", nil)
        }
        started = .now
        self.arrived = arrived
    }

    /// A request to the sandbox's own control API (`/_sandbox/…`).
    var isControl: Bool { api == .control }

    /// A control request that only the local developer may make (`ControlAccess`): all but the public ones.
    var isGuardedControl: Bool { isControl && !ControlAccess.publicOperations.contains(operation) }

    /// Seconds since the request entered the pipeline.
    var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The tenant the request names, looked up once: Vayana routes by `X-FLYNN-N-ORG-ID`, everything
    /// else by `x-api-key` (control routes also by `?tenant=`); nil when it names no known tenant.
    mutating func tenant(of request: HTTPRequest) -> Tenant? {
        if let known = lookedUp { return known }
        let registry = app.world.registry
        var found: Tenant?
        if api == .vayana {
            found = request.headers["X-FLYNN-N-ORG-ID"].flatMap { registry.tenant(forVayanaOrganisation: $0) }
        } else if let key = request.headers["x-api-key"], let t = registry.tenant(forSandboxKey: key) {
            found = t
        } else if isControl, let id = request.queryValue("tenant") {
            found = registry.tenant(id: id)
        }
        lookedUp = .some(found)
        return found
    }

    /// Records a tenant already known (e.g. the one the handler worked on, or created), unless a lookup
    /// has found one already.
    mutating func knowTenant(_ tenant: Tenant?) {
        guard let tenant, (lookedUp ?? nil) == nil else { return }
        lookedUp = .some(tenant)
    }
}
