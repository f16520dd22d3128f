import GSTCore
import GSTNShapes
import HTTPWire

/// GSTR-2B document and on-demand regeneration (taxpayer token).
enum GSTR2BRoutes {
    /// `{year}/{month}` path parameters ("2024"/"03" or "3").
    static func period(_ params: PathParameters) -> ReturnPeriod? {
        guard let y = params["year"], let m = params["month"] else { return nil }
        return ReturnPeriod(year: y, month: m)
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}?file_number=

    /// Before the draft date → RET2B1023 (with that date); generated but empty → RET2B1016; otherwise
    /// the 2B. With more documents than the scenario's page size the 2B has `fc` files: without
    /// `file_number` the answer holds the summaries and `fc`; `file_number` 1…fc adds that file's
    /// documents. A malformed period or `file_number` (not a number, or outside 1…fc) → 422.
    static func get(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let fileNumberText = request.queryValue("file_number")
        return ctx.taxpayer(request) { state, grant in
            let stamp = grant.stamp
            guard let period = period(params) else {
                return Envelope.platformError(.unprocessable("Invalid year or month"), stamp: stamp)
            }
            var fileNumber: Int?
            if let t = fileNumberText, !t.isEmpty {
                guard let n = Int(t), n >= 1 else {
                    return Envelope.platformError(.unprocessable("file_number must be a positive integer"), stamp: stamp)
                }
                fileNumber = n
            }
            let lookup = state.gstr2b(recipient: grant.session, period: period)
            let twoB: GSTR2B
            switch lookup {
            case .notGeneratedYet(let date): return Envelope.businessError(.gstr2bNotAvailable(by: date), stamp: stamp)
            case .noDocuments: return Envelope.businessError(.gstr2bNoDetails, stamp: stamp)
            case .available(let b): twoB = b
            }
            let pageSize = state.gstr2bPageSize
            let fc = twoB.pageCount(pageSize: pageSize)
            if let n = fileNumber, n > fc {
                return Envelope.platformError(.unprocessable("file_number must be between 1 and \(fc)"), stamp: stamp)
            }
            let route = RenderCache.Route.gstr2b(grant.session, period, fileNumber: fileNumber)
            let data = ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                let inner: [UInt8]
                switch fileNumber {
                case nil where fc > 1:
                    inner = GSTR2BRender.document(twoB, fileCount: fc, includeDocuments: false)
                case nil:
                    inner = GSTR2BRender.document(twoB, fileCount: fc, includeDocuments: true)
                case let n?:
                    inner = GSTR2BRender.document(twoB.page(n, pageSize: pageSize) ?? twoB, fileCount: fc, includeDocuments: true)
                }
                return Envelope.successData(inner)
            }
            return Envelope.ok(data: data, stamp: stamp)
        }
    }

    // MARK: POST /gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}/regenerate

    /// Before the draft date → IMS2B009 "Kindly generate 2b after DD/MM/YYYY"; GSTR-3B filed, a future
    /// period or a malformed period → IMS2B007; otherwise a job and its `reference_id`.
    static func regenerate(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        ctx.taxpayer(request) { state, grant in
            guard let period = period(params) else {
                return Envelope.businessError(.invalidPeriodOr3BFiled, stamp: grant.stamp)
            }
            switch state.requestGSTR2BRegeneration(recipient: grant.session, period: period) {
            case .draftNotYetAvailable(let date):
                return Envelope.businessError(.generateAfter(date), stamp: grant.stamp)
            case .invalidPeriodOrGSTR3BFiled:
                return Envelope.businessError(.invalidPeriodOr3BFiled, stamp: grant.stamp)
            case .started(let id):
                return Envelope.success(inner: IMSStatusRender.referenceID(id), stamp: grant.stamp)
            }
        }
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=

    /// Unknown id (or another taxpayer's, or not a regeneration) → IMS0008; running →
    /// `{"err_cd":"","err_msg":"","status_cd":"IP"}` (emulator's choice; undocumented); done →
    /// `{"err_cd":"","err_msg":"","status_cd":"P"}` as documented. Missing `reference_id` → 400.
    static func regenerationStatus(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let reference = request.queryValue("reference_id")
        return ctx.taxpayer(request) { state, grant in
            guard let reference, !reference.isEmpty else {
                return Envelope.platformError(.badRequest("reference_id is required"), stamp: grant.stamp)
            }
            switch state.pollGSTR2BRegeneration(referenceID: reference, recipient: grant.session) {
            case nil:
                return Envelope.businessError(.noRecordsForTransaction, stamp: grant.stamp)
            case .inProgress?:
                return Envelope.success(inner: Array(#"{"err_cd":"","err_msg":"","status_cd":"IP"}"#.utf8), stamp: grant.stamp)
            case .completed?:
                return Envelope.success(inner: Array(#"{"err_cd":"","err_msg":"","status_cd":"P"}"#.utf8), stamp: grant.stamp)
            case .failed?:
                // Only reachable through the control API's job fail; GSTN documents no code for it.
                return Envelope.success(inner: Array(#"{"err_cd":"","err_msg":"GSTR-2B regeneration failed. Please try again.","status_cd":"ER"}"#.utf8), stamp: grant.stamp)
            }
        }
    }
}
