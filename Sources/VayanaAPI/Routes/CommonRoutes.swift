import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// GSTN's public ("commonapi") calls through EAS: Search Taxpayer and View & Track Returns
/// (docs.enriched-api.vayana.com, v3.0: `…/commonapi/{gstn-api-version}/search?gstin=&action=TP` and
/// `…/returns?gstin=&fy=&action=RETTRACK&type=`). They need the organisation and user token, not a
/// taxpayer's GSTN session, and answer the same registrations and filing state as Sandbox's public
/// routes, in the v3 envelope with GSTN's payload as `data`.
enum CommonRoutes {
    static let prefix = "/basic/gstn/{flynn-version}/commonapi/{gstn-api-version}"

    // MARK: GET …/commonapi/{v}/search?gstin=&action=TP

    /// `gstin` missing → 400 `err-missing-parameter`; malformed → 400 `err-invalid-gstin-format` (documented);
    /// `action` not TP → 400 `err-invalid-parameter`; a GSTIN the world does not register → 502 GSTN FO8000
    /// "No records found" (Vayana documents no body for it: GSTN's answer, as Sandbox's search gives it).
    static func search(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let q = Query(request)
        return ctx.eas(request, params) { (state: inout TenantState, _) throws(EASError) -> HTTPResponse in
            let gstin = try wellFormed(q["gstin"])
            guard q["action"]?.uppercased() == "TP" else { throw q["action"] == nil ? .missingParameter("action") : .invalidParameter("action") }
            guard let registration = state.registration(gstin) else { throw .gstn(.noRecordsFound) }
            return EASEnvelope.ok(PublicSearchRender.taxpayer(registration))
        }
    }

    // MARK: GET …/commonapi/{v}/returns?gstin=&fy=YYYY-YY&action=RETTRACK[&type=]

    /// The GSTIN's returns filed for periods of the financial year (`EFiledlist`, `valid` as `true` as the
    /// v3.0 example writes it); `type` R1/GSTR1 or R3B/GSTR3B filters, ALL-RTRN (or none) lists all.
    /// `gstin` / `fy` / `action` missing → 400; malformed GSTIN → 400 `err-invalid-gstin-format`; `fy` not
    /// YYYY-YY, `action` not RETTRACK, an unknown `type` → 400 `err-invalid-parameter`; nothing filed → 502
    /// GSTN RET13510 (the code Sandbox's public track documents).
    static func trackReturns(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let q = Query(request)
        return ctx.eas(request, params) { (state: inout TenantState, _) throws(EASError) -> HTTPResponse in
            let gstin = try wellFormed(q["gstin"])
            guard let fy = q["fy"] else { throw .missingParameter("fy") }
            guard let year = FinancialYear.start(fy) else { throw .invalidParameter("fy") }
            guard let action = q["action"] else { throw .missingParameter("action") }
            guard action.uppercased() == "RETTRACK" else { throw .invalidParameter("action") }
            let form: ReturnFiling.Form?
            switch q["type"]?.uppercased() {
            case nil, "ALL-RTRN": form = nil
            case "R1", "GSTR1": form = .gstr1
            case "R3B", "GSTR3B": form = .gstr3b
            default: throw .invalidParameter("type")
            }
            let filed = state.filedReturns(gstin: gstin).filter { $0.period.financialYearStart == year && (form == nil || $0.form == form) }
            guard !filed.isEmpty else { throw .gstn(.gstr2aNoRecord) }
            return EASEnvelope.ok(FilingTrackRender.filed(filed, validAsBoolean: true))
        }
    }

    static func wellFormed(_ text: String?) throws(EASError) -> GSTIN {
        guard let text else { throw .missingParameter("gstin") }
        guard let gstin = GSTIN(text.uppercased()) else { throw .invalidGSTINFormat(parameter: "gstin") }
        return gstin
    }
}
