import GSTCore
import GSTNShapes
import HTTPWire

/// GSTR-2B document and on-demand regeneration (taxpayer token), under `…/gstrs/gstr-2b`.
enum GSTR2BRoutes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.get, "\(t)/gstrs/gstr-2b/{year}/{month}", "gstr2b.get", get),
            Route(.post, "\(t)/gstrs/gstr-2b/{year}/{month}/regenerate", "gstr2b.regenerate", regenerate),
            Route(.get, "\(t)/gstrs/gstr-2b/regenerate", "gstr2b.regenerate.status", regenerationStatus),
        ]
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}?file_number=

    /// Before the draft date → RET2B1023 (with that date); generated but empty → RET2B1016; otherwise
    /// the 2B. With more documents than the scenario's page size the 2B has `fc` files: without
    /// `file_number` the answer holds the summaries and `fc`; `file_number` 1…fc adds that file's
    /// documents. A malformed period or `file_number` (not a number, or outside 1…fc) → 422.
    static func get(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let fileNumberText = request.queryValue("file_number")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            var fileNumber: Int?
            if let t = fileNumberText, !t.isEmpty {
                guard let n = Int(t), n >= 1 else { throw .unprocessable("file_number must be a positive integer") }
                fileNumber = n
            }
            let twoB: GSTR2B
            switch state.gstr2b(recipient: grant.session, period: period) {
            case .notGeneratedYet(let date): throw .business(.gstr2bNotAvailable(by: date))
            case .noDocuments: throw .business(.gstr2bNoDetails)
            case .available(let b): twoB = b
            }
            let pageSize = state.gstr2bPageSize
            let fc = twoB.pageCount(pageSize: pageSize)
            if let n = fileNumber, n > fc { throw .unprocessable("file_number must be between 1 and \(fc)") }
            let route = RenderCache.Route.gstr2b(grant.session, period, fileNumber: fileNumber)
            return .data(ctx.cache.fragment(grant.tenant, route: route, version: state.version) {
                let inner: [UInt8]
                switch fileNumber {
                case nil where fc > 1:
                    inner = GSTR2BRender.document(twoB, fileCount: fc, includeDocuments: false)
                case nil:
                    inner = GSTR2BRender.document(twoB, fileCount: fc, includeDocuments: true)
                case let n?:
                    inner = GSTR2BRender.document(twoB.page(n, pageSize: pageSize) ?? twoB, fileCount: fc, includeDocuments: true)
                }
                return SandboxData.success(inner)
            })
        }
    }

    // MARK: POST /gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}/regenerate

    /// Before the draft date → IMS2B009 "Kindly generate 2b after DD/MM/YYYY"; GSTR-3B filed, a future
    /// period or a malformed period → IMS2B007; otherwise a job and its `reference_id`.
    static func regenerate(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            guard let period = ReturnPeriod(pathOf: params) else { throw .business(.invalidPeriodOr3BFiled) }
            switch state.requestGSTR2BRegeneration(recipient: grant.session, period: period) {
            case .draftNotYetAvailable(let date): throw .business(.generateAfter(date))
            case .invalidPeriodOrGSTR3BFiled: throw .business(.invalidPeriodOr3BFiled)
            case .started(let id): return .success(IMSStatusRender.referenceID(id))
            }
        }
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=

    /// Unknown id (or another taxpayer's, or not a regeneration) → IMS0008; running →
    /// `{"err_cd":"","err_msg":"","status_cd":"IP"}` (emulator's choice; undocumented); done →
    /// `{"err_cd":"","err_msg":"","status_cd":"P"}` as documented. Missing `reference_id` → 400.
    static func regenerationStatus(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let reference = request.queryValue("reference_id")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            guard let reference, !reference.isEmpty else { throw .required("reference_id") }
            switch state.pollGSTR2BRegeneration(referenceID: reference, recipient: grant.session) {
            case nil:
                throw .business(.noRecordsForTransaction)
            case .inProgress?:
                return .success(Array(#"{"err_cd":"","err_msg":"","status_cd":"IP"}"#.utf8))
            case .completed?:
                return .success(Array(#"{"err_cd":"","err_msg":"","status_cd":"P"}"#.utf8))
            case .failed?:
                // Only reachable through the control API's job fail; GSTN documents no code for it.
                return .success(Array(#"{"err_cd":"","err_msg":"GSTR-2B regeneration failed. Please try again.","status_cd":"ER"}"#.utf8))
            }
        }
    }
}
