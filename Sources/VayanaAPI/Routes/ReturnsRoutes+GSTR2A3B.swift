import GSTCore
import GSTNShapes
import HTTPWire

extension ReturnsRoutes {
    /// GSTR-2A actions without documents in this world.
    static let emptyGSTR2AActions: Set<String> = ["ISD", "IMPG", "IMPGSEZ", "TCS", "TDS", "AMDHIST", "ISDA", "TCSA", "TDSA"]

    // MARK: gstr2a

    /// `action` B2B, B2BA, CDN, CDNA (optional `ctin` filter) → the same `{"<section>":[…]}` Sandbox's
    /// GSTR-2A section route returns; none → 502 RET13509. ISD, TCS, TDS (and their amendments) → 502
    /// RET13509, IMPG, IMPGSEZ → RET13510, AMDHIST → RET13508: GSTN's codes as Sandbox documents them
    /// per section. Period as `ret_period` or `rtnprd`.
    static func gstr2a(_ q: Query, action: String?, gstin: GSTIN, _ state: inout TenantState, _ tenant: Tenant,
                       _ ctx: VayanaContext) throws(EASError) -> HTTPResponse {
        guard let action else { throw .missingParameter("action") }
        let section: GSTR2ASection
        switch action {
        case "B2B": section = .b2b
        case "B2BA": section = .b2ba
        case "CDN": section = .cdn
        case "CDNA": section = .cdna
        case "ECOM": section = .ecom
        case "ECOMA": section = .ecoma
        case _ where emptyGSTR2AActions.contains(action):
            _ = try period(q, preferredName: "ret_period")
            throw .gstn(.gstr2aNothing(in: action))
        default:
            throw .invalidParameter("action")
        }
        let period = try period(q, preferredName: "ret_period")
        let counterparty = try counterparty(q)
        var suppliers = state.gstr2a(recipient: gstin, period: period, section: section)
        if let counterparty { suppliers.removeAll { $0.supplier != counterparty } }
        guard !suppliers.isEmpty else { throw .gstn(.gstr2aNothing(in: action)) }
        let route = "gstr2a|\(gstin.value)|\(period.mmyyyy)|\(action)|\(counterparty?.value ?? "")"
        let data = ctx.cache.fragment(tenant, route: route, version: state.version) {
            GSTR2ARender.section(section, suppliers: suppliers)
        }
        return EASEnvelope.ok(data)
    }

    // MARK: gstr3b

    /// `action` RETSUM → the GSTR-3B Sandbox's GSTR-3B GET returns (saved figures, or auto-populated);
    /// other GSTN GSTR-3B actions → 502 GEN5002 (not emulated through Vayana).
    static func gstr3b(_ q: Query, action: String?, gstin: GSTIN, _ state: inout TenantState, _ tenant: Tenant,
                       _ ctx: VayanaContext) throws(EASError) -> HTTPResponse {
        guard let action else { throw .missingParameter("action") }
        switch action {
        case "RETSUM": break
        case "RETSAVE", "RETOFFSET", "RETFILE", "RETSUBMIT", "RETSTATUS", "RETTRACK", "TAXPAYBL", "AUTOLIAB", "AUTOLIAB2B":
            throw .gstn(.notEmulated("GSTR-3B \(action)"))
        default:
            throw .invalidParameter("action")
        }
        let period = try period(q, preferredName: "ret_period")
        // Refused before the summary is built: building it may generate the period's GSTR-2B.
        guard state.taxpayers[gstin] != nil else { throw .unknownGSTIN(parameter: "gstin") }
        guard state.isGSTR3BOpen(gstin: gstin, period: period) else { throw .gstn(.gstr1NotFiledFor3B) }
        guard let summary = state.gstr3bSummary(gstin: gstin, period: period) else { throw .unknownGSTIN(parameter: "gstin") }
        return EASEnvelope.ok(GSTR3BRender.summary(summary))
    }
}
