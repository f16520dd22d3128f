import GSTCore
import GSTNShapes
import HTTPWire

/// GSTR-1 B2B and B2BA section GETs (taxpayer token): the session taxpayer's own outward documents.
enum GSTR1Routes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.get, "\(t)/gstrs/gstr-1/b2b/{year}/{month}", "gstr1.b2b") { r, p, c throws(SandboxError) in
                try section(r, p, c, section: .b2b, pathGSTIN: nil)
            },
            Route(.get, "\(t)/gstrs/gstr-1/b2ba/{year}/{month}", "gstr1.b2ba") { r, p, c throws(SandboxError) in
                try section(r, p, c, section: .b2ba, pathGSTIN: nil)
            },
            // The older B2BA form, outside the taxpayer prefix: GET /gsp/tax-payer/{gstin}/gstrs/gstr-1/b2ba/{year}/{month}?ctin=
            Route(.get, "/gsp/tax-payer/{gstin}/gstrs/gstr-1/b2ba/{year}/{month}", "gstr1.b2ba.legacy") { r, p, c throws(SandboxError) in
                try section(r, p, c, section: .b2ba, pathGSTIN: p["gstin"] ?? "")
            },
        ]
    }

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
    static func filters(_ request: HTTPRequest) -> Result<Filters, SandboxError> {
        var f = Filters()
        let items = request.queryItems
        func value(_ name: String) -> String? {
            guard let v = items.first(where: { $0.name == name })?.value, !v.isEmpty else { return nil }
            return v
        }
        if let c = value("counterparty_gstin") ?? value("gstin") ?? value("ctin") {
            guard let g = GSTIN(c) else { return .failure(.platform(.invalidGSTINPattern)) }
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

    /// Documents matching the filters → `{"b2b":[…]}` / `{"b2ba":[…]}`; none → RET11416.
    /// The rendered `data` is cached per tenant state version, route, period and filters.
    /// `pathGSTIN`: the older B2BA form carries the GSTIN in the path; it must be the session's (pattern
    /// → 422, another GSTIN → 403 "Insufficient privilege").
    static func section(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext,
                        section: IMSSection, pathGSTIN: String?) throws(SandboxError) -> SandboxReply {
        let parsedFilters = filters(request)
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            if let text = pathGSTIN {
                guard let g = GSTIN(text) else { throw .platform(.invalidGSTINPattern) }
                guard g == grant.session else { throw .platform(.insufficientPrivilege) }
            }
            let period = try ReturnPeriod(params)
            let f = try parsedFilters.get()
            let route = RenderCache.Route.gstr1(grant.session, period, section, counterparty: f.counterparty,
                                                actionRequired: f.actionRequired, from: f.from)
            return .data(ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                let docs = state.gstr1Documents(supplier: grant.session, period: period, section: section,
                                                counterparty: f.counterparty, actionRequired: f.actionRequired, from: f.from)
                if docs.isEmpty { return SandboxData.error(.noDocumentFound) }
                let key: StaticString = section == .b2ba ? "b2ba" : "b2b"
                return SandboxData.success(GSTR1Render.section(key, documents: docs, amended: section == .b2ba))
            })
        }
    }
}
