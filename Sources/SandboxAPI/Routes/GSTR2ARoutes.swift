import GSTCore
import GSTNShapes
import HTTPWire

/// GSTR-2A section GETs and the whole document (taxpayer token): what suppliers reported for the session
/// taxpayer and period, live (documents whose supplier has not filed show with `cfs` "N").
enum GSTR2ARoutes {
    /// Sections whose documents (ISD distributions, imports of goods, TDS/TCS credits) the world never
    /// holds: always their documented empty answer (`GSTNError.gstr2aNothing`).
    static let emptySections: Set<String> = ["isd", "impg", "impgsez", "tcs", "tds"]

    /// One literal route per documented section (operation `gstr2a.section.<name>`: operations are unique;
    /// an unknown section is the router's 404) and the whole document (`gstr2a.document`).
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        let sections = ["b2b", "b2ba", "cdn", "cdna", "ecom", "ecoma", "isd", "impg", "impgsez", "tcs", "tds", "amdhist"]
        return sections.map { name in
            Route(.get, "\(t)/gstrs/gstr-2a/\(name)/{year}/{month}", "gstr2a.section.\(name)") { r, p, c throws(SandboxError) in
                try section(r, p, c, name: name)
            }
        } + [Route(.get, "\(t)/gstrs/gstr-2a/{year}/{month}", "gstr2a.document", document)]
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-2a/{section}/{year}/{month}

    /// `b2b`, `b2ba`, `cdn`, `cdna`, `ecom`, `ecoma`: the section (none → RET13509); `isd`, `tcs`, `tds` → RET13509,
    /// `impg`, `impgsez` → RET13510 (as documented per section); `amdhist` needs `bill_of_entry_number`, `port_code`, `bill_of_entry_date`
    /// (missing → 400) and answers RET13508 (no bill of entry exists). Malformed period → 422.
    static func section(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext, name: String) throws(SandboxError) -> SandboxReply {
        try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            if name == "amdhist" {
                for q in ["bill_of_entry_number", "port_code", "bill_of_entry_date"] {
                    guard let v = request.queryValue(q), !v.isEmpty else { throw .required(q) }
                }
                throw .business(.gstr2aNoDetails)
            }
            guard !emptySections.contains(name), let section = GSTR2ASection(rawValue: name) else { throw .business(.gstr2aNothing(in: name)) }
            let route = RenderCache.Route.named("gstr2a.\(name)|\(grant.session.value)|\(period.mmyyyy)")
            return .data(ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                let suppliers = state.gstr2a(recipient: grant.session, period: period, section: section)
                if suppliers.isEmpty { return SandboxData.error(.gstr2aNothing(in: name)) }
                return SandboxData.success(GSTR2ARender.section(section, suppliers: suppliers))
            })
        }
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-2a/{year}/{month}

    /// `{b2b, b2ba, cdn, cdna, fp, gstin}` (empty sections left out; nothing at all → `{fp, gstin}`, the
    /// official "200 No data"), with no `status_cd` beside it, as both official examples show.
    static func document(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            let route = RenderCache.Route.named("gstr2a|\(grant.session.value)|\(period.mmyyyy)")
            return .data(ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                let sections = state.gstr2a(recipient: grant.session, period: period)
                return SandboxData.successWithoutStatus(GSTR2ARender.document(gstin: grant.session, period: period, sections: sections))
            })
        }
    }
}
