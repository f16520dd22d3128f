import GSTCore
import GSTNShapes
import HTTPWire

/// Invoice Management System routes (taxpayer token).
enum IMSRoutes {
    // MARK: GET /gst/compliance/tax-payer/invoices?section=&status=

    /// Missing `section` → 400; unknown `section` or `status` → 422. Answer `{"<section key>":[records]}`
    /// (an empty list when none).
    static func invoices(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let query = request.queryItems
        func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
        return ctx.taxpayer(request) { state, grant in
            let gstin = grant.session, stamp = grant.stamp
            guard let sectionText = value("section"), !sectionText.isEmpty else {
                return Envelope.platformError(.badRequest("section is required"), stamp: stamp)
            }
            guard let section = IMSFilters.section(sectionText) else {
                return Envelope.platformError(
                    .unprocessable("Invalid section. Possible values: B2B, B2BA, CN, CNA, DN, DNA, ECOM, ECOMA"), stamp: stamp)
            }
            var filter: IMSStatus?
            if let s = value("status"), !s.isEmpty {
                guard let st = IMSFilters.status(s) else {
                    return Envelope.platformError(
                        .unprocessable("Invalid status. Possible values: accepted, rejected, pending, no_action_taken"), stamp: stamp)
                }
                filter = st
            }
            let route = RenderCache.Route.imsInvoices(gstin, section, filter)
            let inner = ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                Envelope.successData(IMSRecordRender.invoices(state.imsRecords(recipient: gstin, section: section, status: filter), section: section))
            }
            return Envelope.ok(data: inner, stamp: stamp)
        }
    }

    // MARK: GET /gst/compliance/tax-payer/invoices/count?type_of_goods=

    /// `type_of_goods` ∈ imports, inward_supplies, others (case-insensitive; missing → 400, other → 422).
    /// `others` and `inward_supplies` count the world's records; `imports` counts zero everywhere (the
    /// world holds no import documents). Counts are numbers, as documented.
    static func count(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let goods = request.queryValue("type_of_goods")
        return ctx.taxpayer(request) { state, grant in
            let gstin = grant.session, stamp = grant.stamp
            guard let goods, !goods.isEmpty else {
                return Envelope.platformError(.badRequest("type_of_goods is required"), stamp: stamp)
            }
            let kind = goods.lowercased()
            guard ["imports", "inward_supplies", "others"].contains(kind) else {
                return Envelope.platformError(
                    .unprocessable("Invalid type_of_goods. Possible values: imports, inward_supplies, others"), stamp: stamp)
            }
            let counts = kind == "imports" ? [:] : state.imsCounts(recipient: gstin)
            return Envelope.success(inner: IMSRender.counts(counts), stamp: stamp)
        }
    }

    // MARK: POST …/invoices/status/save and …/invoices/status/reset

    static func save(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        submit(request, ctx, kind: .save)
    }

    static func reset(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        submit(request, ctx, kind: .reset)
    }

    /// A body that is not JSON → 422. Otherwise the request becomes a job and the answer is its
    /// `reference_id`; a body that breaks the schema still gets one (the job ends `ER` IMSSAV005 and
    /// changes nothing, as the vendor documents), and the `X-Sandbox-Schema-Violation` response header
    /// says what was wrong.
    static func submit(_ request: HTTPRequest, _ ctx: SandboxAPIContext, kind: IMSRequestValidator.RequestKind) -> HTTPResponse {
        // Parse outside the lock.
        let parsed: Result<JSONValue, JSONParseError>
        do { parsed = .success(try JSONParser.parse(request.body, options: .init(duplicateKeys: .lastWins))) } catch {
            parsed = .failure(error)
        }
        return ctx.taxpayer(request) { state, grant in
            let gstin = grant.session, stamp = grant.stamp
            let json: JSONValue
            switch parsed {
            case .failure(let e):
                return Envelope.platformError(.unprocessable("Invalid request body: \(e.description)"), stamp: stamp)
            case .success(let j): json = j
            }
            let (actionRequest, violation) = IMSRequestValidator.actionRequest(json, kind: kind, sessionGSTIN: gstin)
            var headers: HTTPHeaders = [:]
            if let violation { headers.add(SchemaViolation.responseHeader, violation.description) }
            let id = state.submitIMSAction(actionRequest, recipient: gstin)
            return Envelope.success(inner: IMSStatusRender.referenceID(id), stamp: stamp, headers: headers)
        }
    }

    // MARK: GET …/invoices/status?reference_id=

    /// Missing `reference_id` → 400; unknown (or another taxpayer's, or not an IMS job) → IMS0008
    /// (emulator's choice: the code the vendor documents for unknown regeneration ids); running → `IP`
    /// form; done → P / PE / ER as documented.
    static func status(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let reference = request.queryValue("reference_id")
        return ctx.taxpayer(request) { state, grant in
            let gstin = grant.session, stamp = grant.stamp
            guard let reference, !reference.isEmpty else {
                return Envelope.platformError(.badRequest("reference_id is required"), stamp: stamp)
            }
            let requestType = state.job(reference).flatMap { job -> IMSRequestType? in
                (job.work as? IMSJob)?.requestType
            }
            switch state.pollIMSJob(referenceID: reference, recipient: gstin) {
            case nil:
                return Envelope.businessError(.noRecordsForTransaction, stamp: stamp)
            case .inProgress:
                return Envelope.success(inner: IMSStatusRender.statusInProgress(requestType ?? .save), stamp: stamp)
            case .completed(let outcome):
                return Envelope.success(inner: IMSStatusRender.status(outcome), stamp: stamp)
            }
        }
    }
}
