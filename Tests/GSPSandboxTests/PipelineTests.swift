import GSTCore
import HTTPWire
import JSON
import Synchronization
import Testing
@testable import GSPSandbox

/// Each middleware of the request pipeline alone, and their composition, without a socket: a context is
/// built for a request the default application routes, and `next` is a closure the test controls.
struct PipelineTests {
    let app: SandboxApplication

    init() throws {
        app = try SandboxApplication(configuration: SandboxConfiguration(port: 0))
    }

    func request(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = ["Host": "t"], body: String = "") -> HTTPRequest {
        HTTPRequest(method: method, target: target, version: .http1_1, headers: headers, body: Array(body.utf8))
    }

    func context(for request: HTTPRequest) -> RequestContext {
        RequestContext(app: app.context, match: app.router.route(request), arrived: 0)
    }

    /// Runs one middleware with `next` answering `answer` and counting its calls.
    func run(_ middleware: some RequestMiddleware, _ request: HTTPRequest, answer: HTTPResponse = .json(.ok, Array("{}".utf8)),
             context: inout RequestContext) -> (response: HTTPResponse, nextCalls: Int) {
        var calls = 0
        let response = middleware.handle(request, context: &context) { _, _ in
            calls += 1
            return answer
        }
        return (response, calls)
    }

    // MARK: Composition

    final class Log: Sendable {
        let lines = Mutex<[String]>([])
        func withLock<R>(_ body: (inout [String]) -> R) -> R { lines.withLock { body(&$0) } }
    }

    struct Recorder: RequestMiddleware {
        let name: String
        let log: Log
        var answers = false
        func handle(_ request: HTTPRequest, context: inout RequestContext, next: Responder) -> HTTPResponse {
            log.withLock { $0.append("\(name) in") }
            defer { log.withLock { $0.append("\(name) out") } }
            return answers ? HTTPResponse(status: .noContent) : next(request, &context)
        }
    }

    @Test func stackRunsOutermostFirstAndTheEndpointLast() {
        let log = Log()
        let stack = MiddlewareStack([Recorder(name: "a", log: log), Recorder(name: "b", log: log)])
        let r = request(.get, "/_sandbox/health")
        var ctx = context(for: r)
        let response = stack.respond(to: r, context: &ctx) { _, _ in
            log.withLock { $0.append("endpoint") }
            return HTTPResponse(status: .accepted)
        }
        #expect(response.status == .accepted)
        #expect(log.withLock { $0 } == ["a in", "b in", "endpoint", "b out", "a out"])
    }

    @Test func aMiddlewareThatAnswersStopsTheChain() {
        let log = Log()
        let stack = MiddlewareStack([Recorder(name: "a", log: log, answers: true), Recorder(name: "b", log: log)])
        let r = request(.get, "/_sandbox/health")
        var ctx = context(for: r)
        let response = stack.respond(to: r, context: &ctx) { _, _ in HTTPResponse(status: .accepted) }
        #expect(response.status == .noContent)
        #expect(log.withLock { $0 } == ["a in", "a out"])
    }

    @Test func contextKnowsTheRoutesAPIAndOperation() {
        let control = context(for: request(.get, "/_sandbox/health"))
        #expect(control.isControl && control.operation == "control.health")
        let vendor = context(for: request(.get, "/gst/compliance/tax-payer/invoices"))
        #expect(!vendor.isControl && vendor.operation == "ims.invoices" && vendor.api == RouteAPI("sandbox"))
        let unrouted = context(for: request(.get, "/nowhere"))
        #expect(unrouted.api == nil && unrouted.operation == "unrouted")
    }

    // MARK: CORS

    /// A preflight's context as the application builds it: routed by the method it asks about.
    func preflightContext(for request: HTTPRequest) -> RequestContext {
        let asked = HTTPMethod(request.headers["Access-Control-Request-Method"] ?? "GET")
        return RequestContext(app: app.context, match: app.router.route(method: asked, path: request.path), arrived: 0, isPreflight: true)
    }

    @Test func corsAnswersPreflightsItselfAndMarksEveryOtherResponse() {
        let cors = CORSMiddleware(access: ControlAccess())
        let preflight = request(.options, "/gst/compliance/tax-payer/invoices",
                                headers: ["Host": "t", "Origin": "http://localhost:3000", "Access-Control-Request-Method": "GET"])
        var ctx = preflightContext(for: preflight)
        let (answer, calls) = run(cors, preflight, context: &ctx)
        #expect(calls == 0 && answer.status == .noContent)
        #expect(answer.headers["Access-Control-Allow-Methods"]?.contains("POST") == true)

        let plain = request(.get, "/_sandbox/health", headers: ["Host": "t", "Origin": "http://localhost:3000"])
        var ctx2 = context(for: plain)
        let (response, calls2) = run(cors, plain, context: &ctx2)
        #expect(calls2 == 1 && response.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func corsGrantsTheControlAPIOnlyToAllowedOrigins() {
        let headers: HTTPHeaders = ["Host": "localhost:8080", "Origin": "http://localhost:3000", "Access-Control-Request-Method": "DELETE"]
        let preflight = request(.options, "/_sandbox/tenants/default", headers: headers)
        var refusedContext = preflightContext(for: preflight)
        let (refused, calls) = run(CORSMiddleware(access: ControlAccess()), preflight, context: &refusedContext)
        #expect(calls == 0 && refused.status == .forbidden && refused.headers["Access-Control-Allow-Origin"] == nil)

        let allowing = CORSMiddleware(access: ControlAccess(allowedOrigins: ["http://localhost:3000"]))
        var grantedContext = preflightContext(for: preflight)
        let (granted, _) = run(allowing, preflight, context: &grantedContext)
        #expect(granted.status == .noContent && granted.headers["Access-Control-Allow-Origin"] == "http://localhost:3000")
        #expect(granted.headers["Vary"] == "Origin")

        // The sandbox's own pages (same origin) read control responses; other origins get no CORS header.
        let own = request(.get, "/_sandbox/tenants", headers: ["Host": "localhost:8080", "Origin": "http://localhost:8080"])
        var ownContext = context(for: own)
        #expect(run(CORSMiddleware(access: ControlAccess()), own, context: &ownContext).response.headers["Access-Control-Allow-Origin"] == "http://localhost:8080")
        let foreign = request(.get, "/_sandbox/tenants", headers: ["Host": "localhost:8080", "Origin": "http://evil.example"])
        var foreignContext = context(for: foreign)
        #expect(run(CORSMiddleware(access: ControlAccess()), foreign, context: &foreignContext).response.headers["Access-Control-Allow-Origin"] == nil)
    }

    // MARK: Control guard

    @Test func controlGuardRefusesForeignHostsOriginsUntypedBodiesAndMissingTokens() {
        let guarded = ControlGuardMiddleware(access: ControlAccess(token: "s3cret"), listenHost: "127.0.0.1")
        func status(_ r: HTTPRequest) -> (Int, Int) {
            var ctx = context(for: r)
            let (response, calls) = run(guarded, r, context: &ctx)
            return (response.status.code, calls)
        }
        let token = "s3cret"
        #expect(status(request(.get, "/_sandbox/tenants", headers: ["Host": "evil.example:8080", "X-Sandbox-Control-Token": token])) == (421, 0))
        #expect(status(request(.get, "/_sandbox/tenants", headers: ["Host": "localhost", "Origin": "http://evil.example", "X-Sandbox-Control-Token": token])) == (403, 0))
        #expect(status(request(.get, "/_sandbox/tenants", headers: ["Host": "localhost", "Sec-Fetch-Site": "cross-site", "X-Sandbox-Control-Token": token])) == (403, 0))
        #expect(status(request(.get, "/_sandbox/tenants", headers: ["Host": "[::1]:9"])) == (401, 0))
        #expect(status(request(.get, "/_sandbox/tenants", headers: ["Host": "127.0.0.1", "X-Sandbox-Control-Token": "s3cres"])) == (401, 0))
        #expect(status(request(.post, "/_sandbox/faults", headers: ["Host": "127.0.0.1", "X-Sandbox-Control-Token": token, "Content-Type": "text/plain"],
                               body: "{}")) == (415, 0))
        #expect(status(request(.post, "/_sandbox/reset", headers: ["Host": "127.0.0.1", "X-Sandbox-Control-Token": token])) == (200, 1))
        #expect(status(request(.post, "/_sandbox/faults", headers: ["Host": "127.0.0.1", "X-Sandbox-Control-Token": token,
                                                                    "Content-Type": "application/json; charset=utf-8"], body: "{}")) == (200, 1))
        // Neither the public probe nor vendor routes are guarded.
        #expect(status(request(.get, "/_sandbox/health", headers: ["Host": "evil.example", "Origin": "http://evil.example"])) == (200, 1))
        #expect(status(request(.get, "/gst/compliance/tax-payer/invoices", headers: ["Host": "gsp-sandbox", "Origin": "http://evil.example"])) == (200, 1))
    }

    @Test func hostNamesAreJudgedWithoutPortBracketsOrCase() {
        let access = ControlAccess(allowedHosts: ["gsp-sandbox"])
        for host in ["localhost:8080", "LOCALHOST.", "app.localhost", "127.0.0.1", "127.1.2.3:80", "[::1]:8080", "gsp-sandbox:8080", "192.168.1.5:1"] {
            #expect(access.allows(host: host, listeningOn: "192.168.1.5"), "\(host)")
        }
        for host in ["evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "128.0.0.1", "[::2]", "192.168.1.6", "0.0.0.0"] {
            #expect(!access.allows(host: host, listeningOn: "0.0.0.0"), "\(host)")
        }
        #expect(ControlAccess(allowedHosts: ["*"]).allows(host: "anything", listeningOn: "::"))
    }

    // MARK: Metrics

    @Test func metricsCountTheOperationAndADroppedConnectionAsStatusZero() {
        let metrics = Metrics()
        let r = request(.get, "/gst/compliance/tax-payer/invoices")
        var ctx = context(for: r)
        _ = run(MetricsMiddleware(metrics: metrics), r, context: &ctx)
        var dropped = HTTPResponse(status: .internalServerError)
        dropped.delivery = .dropConnection
        ctx.fault = FaultDecision(id: "cut", respond: nil, delayMilliseconds: nil, drop: true)
        _ = run(MetricsMiddleware(metrics: metrics), r, answer: dropped, context: &ctx)
        let text = metrics.render(Metrics.Gauges(tenants: 0, jobsByState: [:], journalEntries: 0, journalCapacity: 0, faultRules: 0))
        #expect(text.contains(#"gsp_sandbox_requests_total{operation="ims.invoices",status="200"} 1"#))
        #expect(text.contains(#"gsp_sandbox_requests_total{operation="ims.invoices",status="0"} 1"#))
        #expect(text.contains(#"gsp_sandbox_faults_injected_total{rule="cut"} 1"#))
    }

    // MARK: Journal

    @Test func journalKeepsVendorRequestsAndSkipsControlReadsThatChangeNothing() {
        let journal = Journal(capacity: 10)
        let read = request(.get, "/_sandbox/tenants")
        var ctx = context(for: read)
        _ = run(JournalMiddleware(journal: journal), read, context: &ctx)
        #expect(journal.count == 0)

        let vendor = request(.get, "/gst/compliance/tax-payer/invoices?section=B2B", headers: ["Host": "t", "x-api-key": "key_live_gspsandbox"])
        var ctx2 = context(for: vendor)
        ctx2.fault = FaultDecision(id: "slow", respond: nil, delayMilliseconds: 5, drop: false)
        _ = run(JournalMiddleware(journal: journal), vendor, context: &ctx2)
        let entry = journal.entries.last
        #expect(journal.count == 1)
        #expect(entry?.operation == "ims.invoices" && entry?.status == 200 && entry?.fault == "slow")
        #expect(entry?.tenant == "default")   // looked up by the API key: the handler here touched no tenant
    }

    // MARK: Faults

    func book(_ rules: String...) throws -> FaultBook {
        let book = FaultBook()
        for (i, text) in rules.enumerated() {
            let rule = try FaultRule.parse(try JSONParser.parse(Array(text.utf8)), defaultID: "r\(i)")
            try rule.validateCode(path: "$")
            book.add(rule)
        }
        return book
    }

    @Test func faultsAnswerTheCatalogueErrorInTheRoutesVendorEnvelope() throws {
        let faults = FaultMiddleware(book: try book(#"{"match":{"operation":"ims.invoices"},"respond":{"error_code":"RET11416"}}"#,
                                                    #"{"match":{"operation":"vayana.returns"},"respond":{"error_code":"RET11416"}}"#),
                                     realTime: app.context.world.realTime)
        let sandbox = request(.get, "/gst/compliance/tax-payer/invoices")
        var ctx = context(for: sandbox)
        let (answer, calls) = run(faults, sandbox, context: &ctx)
        #expect(calls == 0 && answer.status == .ok && ctx.fault?.id == "r0")
        let body = try JSONParser.parse(answer.body)
        #expect(body["data"]?["error"]?["error_cd"] == "RET11416" && body["data"]?["status_cd"] == "0")

        let vayana = request(.get, "/basic/gstn/v1.0/taxpayerapi/v0.3/returns")
        var ctx2 = context(for: vayana)
        let (eas, _) = run(faults, vayana, context: &ctx2)
        #expect(eas.status == .badGateway)
        #expect(try JSONParser.parse(eas.body)["error"]?["args"]?["gstn-err"]?["error-code"] == "RET11416")
    }

    @Test func faultsNeverTouchTheControlAPIAndPassWhenNoRuleMatches() throws {
        let faults = FaultMiddleware(book: try book(#"{"match":{"path":"*"},"drop":true}"#), realTime: app.context.world.realTime)
        let control = request(.get, "/_sandbox/health")
        var ctx = context(for: control)
        #expect(run(faults, control, context: &ctx).nextCalls == 1 && ctx.fault == nil)
        // Nor a control path no route takes: schemathesis's TRACE /_sandbox/tenants/default waited out
        // a fault rule's delay instead of getting its 405.
        for unrouted in [request(.init("TRACE"), "/_sandbox/tenants/default"), request(.get, "/_sandbox/no-such-thing")] {
            var unroutedContext = context(for: unrouted)
            #expect(run(faults, unrouted, context: &unroutedContext).nextCalls == 1 && unroutedContext.fault == nil, "\(unrouted.path)")
        }

        let none = FaultMiddleware(book: try book(#"{"match":{"operation":"ims.save"},"drop":true}"#), realTime: app.context.world.realTime)
        let other = request(.get, "/gst/compliance/tax-payer/invoices")
        var ctx2 = context(for: other)
        #expect(run(none, other, context: &ctx2).nextCalls == 1 && ctx2.fault == nil)
    }

    @Test func faultsMatchAGSTINGatheredBeforeTheDecision() throws {
        let book = try book(#"{"match":{"gstin":"27AAPCA4821K1ZD"},"drop":true}"#)
        #expect(book.matchesOnGSTIN)
        let faults = FaultMiddleware(book: book, realTime: app.context.world.realTime)
        let named = request(.get, "/gsp/tax-payer/27aapca4821k1zd/gstrs/gstr-1/b2ba/2025/03")
        var ctx = context(for: named)
        let (dropped, calls) = run(faults, named, context: &ctx)
        #expect(calls == 0 && dropped.delivery == .dropConnection)

        let other = request(.get, "/gsp/tax-payer/29AAACS5678B1Z5/gstrs/gstr-1/b2ba/2025/03")
        var ctx2 = context(for: other)
        #expect(run(faults, other, context: &ctx2).nextCalls == 1)
        #expect(!(try self.book(#"{"match":{"operation":"ims.save"},"drop":true}"#)).matchesOnGSTIN)
    }

    @Test func aDelayOnlyRuleDelaysTheRealAnswer() throws {
        let faults = FaultMiddleware(book: try book(#"{"match":{"operation":"ims.invoices"},"delay_ms":25}"#), realTime: app.context.world.realTime)
        let r = request(.get, "/gst/compliance/tax-payer/invoices")
        var ctx = context(for: r)
        let (response, calls) = run(faults, r, context: &ctx)
        #expect(calls == 1 && response.status == .ok && response.delivery == .delayed(milliseconds: 25))
    }
}
