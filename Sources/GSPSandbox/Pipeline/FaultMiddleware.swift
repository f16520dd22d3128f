import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import SandboxAPI
import VayanaAPI

/// Injects the installed fault rules: a drop, a vendor error instead of the handler's answer, or a
/// delay. Rules never apply to the control API, so a broad rule cannot lock its author out; with no
/// rule installed this step is one atomic load.
///
/// What a rule matches on is gathered before the fault book's lock is taken: the tenant (one registry
/// lookup, kept for the journal) and, only when some rule matches on a GSTIN, the GSTINs the request
/// names (which may parse its body and read its tenant).
struct FaultMiddleware: RequestMiddleware {
    let book: FaultBook
    let realTime: RealTime
    static let controlPrefix = "/_sandbox/"

    func handle(_ request: HTTPRequest, context: inout RequestContext, next: Responder) -> HTTPResponse {
        // A control path no route takes (a wrong method, a typo under /_sandbox/) is the control API's
        // too: a broad rule must not delay or drop its 404/405 either.
        guard !context.isControl, !request.path.hasPrefix(FaultMiddleware.controlPrefix), !book.isEmpty else {
            return next(request, &context)
        }
        let tenant = context.tenant(of: request)
        let facts = RequestFacts(
            operation: context.operation, method: request.method.rawValue, path: request.path, tenant: tenant?.id,
            gstins: book.matchesOnGSTIN ? RequestGSTINs.named(by: request, tenant: tenant) : [])
        guard let fault = book.decide(facts) else { return next(request, &context) }
        context.fault = fault

        var response: HTTPResponse
        if fault.drop {
            response = HTTPResponse(status: .internalServerError)
            response.delivery = .dropConnection
        } else if let action = fault.respond {
            response = render(action, api: context.api, tenant: tenant)
        } else {
            response = next(request, &context)
        }
        if let ms = fault.delayMilliseconds, ms > 0, response.delivery == .immediate {
            response.delivery = .delayed(milliseconds: ms)
        }
        return response
    }

    /// A rule's `respond`: a GSTN error in the route's vendor envelope (Vayana: 502 via EAS; every other
    /// route: Sandbox's business error, HTTP 200), or a plain status.
    func render(_ action: FaultRule.Response, api: RouteAPI?, tenant: Tenant?) -> HTTPResponse {
        switch action {
        case .errorCode(let code, let message):
            let today = tenant?.read { $0.today } ?? CivilDate(epochMilliseconds: realTime.now())
            // Rules are validated when installed (`FaultRule.validateCode`), so a code without a message
            // is always catalogued; the 500 is a guard, not a path.
            guard let error = message.map({ GSTNError(code: code, message: $0) }) ?? GSTNError.catalogued(code: code, today: today) else {
                var body = JSONBuilder(capacity: 96)
                body.beginObject(); body.field("error", "fault rule: no catalogue message for \(code); give respond.message"); body.endObject()
                return .json(.internalServerError, body.bytes)
            }
            if api == .vayana { return VayanaErrorRenderer.gstnError(error) }
            return SandboxErrorRenderer.businessError(error, tenant: tenant, realTime: realTime)
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

/// GSTINs a request names, for fault rules that match on one: path segments, query values, a `gstin`
/// header, a top-level `gstin` body field (bodies up to 1 MiB), and the GSTIN of the taxpayer / GSTN
/// session its `authorization` token belongs to.
enum RequestGSTINs {
    static func named(by request: HTTPRequest, tenant: Tenant?) -> Set<String> {
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
            switch tenant.read({ $0.tokens.entry(for: token)?.kind }) {
            case .taxpayer(let g), .gstnSession(let g): out.insert(g.value)
            default: break
            }
        }
        return out
    }
}
