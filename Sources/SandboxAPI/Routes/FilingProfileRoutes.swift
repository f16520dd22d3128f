import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// The taxpayer's filing profile (taxpayer token): return preference per quarter (QRMP), which decides
/// which months take GSTR-1 and GSTR-3B, and aggregate turnover (AATO), which decides QRMP eligibility
/// and the HSN digits GSTR-1 needs.
enum FilingProfileRoutes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.get, "\(t)/gstrs/preference", "returns.preference.get", get),
            Route(.post, "\(t)/gstrs/preference", "returns.preference.save", save),
            Route(.get, "\(t)/aato", "returns.aato", aato),
        ]
    }

    /// The four quarters of a year with their preference.
    static func preferences(_ state: TenantState, gstin: GSTIN, yearStart: Int) -> [UInt8] {
        FilingProfileRender.preferences((1...4).compactMap { q in
            FinancialQuarter(yearStart: yearStart, quarter: q).map { ($0, state.filingPreference(gstin: gstin, quarter: $0)) }
        })
    }

    // MARK: GET …/gstrs/preference[?financial_year=FY 2025-26]

    /// The year's preferences (the current financial year when none is given), as the official example;
    /// not "FY YYYY-YY" → RTN_22 (undocumented here).
    static func get(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let yearText = request.queryValue("financial_year").flatMap { $0.isEmpty ? nil : $0 }
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            var start = ReturnPeriod(containing: state.today).financialYearStart
            if let yearText {
                guard let s = FinancialYear.start(yearText, prefixed: true) else { throw .business(.invalidFinancialYear) }
                start = s
            }
            return .success(preferences(state, gstin: grant.session, yearStart: start))
        }
    }

    // MARK: POST …/gstrs/preference

    /// `{"gstin", "fy": "2025-26", "quarter": "Q1"…"Q4", "preference": "M"|"Q"}` (GSTN's save schema): each
    /// missing → 400; off its pattern, or `gstin` not the session's → 422. GSTN's window (from the
    /// preceding quarter's second month to the quarter's first month) → RT-QRMP1002 outside it; quarterly
    /// above ₹5 crore AATO → RT-QRMP1003 (both the emulator's choice). Success answers
    /// `{"status_cd":"1"}`: the docs show no successful save.
    static func save(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request)
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let json = try body.get()
            for key in ["gstin", "fy", "quarter", "preference"] where json[key]?.stringValue?.isEmpty ?? true { throw .required(key) }
            guard json["gstin"]?.stringValue?.uppercased() == grant.session.value else { throw .unprocessable("gstin is not the session's GSTIN") }
            guard let start = FinancialYear.start(json["fy"]?.stringValue ?? "") else {
                throw .unprocessable("Invalid fy. Expected YYYY-YY, e.g. 2025-26")
            }
            let q = json["quarter"]?.stringValue ?? ""
            guard q.count == 2, q.hasPrefix("Q"), let n = Int(q.dropFirst()), let quarter = FinancialQuarter(yearStart: start, quarter: n) else {
                throw .unprocessable("Invalid quarter. Possible values: Q1, Q2, Q3, Q4")
            }
            guard let preference = FilingPreference(rawValue: json["preference"]?.stringValue ?? "") else {
                throw .unprocessable("Invalid preference. Possible values: M, Q")
            }
            do throws(FilingPreferenceError) {
                try state.setFilingPreference(gstin: grant.session, quarter: quarter, preference)
                return .statusOne()
            } catch {
                switch error {
                case .unknownTaxpayer: throw .platform(.insufficientPrivilege)
                case .outsideWindow(let w): throw .business(.preferenceWindowClosed(w.lowerBound, w.upperBound))
                case .turnoverAboveLimit: throw .business(.turnoverAboveQRMPLimit)
                }
            }
        }
    }

    // MARK: GET …/aato?financial_year=FY 2025-26

    /// The aggregate turnover that applies in the year: the previous financial year's (`fy`), from the
    /// filed GSTR-1s and the scenario's declared figures. `financial_year` missing → 400, not
    /// "FY YYYY-YY" → RTN_22 (undocumented here).
    static func aato(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let yearText = request.queryValue("financial_year")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            guard let yearText, !yearText.isEmpty else { throw .required("financial_year") }
            guard let start = FinancialYear.start(yearText, prefixed: true) else { throw .business(.invalidFinancialYear) }
            return .success(FilingProfileRender.aato(gstin: grant.session, state.aggregateTurnover(gstin: grant.session, yearStart: start - 1)))
        }
    }
}
