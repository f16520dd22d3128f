import GSTCore
import HTTPWire
import SandboxAPI
import ScenarioKit
import VayanaAPI

/// The request pipeline around the router: resolve the operation and tenant, consult the fault
/// rules, run the handler with a `TransitionCapture` bound, then journal the request and count it.
///
/// Journal policy: every vendor request and every unrouted request is journalled; control-API
/// requests (`/_sandbox/…`) only when they changed state (e.g. a clock advance), so reading the
/// journal does not fill it. Fault rules never apply to the control API, so a broad rule cannot
/// lock its author out.
public final class Observer: Sendable {
    public let journal: Journal
    public let metrics: Metrics
    public let faults: FaultBook
    let realTime: RealTime

    public init(journalCapacity: Int = Journal.defaultCapacity, realTime: RealTime) {
        journal = Journal(capacity: journalCapacity)
        metrics = Metrics()
        faults = FaultBook()
        self.realTime = realTime
    }

    /// Installs the `faults` blocks of `scenarios` (ids default to `SCENARIO#N`); invalid rules are
    /// skipped here — `validateScenarioFaults` reports them at start-up.
    func installScenarioFaults(_ scenarios: [Scenario]) {
        for scenario in scenarios {
            guard let rules = try? Self.scenarioRules(scenario) else { continue }
            for rule in rules { faults.add(rule) }
        }
    }

    static func scenarioRules(_ scenario: Scenario) throws(FaultRuleError) -> [FaultRule] {
        guard let block = scenario.faults else { return [] }
        guard let items = block.arrayValue else { throw FaultRuleError(path: "$.faults", message: "must be an array of fault rules") }
        var out: [FaultRule] = []
        for (i, item) in items.enumerated() {
            let rule = try FaultRule.parse(item, path: "$.faults[\(i)]", defaultID: "\(scenario.name)#\(i + 1)")
            try validateCodes(rule, path: "$.faults[\(i)]")
            out.append(rule)
        }
        return out
    }

    /// Start-up check of every scenario's `faults` block: the sandbox refuses to start on a bad rule.
    public static func validateScenarioFaults(_ scenarios: [Scenario]) throws(ScenarioLoadError) {
        var failures: [ScenarioError] = []
        for scenario in scenarios {
            do { _ = try scenarioRules(scenario) } catch {
                failures.append(ScenarioError(file: scenario.name, issues: [ScenarioIssue(path: .root, message: error.description)]))
            }
        }
        if !failures.isEmpty { throw ScenarioLoadError(failures) }
    }

    /// An `error_code` without `message` must be in one of the vendor catalogues.
    static func validateCodes(_ rule: FaultRule, path: String) throws(FaultRuleError) {
        if case .errorCode(let code, nil) = rule.respond,
           !SandboxErrorRenderer.knownCodes.contains(code), !VayanaErrorRenderer.knownCodes.contains(code) {
            let known = Set(SandboxErrorRenderer.knownCodes + VayanaErrorRenderer.knownCodes).sorted().joined(separator: ", ")
            throw FaultRuleError(path: "\(path).respond.error_code",
                                 message: "\(code) is not in the catalogue (\(known)); give respond.message for other codes")
        }
    }

    // MARK: Pipeline

    func respond(to request: HTTPRequest, router: Router<ApplicationContext>, context: ApplicationContext) -> HTTPResponse {
        let started = ContinuousClock.now
        let arrived = realTime.now()
        let capture = TransitionCapture()
        return TransitionCapture.$current.withValue(capture) {
            let match = router.route(request)
            let operation: String
            switch match {
            case .found(let route, _): operation = route.operation
            case .notFound, .methodNotAllowed: operation = "unrouted"
            }
            let isControl = operation.hasPrefix("sandbox.")
            // Looked up before the handler only when a rule may need it (one registry lock saved per
            // request otherwise); after the handler for the journal.
            var tenant: Tenant?
            var fault: FaultDecision?
            if !isControl, !faults.isEmpty {
                tenant = Self.tenant(of: request, operation: operation, registry: context.world.registry)
                let facts = RequestFacts(
                    operation: operation, method: request.method.rawValue, path: request.path, tenant: tenant?.id,
                    gstins: { [tenant] in Self.gstins(in: request, tenant: tenant) })
                fault = faults.decide(facts)
            }

            var response: HTTPResponse
            if let fault, fault.drop {
                response = HTTPResponse(status: .internalServerError)
                response.delivery = .dropConnection
            } else if let fault, let action = fault.respond {
                response = render(action, operation: operation, tenant: tenant)
            } else {
                switch match {
                case .found(let route, let parameters): response = route.handler(request, parameters, context)
                case .notFound: response = SandboxErrors.notFound(request)
                case .methodNotAllowed(let allow): response = SandboxErrors.methodNotAllowed(request, allow: allow)
                }
            }
            if let ms = fault?.delayMilliseconds, ms > 0, response.delivery == .immediate {
                response.delivery = .delayed(milliseconds: ms)
            }
            if let fault { metrics.recordFault(id: fault.id) }

            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let status = response.delivery == .dropConnection ? 0 : response.status.code
            metrics.record(operation: operation, status: status, seconds: seconds)

            let (transitions, dropped) = capture.transitions
            if !isControl || !transitions.isEmpty {
                // A vendor request is journalled under the tenant its handler worked on (no second
                // registry lookup on the hot path; this also covers a `key_test_` tenant the handler
                // just created). Control requests, and requests refused before reaching any tenant,
                // under the tenant they name.
                if tenant == nil, !isControl { tenant = capture.tenant }
                if tenant == nil { tenant = Self.tenant(of: request, operation: operation, registry: context.world.registry) }
                journal.append(JournalEntry(
                    seq: 0, time: arrived, method: request.method.rawValue, path: request.path, tenant: tenant?.id,
                    operation: operation, status: status, durationMilliseconds: seconds * 1000,
                    transitions: transitions.map(\.text), transitionsDropped: dropped, fault: fault?.id))
            }
            return response
        }
    }

    /// Vayana routes by `X-FLYNN-N-ORG-ID`; everything else by `x-api-key` (control routes also by
    /// `?tenant=`); nil when the request names no known tenant.
    static func tenant(of request: HTTPRequest, operation: String, registry: TenantRegistry) -> Tenant? {
        if operation.hasPrefix("vayana.") {
            return request.headers["X-FLYNN-N-ORG-ID"].flatMap { registry.tenant(forVayanaOrganisation: $0) }
        }
        if let key = request.headers["x-api-key"], let t = registry.tenant(forSandboxKey: key) { return t }
        if operation.hasPrefix("sandbox."), let id = request.queryValue("tenant") { return registry.tenant(id: id) }
        return nil
    }

    /// GSTINs a request names: path segments, query values, a `gstin` header, a top-level `gstin` body
    /// field, and the GSTIN of the taxpayer / GSTN session its `authorization` token belongs to.
    static func gstins(in request: HTTPRequest, tenant: Tenant?) -> Set<String> {
        var out: Set<String> = []
        func consider(_ text: String) {
            let upper = text.uppercased()
            if upper.utf8.count == 15, GSTIN(upper) != nil { out.insert(upper) }
        }
        for segment in request.path.split(separator: "/") { consider(String(segment)) }
        for item in request.queryItems { consider(item.value) }
        if let header = request.headers["gstin"] { consider(header) }
        if !request.body.isEmpty, request.body.count <= 1 << 20,
           let json = try? JSONParser.parse(request.body), let g = json["gstin"]?.stringValue {
            consider(g)
        }
        if let tenant, let token = request.headers["authorization"] {
            let kind = tenant.read { $0.tokens.entry(for: token)?.kind }
            switch kind {
            case .taxpayer(let g), .gstnSession(let g): out.insert(g.value)
            default: break
            }
        }
        return out
    }

    /// A fault's `respond` in the vendor's envelope (Vayana routes: GSTN error via EAS, 502; every
    /// other route: Sandbox's business error, HTTP 200), or a plain status.
    func render(_ action: FaultRule.Response, operation: String, tenant: Tenant?) -> HTTPResponse {
        switch action {
        case .errorCode(let code, let message):
            if operation.hasPrefix("vayana.") {
                let today = tenant?.read { $0.today } ?? CivilDate(epochMilliseconds: realTime.now())
                if let r = VayanaErrorRenderer.gstnError(code: code, message: message, today: today) { return r }
            } else if let r = SandboxErrorRenderer.businessError(code: code, message: message, tenant: tenant, realTime: realTime) {
                return r
            }
            // Only reachable for a code unknown to this vendor's catalogue given without a message.
            var body: [UInt8] = []
            body.append(contentsOf: #"{"error":"fault rule: no catalogue message for "#.utf8)
            JSONText.appendEscaped(code, to: &body)
            body.append(contentsOf: #" on this vendor; give respond.message"}"#.utf8)
            return .json(.internalServerError, body)
        case .status(let status, let body, let headers):
            var response = HTTPResponse(status: HTTPStatus(code: status))
            if let body {
                response.headers.add("Content-Type", "application/json")
                response.body = JSONWriter.write(body)
            }
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { response.headers.add(name, value) }
            return response
        }
    }
}
