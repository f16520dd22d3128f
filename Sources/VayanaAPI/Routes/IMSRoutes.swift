import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// IMS through EAS: `…/taxpayerapi/{gstn-api-version}/returns/ims/<ACTION>` (vayana-gstn.md §1.6), over the
/// same tenant state and jobs as Sandbox's IMS routes. Every route needs the EAS headers and a GSTN session
/// for the GSTIN (see `RequestAuthorization`).
enum IMSRoutes {
    // MARK: GET …/returns/ims/GETINV?gstin=&section=&status=

    /// `{"<section>":[records]}` (an empty list when none). `section` missing → 400 `err-missing-parameter`,
    /// unknown `section` / `status` → 400 `err-invalid-parameter`. More records than the scenario's file
    /// size (`gstr2bPageSize`) → `{"token":…}`, for `…/returns/ims/FILEDET`.
    static func getInvoices(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let q = Query(request)
        return ctx.eas(request, params) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            let gstin = try VayanaContext.taxpayer(VayanaContext.gstinText(q, request), parameter: "gstin", in: state)
            guard let sectionText = q["section"] else { throw .missingParameter("section") }
            guard let section = IMSFilters.section(sectionText) else { throw .invalidParameter("section") }
            var filter: IMSStatus?
            if let s = q["status"] {
                guard let st = IMSFilters.status(s) else { throw .invalidParameter("status") }
                filter = st
            }
            let records = state.imsRecords(recipient: gstin, section: section, status: filter)
            let pageSize = state.gstr2bPageSize
            if records.count > pageSize {
                var files: [(bytes: [UInt8], itemCount: Int)] = []
                var start = 0
                while start < records.count {
                    let end = min(records.count, start + pageSize)
                    files.append((IMSRecordRender.invoices(records[start..<end], section: section, legacyPendingFlag: true), end - start))
                    start = end
                }
                let token = ctx.files.register(tenant: tenant, gstin: gstin, scope: .ims, files: files)
                return EASEnvelope.ok(IMSRender.fileToken(token))
            }
            let route = "ims.getinv|\(gstin.value)|\(section.rawValue)|\(filter?.rawValue ?? "")"
            let data = ctx.cache.fragment(tenant, route: route, version: state.version) {
                IMSRecordRender.invoices(records, section: section, legacyPendingFlag: true)
            }
            return EASEnvelope.ok(data)
        }
    }

    // MARK: GET …/returns/ims/GETCNT?gstin=&goods_typ=

    /// `goods_typ` `ALL_OTH` (the documented value, case-insensitive) → counts per section and action, with
    /// an all-zero `inv_supp_isd` group as in Vayana's example. Missing → 400 `err-missing-parameter`; any
    /// other value → 400 `err-invalid-parameter` (GSTN's full list is undocumented).
    static func getCount(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let q = Query(request)
        return ctx.eas(request, params) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            let gstin = try VayanaContext.taxpayer(VayanaContext.gstinText(q, request), parameter: "gstin", in: state)
            guard let goods = q["goods_typ"] else { throw .missingParameter("goods_typ") }
            guard goods.uppercased() == "ALL_OTH" else { throw .invalidParameter("goods_typ") }
            let data = ctx.cache.fragment(tenant, route: "ims.getcnt|\(gstin.value)", version: state.version) {
                IMSRender.counts(state.imsCounts(recipient: gstin))
            }
            return EASEnvelope.ok(data)
        }
    }

    // MARK: PUT …/returns/ims/SAVE and …/returns/ims/RESETIMS

    static func save(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        submit(request, params, ctx, kind: .save)
    }

    static func reset(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        submit(request, params, ctx, kind: .reset)
    }

    /// Body `{"action":"SAVE"|"RESETIMS","data":{"rtin":…,"reqtyp":"SAVE"|"RESET","invdata":{…}}}` →
    /// `{"reference_id":…}`; the job applies the records when it completes (scenario `JobTiming`), REQSTS
    /// reports the outcome.
    ///
    /// Refused before any job: body not JSON → 400 `err-invalid-json`; `action` missing or not this route's
    /// → 400 `err-missing-parameter` / `err-invalid-parameter`; `data` missing → 400; `rtin` missing /
    /// malformed / unknown / without GSTN session → 400 / 400 / 404 / 502 RET11402. A `data` that breaks the
    /// IMS schema still gets a reference id: the job ends `ER` IMSSAV005 changing nothing (as Sandbox's
    /// route does), and the `X-Sandbox-Schema-Violation` response header says what was wrong.
    static func submit(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext,
                       kind: IMSRequestValidator.RequestKind) -> HTTPResponse {
        // Parse outside the lock.
        let parsed: Result<JSONValue, EASError>
        do throws(EASError) { parsed = .success(try parseBody(request)) } catch { parsed = .failure(error) }
        return ctx.eas(request, params) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            let body = try parsed.get()
            guard body.objectValue != nil else { throw .missingParameter("action") }
            guard let action = body["action"] else { throw .missingParameter("action") }
            guard action.stringValue == (kind == .save ? "SAVE" : "RESETIMS") else { throw .invalidParameter("action") }
            guard let data = body["data"], data.objectValue != nil else { throw .missingParameter("data") }
            if let rtin = data["rtin"], rtin.stringValue == nil { throw .invalidGSTINFormat(parameter: "rtin") }
            let gstin = try VayanaContext.taxpayer(data["rtin"]?.stringValue, parameter: "rtin", in: state)

            let (actionRequest, violation) = IMSRequestValidator.actionRequest(data, kind: kind, sessionGSTIN: gstin)
            var headers: HTTPHeaders = [:]
            if let violation { headers.add(SchemaViolation.responseHeader, violation.description) }
            let id = state.submitIMSAction(actionRequest, recipient: gstin)
            return EASEnvelope.ok(IMSStatusRender.referenceID(id), headers: headers)
        }
    }

    // MARK: GET …/returns/ims/REQSTS?gstin=&int_tran_id=

    /// The SAVE / RESET job's status (P / PE / ER as documented; `IP` while it runs). `int_tran_id` missing →
    /// 400 `err-missing-parameter`; unknown, another GSTIN's, or not an IMS job → 502 IMS0008.
    static func requestStatus(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let q = Query(request)
        return ctx.eas(request, params) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            let gstin = try VayanaContext.taxpayer(VayanaContext.gstinText(q, request), parameter: "gstin", in: state)
            guard let reference = q["int_tran_id"] else { throw .missingParameter("int_tran_id") }
            let requestType = state.job(reference).flatMap { job -> IMSRequestType? in
                (job.work as? IMSJob)?.requestType
            }
            switch state.pollIMSJob(referenceID: reference, recipient: gstin) {
            case nil: throw .gstn(.noRecordsForTransaction)
            case .inProgress?: return EASEnvelope.ok(IMSStatusRender.statusInProgress(requestType ?? .save))
            case .completed(let outcome)?: return EASEnvelope.ok(IMSStatusRender.status(outcome))
            }
        }
    }

    // MARK: GET …/returns/ims/FILEDET?gstin=&token=

    /// The files of a large GETINV (`{"ek","fc","urls":[{"hash","ic","ul"}]}`). `token` missing → 400;
    /// unknown, expired from the file book, or another GSTIN's → 404 `err-resource-not-found` `{"token":…}`.
    static func fileDetails(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let q = Query(request)
        return ctx.eas(request, params) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            let gstin = try VayanaContext.taxpayer(VayanaContext.gstinText(q, request), parameter: "gstin", in: state)
            return try ReturnsRoutes.fileDetails(token: q["token"], gstin: gstin, scope: .ims, tenant: tenant, ctx)
        }
    }
}
