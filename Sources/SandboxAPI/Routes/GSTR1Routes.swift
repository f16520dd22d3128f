import GSTCore
import GSTNShapes
import HTTPWire

/// GSTR-1 B2B and B2BA section GETs (taxpayer token): the session taxpayer's own outward documents.
enum GSTR1Routes {
    /// The filters of a section GET, validated.
    struct Filters: Hashable, Sendable {
        var counterparty: GSTIN?
        var actionRequired: Bool?
        var from: CivilDate?
    }

    /// Query filters: the counterparty as `counterparty_gstin` (the spec), `gstin` (the docs' example
    /// placeholder) or `ctin` (the older B2BA page) — the first present wins in that order;
    /// `action_required` Y/N (case-insensitive); `from` DD/MM/YYYY. Bad values → 422 ("Invalid GSTIN
    /// pattern" for the counterparty).
    static func filters(_ request: HTTPRequest) -> Result<Filters, PlatformError> {
        var f = Filters()
        let items = request.queryItems
        func value(_ name: String) -> String? {
            guard let v = items.first(where: { $0.name == name })?.value, !v.isEmpty else { return nil }
            return v
        }
        if let c = value("counterparty_gstin") ?? value("gstin") ?? value("ctin") {
            guard let g = GSTIN(c) else { return .failure(.invalidGSTINPattern) }
            f.counterparty = g
        }
        if let a = value("action_required") {
            switch a.uppercased() {
            case "Y": f.actionRequired = true
            case "N": f.actionRequired = false
            default: return .failure(.unprocessable("Invalid action_required. Possible values: Y, N"))
            }
        }
        if let d = value("from") {
            guard d.utf8.count == 10, Array(d.utf8)[2] == UInt8(ascii: "/"), let date = CivilDate(ddmmyyyy: d) else {
                return .failure(.unprocessable("Invalid from date. Expected DD/MM/YYYY"))
            }
            f.from = date
        }
        return .success(f)
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-1/b2b/{year}/{month}

    static func b2b(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        section(request, params, ctx, section: .b2b, pathGSTIN: nil)
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-1/b2ba/{year}/{month}

    static func b2ba(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        section(request, params, ctx, section: .b2ba, pathGSTIN: nil)
    }

    // MARK: GET /gsp/tax-payer/{gstin}/gstrs/gstr-1/b2ba/{year}/{month}?ctin=

    /// The older B2BA form: the GSTIN in the path must be the session's (pattern → 422, another GSTIN
    /// → 403 "Insufficient privilege").
    static func legacyB2BA(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        section(request, params, ctx, section: .b2ba, pathGSTIN: params["gstin"] ?? "")
    }

    /// Documents matching the filters → `{"b2b":[…]}` / `{"b2ba":[…]}`; none → RET11416.
    /// The rendered `data` is cached per tenant state version, route, period and filters.
    static func section(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext,
                        section: IMSSection, pathGSTIN: String?) -> HTTPResponse {
        let parsedFilters = filters(request)
        return ctx.taxpayer(request) { state, grant in
            let stamp = grant.stamp
            if let text = pathGSTIN {
                guard let g = GSTIN(text) else { return Envelope.platformError(.invalidGSTINPattern, stamp: stamp) }
                guard g == grant.session else { return Envelope.platformError(.insufficientPrivilege, stamp: stamp) }
            }
            guard let period = GSTR2BRoutes.period(params) else {
                return Envelope.platformError(.unprocessable("Invalid year or month"), stamp: stamp)
            }
            let f: Filters
            switch parsedFilters {
            case .failure(let e): return Envelope.platformError(e, stamp: stamp)
            case .success(let v): f = v
            }
            let route = RenderCache.Route.gstr1(grant.session, period, section, counterparty: f.counterparty,
                                                actionRequired: f.actionRequired, from: f.from)
            let data = ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                let docs = state.gstr1Documents(supplier: grant.session, period: period, section: section,
                                                counterparty: f.counterparty, actionRequired: f.actionRequired, from: f.from)
                if docs.isEmpty { return Envelope.errorData(.noDocumentFound) }
                let key: StaticString = section == .b2ba ? "b2ba" : "b2b"
                return Envelope.successData(GSTR1Render.section(key, documents: docs, amended: section == .b2ba))
            }
            return Envelope.ok(data: data, stamp: stamp)
        }
    }
}
