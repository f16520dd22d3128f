import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// GSTN's public APIs (platform token, no taxpayer session), under `/gst/compliance/public`: taxpayer
/// search by GSTIN and by PAN, answered from the world's registrations (`TenantState.registration`).
enum PublicRoutes {
    static let prefix = "/gst/compliance/public"

    static func routes() -> [Route<SandboxAPIContext>] {
        [
            Route(.post, "\(prefix)/gstin/search", "public.gstin.search", search),
            Route(.post, "\(prefix)/gstin/verify", "public.gstin.verify", verify),
            Route(.post, "\(prefix)/pan/search", "public.pan.search", panSearch),
            Route(.post, "\(prefix)/gstrs/track", "public.gstrs.track", track),
            Route(.post, "\(prefix)/gstrs/preference", "public.gstrs.preference", preference),
            Route(.post, "\(prefix)/gstin/changed-list", "public.gstin.changed-list", changedList),
            Route(.post, "\(prefix)/unregistered-applicants", "public.unregistered-applicants", applicant),
            Route(.post, "\(prefix)/unregistered-applicants/validation", "public.unregistered-applicants.validation", validateApplicant),
        ]
    }

    // MARK: POST /gst/compliance/public/gstrs/track?financial_year=FY 2024-25&gstr=

    /// Body `{"gstin"}`; the GSTIN's returns filed for periods of that financial year (April to March),
    /// `gstr` (`gstr-1`, `gstr-3b`) filtering them — from the filing state (`TenantState.filedReturns`).
    /// `financial_year` missing → 400; not "FY YYYY-YY" or a year not begun → RTN_22; GSTIN off the pattern →
    /// 422 "Invalid GSTIN pattern"; nothing filed → RET13510. Errors carry `error_code`, as documented.
    static func track(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request)
        let yearText = request.queryValue("financial_year"), filter = request.queryValue("gstr").flatMap { $0.isEmpty ? nil : $0 }
        let (grant, outcome) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> Result<[ReturnFiling], GSTNError> in
            let json = try body.get()
            guard let text = json["gstin"]?.stringValue, !text.isEmpty else { throw .required("gstin") }
            guard let gstin = GSTIN(text.uppercased()) else { throw .platform(.invalidGSTINPattern) }
            guard let yearText, !yearText.isEmpty else { throw .required("financial_year") }
            guard let startYear = FinancialYear.start(yearText, prefixed: true), startYear <= ReturnPeriod(containing: state.today).financialYearStart else {
                return .failure(.invalidFinancialYear)
            }
            let form = filter.map(FilingTrackRender.form)
            let filed = state.filedReturns(gstin: gstin).filter { f in
                f.period.financialYearStart == startYear && (form == nil || form! == f.form)
            }
            return filed.isEmpty ? .failure(.gstr2aNoRecord) : .success(filed)
        }
        switch outcome {
        case .success(let filed): return .data(Envelope.successData(FilingTrackRender.filed(filed)), stamp: grant.stamp)
        case .failure(let e): return .data(FilingTrackRender.publicError(e), stamp: grant.stamp)
        }
    }


    // MARK: POST /gst/compliance/public/gstin/search

    /// Body `{"gstin"}`: missing → 400; not a GSTIN's pattern → 422 "Invalid GSTIN pattern"; a GSTIN the
    /// world does not register → FO8000 "No records found"; else the registration (`PublicSearchRender`).
    static func search(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try lookUp(request, ctx, verification: false, render: PublicSearchRender.taxpayer)
    }

    // MARK: POST /gst/compliance/public/gstin/verify

    /// As search, with the verification's fields (`PublicSearchRender.verification`). The docs give no
    /// answer for a GSTIN nobody holds: FO8000 "No records found", as search answers.
    static func verify(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try lookUp(request, ctx, verification: true, render: PublicSearchRender.verification)
    }

    /// The registration the body's `gstin` names, rendered by `render`.
    /// The answer is cached per tenant state version and GSTIN (public search is what clients call most:
    /// before every invoice, to check the counterparty).
    private static func lookUp(_ request: HTTPRequest, _ ctx: SandboxAPIContext, verification: Bool,
                               render: @escaping (Registration) -> [UInt8]) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request)
        let (grant, data) = try ctx.authorized(request, .platform) { (state, grant) throws(SandboxError) -> [UInt8] in
            let json = try body.get()
            guard let value = json["gstin"] else { throw .required("gstin") }
            guard let text = value.stringValue, let gstin = GSTIN(text) else { throw .platform(.invalidGSTINPattern) }
            return ctx.cache.fragment(grant.tenant, route: .publicRegistration(gstin, verification: verification), version: state.version) {
                state.registration(gstin).map { SandboxData.success(render($0)) } ?? SandboxData.error(.noRecordsFound)
            }
        }
        return .data(data, stamp: grant.stamp)
    }

    // MARK: POST /gst/compliance/public/pan/search?state_code=

    /// Body `{"pan"}`, query `state_code` (two digits): either missing → 400; a malformed PAN or state code
    /// → 422 (not documented: the pattern errors of the other routes); no registration of the PAN in that
    /// state → `data: {"error_code":"NOGSTIN","message":"No records found"}` with no `status_cd`, and a
    /// success is `data: [ … ]`, both as the official examples show them.
    static func panSearch(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request), stateText = request.queryValue("state_code")
        let (grant, registrations) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> [Registration] in
            guard let stateText, !stateText.isEmpty else { throw .required("state_code") }
            guard let stateCode = StateCode(stateText) else { throw .unprocessable("Invalid state_code") }
            let json = try body.get()
            guard let value = json["pan"] else { throw .required("pan") }
            guard let pan = value.stringValue, isPAN(pan) else { throw .unprocessable("Invalid PAN pattern") }
            return state.registrations(pan: pan.uppercased(), state: stateCode)
        }
        guard !registrations.isEmpty else {
            return .data(Array(#"{"error_code":"NOGSTIN","message":"No records found"}"#.utf8), stamp: grant.stamp)
        }
        return .data(PublicSearchRender.pan(registrations), stamp: grant.stamp)
    }

    /// Five letters, four digits, a letter (either case).
    static func isPAN(_ s: String) -> Bool {
        let u = Array(s.utf8)
        func letter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        return u.count == 10 && u[0..<5].allSatisfy(letter) && u[5..<9].allSatisfy(digit) && letter(u[9])
    }

    // MARK: POST /gst/compliance/public/gstrs/preference?financial_year=FY 2025-26

    /// Body `{"gstin"}`: a taxpayer's return preference for each quarter of the year, as the taxpayer's
    /// own GET answers it. `financial_year` missing → 400, not "FY YYYY-YY" → RTN_22 (public track's code;
    /// undocumented here); GSTIN off the pattern → 422; a GSTIN the world does not register → FO8000
    /// (public search's answer). Suppliers of the world file monthly.
    static func preference(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request), yearText = request.queryValue("financial_year")
        let (grant, inner) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> [UInt8] in
            let json = try body.get()
            guard let text = json["gstin"]?.stringValue, !text.isEmpty else { throw .required("gstin") }
            guard let gstin = GSTIN(text.uppercased()) else { throw .platform(.invalidGSTINPattern) }
            guard let yearText, !yearText.isEmpty else { throw .required("financial_year") }
            guard let start = FinancialYear.start(yearText, prefixed: true) else { throw .business(.invalidFinancialYear) }
            guard state.parties[gstin] != nil else { throw .business(.noRecordsFound) }
            return FilingProfileRoutes.preferences(state, gstin: gstin, yearStart: start)
        }
        return .data(Envelope.successData(inner), stamp: grant.stamp)
    }

    // MARK: POST /gst/compliance/public/gstin/changed-list

    /// Body `{"date": "DD-MM-YYYY", "state_code": "24", "page"?: 1}`: the registrations of that state the
    /// world generated, cancelled, suspended or updated that day (`TenantState.registrationChanges`), 1,000
    /// a page (the emulator's choice), GSTINs as MD5 hex as documented. `date` / `state_code` missing → 400;
    /// off their patterns, or `page` below 1 → 422; nothing changed → an empty `gstLst` with zero counts
    /// (undocumented).
    static func changedList(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request)
        let (grant, inner) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> [UInt8] in
            let json = try body.get()
            guard let dateText = json["date"]?.stringValue, !dateText.isEmpty else { throw .required("date") }
            guard let codeText = json["state_code"]?.stringValue, !codeText.isEmpty else { throw .required("state_code") }
            guard dateText.utf8.count == 10, dateText.utf8.dropFirst(2).first == UInt8(ascii: "-"), let day = CivilDate(ddmmyyyy: dateText) else {
                throw .unprocessable("Invalid date. Expected DD-MM-YYYY")
            }
            guard codeText.utf8.count == 2, let code = StateCode(codeText) else { throw .unprocessable("Invalid state_code") }
            var page = 1
            if let p = json["page"] {
                guard let n = p.intValue, n >= 1 else { throw .unprocessable("page must be an integer of at least 1") }
                page = n
            }
            return PublicSearchRender.changedList(state.registrationChanges(in: code, on: day), state: code, page: page, pageSize: 1_000)
        }
        return .data(Envelope.successData(inner), stamp: grant.stamp)
    }

    // MARK: POST /gst/compliance/public/unregistered-applicants

    /// Body `{"enrolment_number"}`: the applicant the scenario declares (`unregistered_applicants`). Missing →
    /// 400; an enrolment number nobody holds → FO8000 "No records found" (undocumented: public search's answer).
    static func applicant(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request)
        let (grant, inner) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> [UInt8] in
            PublicSearchRender.applicant(try enrolled(try body.get(), state))
        }
        return .data(Envelope.successData(inner), stamp: grant.stamp)
    }

    // MARK: POST /gst/compliance/public/unregistered-applicants/validation

    /// Body `{"enrolment_number", "mobile"?, "email"?}` (at least one of them, else 400): "matched" or
    /// "unmatched" for each detail given; an unknown enrolment number → FO8000 (undocumented).
    static func validateApplicant(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request)
        let (grant, inner) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> [UInt8] in
            let json = try body.get()
            let mobile = json["mobile"]?.stringValue, email = json["email"]?.stringValue
            let applicant = try enrolled(json, state)
            guard mobile != nil || email != nil else { throw .badRequest("mobile or email is required") }
            return PublicSearchRender.contactValidation(applicant, mobile: mobile, email: email)
        }
        return .data(Envelope.successData(inner), stamp: grant.stamp)
    }

    /// The applicant the body's `enrolment_number` names.
    private static func enrolled(_ json: JSONValue, _ state: TenantState) throws(SandboxError) -> UnregisteredApplicant {
        guard let number = json["enrolment_number"]?.stringValue, !number.isEmpty else { throw .required("enrolment_number") }
        guard let applicant = state.unregisteredApplicant(number) else { throw .business(.noRecordsFound) }
        return applicant
    }
}
