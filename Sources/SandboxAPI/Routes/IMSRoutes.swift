import GSTCore
import GSTNShapes
import HTTPWire

/// Invoice Management System routes (taxpayer token), under `/gst/compliance/tax-payer/invoices`.
enum IMSRoutes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.get, "\(t)/invoices", "ims.invoices", invoices),
            Route(.get, "\(t)/invoices/count", "ims.count", count),
            Route(.post, "\(t)/invoices/status/save", "ims.save") { r, _, c throws(SandboxError) in try submit(r, c, kind: .save) },
            Route(.post, "\(t)/invoices/status/reset", "ims.reset") { r, _, c throws(SandboxError) in try submit(r, c, kind: .reset) },
            Route(.get, "\(t)/invoices/status", "ims.status", status),
            Route(.get, "\(t)/invoices/{year}/{month}/sales", "ims.sales", sales),
            Route(.get, "\(t)/invoices/added-back-liabilities/{year}/{month}", "ims.addedBack", addedBack),
        ]
    }

    // MARK: GET /gst/compliance/tax-payer/invoices/added-back-liabilities/{year}/{month}?section=

    /// The session taxpayer's records of `period` whose rejection added liability back
    /// (`TenantState.addedBackLiabilities`), in `section` cdnr, b2ba, cdnra or ecoma (the schema's keys;
    /// case-insensitive): missing → 400, another → 422; none → IMS0027, the documented example.
    static func addedBack(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let sectionText = request.queryValue("section")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            guard let sectionText, !sectionText.isEmpty else { throw .required("section") }
            guard let section = AddedBackSection(rawValue: sectionText.lowercased()) else {
                throw .unprocessable("Invalid section. Possible values: cdnr, b2ba, cdnra, ecoma")
            }
            let me = grant.session
            let route = RenderCache.Route.named("ims.addedBack|\(me.value)|\(period.mmyyyy)|\(section.rawValue)")
            return .data(ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                let docs = state.addedBackLiabilities(supplier: me, period: period, section: section)
                if docs.isEmpty { return SandboxData.error(.noAddedBackLiability) }
                let parties = state.parties
                return SandboxData.success(AddedBackLiabilityRender.records(
                    supplier: me, period: period, section: section, documents: docs, tradeName: { parties[$0]?.tradeName ?? "" }))
            })
        }
    }

    // MARK: GET /gst/compliance/tax-payer/invoices/{year}/{month}/sales?section=&return_type=

    /// The IMS supplier view: the session taxpayer's own documents of `period` (its return period) in
    /// `section` (b2b, b2ba, cdnr, cdnra, ecom, ecoma; case-insensitive) with each recipient's IMS action
    /// (`IMSSalesRender`). `return_type` gstr-1 (GSTR-1 and IFF documents) or gstr-1a (GSTR-1A ones).
    /// Either missing → 400, another value → 422; nothing → RET11416, the one documented example.
    static func sales(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let sectionText = request.queryValue("section"), returnText = request.queryValue("return_type")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            guard let sectionText, !sectionText.isEmpty else { throw .required("section") }
            guard let returnText, !returnText.isEmpty else { throw .required("return_type") }
            let section = sectionText.lowercased()
            guard let imsSections = IMSSalesRender.sections[section] else {
                throw .unprocessable("Invalid section. Possible values: b2b, b2ba, cdnr, cdnra, ecom, ecoma")
            }
            let gstr1A: Bool
            switch returnText.lowercased() {
            case "gstr-1": gstr1A = false
            case "gstr-1a": gstr1A = true
            default: throw .unprocessable("Invalid return_type. Possible values: gstr-1, gstr-1a")
            }
            let me = grant.session
            let route = RenderCache.Route.named("ims.sales|\(me.value)|\(period.mmyyyy)|\(section)|\(gstr1A)")
            return .data(ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                let docs = state.gstr1Documents(supplier: me, period: period, sections: imsSections)
                    .filter { ($0.filing.form == .gstr1A) == gstr1A }
                if docs.isEmpty { return SandboxData.error(.noDocumentFound) }
                return SandboxData.success(IMSSalesRender.sales(supplier: me, period: period, section: section,
                                                                amendment1A: gstr1A, documents: docs))
            })
        }
    }

    // MARK: GET /gst/compliance/tax-payer/invoices?section=&status=

    /// Missing `section` → 400; unknown `section` or `status` → 422. Answer `{"<section key>":[records]}`
    /// (an empty list when none).
    static func invoices(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let query = request.queryItems
        func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let gstin = grant.session
            guard let sectionText = value("section"), !sectionText.isEmpty else { throw .required("section") }
            guard let section = IMSFilters.section(sectionText) else {
                throw .unprocessable("Invalid section. Possible values: B2B, B2BA, CN, CNA, DN, DNA, ECOM, ECOMA")
            }
            var filter: IMSStatus?
            if let s = value("status"), !s.isEmpty {
                guard let st = IMSFilters.status(s) else {
                    throw .unprocessable("Invalid status. Possible values: accepted, rejected, pending, no_action_taken")
                }
                filter = st
            }
            let route = RenderCache.Route.imsInvoices(gstin, section, filter)
            return .data(ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                SandboxData.success(IMSRecordRender.invoices(state.imsRecords(recipient: gstin, section: section, status: filter), section: section))
            })
        }
    }

    // MARK: GET /gst/compliance/tax-payer/invoices/count?type_of_goods=

    /// `type_of_goods` ∈ imports, inward_supplies, others (case-insensitive; missing → 400, other → 422).
    /// `others` and `inward_supplies` count the world's records; `imports` counts zero everywhere (the
    /// world holds no import documents). Counts are numbers, as documented.
    static func count(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let goods = request.queryValue("type_of_goods")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            guard let goods, !goods.isEmpty else { throw .required("type_of_goods") }
            let kind = goods.lowercased()
            guard ["imports", "inward_supplies", "others"].contains(kind) else {
                throw .unprocessable("Invalid type_of_goods. Possible values: imports, inward_supplies, others")
            }
            let counts = kind == "imports" ? [:] : state.imsCounts(recipient: grant.session)
            return .success(IMSRender.counts(counts))
        }
    }

    // MARK: POST …/invoices/status/save and …/invoices/status/reset

    /// A body that is not JSON → 422. Otherwise the request becomes a job and the answer is its
    /// `reference_id`; a body that breaks the schema still gets one (the job ends `ER` IMSSAV005 and
    /// changes nothing, as the vendor documents), and the `X-Sandbox-Schema-Violation` response header
    /// says what was wrong.
    static func submit(_ request: HTTPRequest, _ ctx: SandboxAPIContext, kind: IMSRequestValidator.RequestKind) throws(SandboxError) -> SandboxReply {
        let parsed = SandboxBody.parse(request)   // outside the lock
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let json = try parsed.get()
            let (actionRequest, violation) = IMSRequestValidator.actionRequest(json, kind: kind, sessionGSTIN: grant.session)
            var headers: HTTPHeaders = [:]
            if let violation { headers.add(SchemaViolation.responseHeader, violation.description) }
            let id = state.submitIMSAction(actionRequest, recipient: grant.session)
            return .success(IMSStatusRender.referenceID(id), headers: headers)
        }
    }

    // MARK: GET …/invoices/status?reference_id=

    /// Missing `reference_id` → 400; unknown (or another taxpayer's, or not an IMS job) → IMS0008
    /// (emulator's choice: the code the vendor documents for unknown regeneration ids); running → `IP`
    /// form; done → P / PE / ER as documented.
    static func status(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let reference = request.queryValue("reference_id")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            guard let reference, !reference.isEmpty else { throw .required("reference_id") }
            let requestType = state.job(reference).flatMap { job -> IMSRequestType? in
                (job.work as? IMSJob)?.requestType
            }
            switch state.pollIMSJob(referenceID: reference, recipient: grant.session) {
            case nil: throw .business(.noRecordsForTransaction)
            case .inProgress: return .success(IMSStatusRender.statusInProgress(requestType ?? .save))
            case .completed(let outcome): return .success(IMSStatusRender.status(outcome))
            }
        }
    }
}
