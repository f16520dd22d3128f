import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// GSTR-3B (taxpayer token): the return, its save (a job polled through the return status) and filing,
/// which is state IMS and GSTR-2B read — the period's accepted/rejected records leave IMS and GSTR-2B
/// regeneration answers IMS2B007 afterwards.
enum GSTR3BRoutes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.get, "\(t)/gstrs/gstr-3b/{year}/{month}", "gstr3b.get", get),
            Route(.post, "\(t)/gstrs/gstr-3b/{year}/{month}", "gstr3b.save", save),
            Route(.post, "\(t)/gstrs/gstr-3b/{year}/{month}/offset-liability", "gstr3b.offset-liability", offset),
            Route(.get, "\(t)/gstrs/gstr-3b/{year}/{month}/auto-liability-calc", "gstr3b.auto-liability-calc", autoLiability),
            Route(.post, "\(t)/gstrs/gstr-3b/{year}/{month}/file", "gstr3b.file", file),
        ]
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-3b/{year}/{month}

    /// The saved GSTR-3B, or the auto-populated one (GSTNShapes.GSTR3BRender). Malformed period → 422;
    /// GSTR-1 of the period not filed → RT-R3BQ1004 (documented for GET; real clients branch on it).
    static func get(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            guard state.isGSTR3BOpen(gstin: grant.session, period: period) else { throw .business(.gstr1NotFiledFor3B) }
            guard let summary = state.gstr3bSummary(gstin: grant.session, period: period) else { throw .platform(.insufficientPrivilege) }
            return .success(GSTR3BRender.summary(summary))
        }
    }

    // MARK: POST /gst/compliance/tax-payer/gstrs/gstr-3b/{year}/{month}

    /// GSTN's GSTR-3B JSON → `reference_id`; the return status then answers `form_typ` R3B, `action`
    /// SAVE, `P` (figures stored) or `ER` RET191106 (structure refused, nothing stored). Not JSON →
    /// 422; already filed → RET00009; GSTR-1 of the period not filed → RT-R3BQ1004.
    static func save(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let parsed = SandboxBody.parse(request)
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            let figures = GSTR3BRender.draft(try parsed.get(), gstin: grant.session, period: period)
            do throws(GSTR3BSaveError) {
                let id = try state.submitGSTR3BSave(gstin: grant.session, period: period, figures: figures)
                return .success(IMSStatusRender.referenceID(id))
            } catch {
                switch error {
                case .alreadyFiled: throw .business(.returnAlreadyFiled)
                case .gstr1NotFiled: throw .business(.gstr1NotFiledFor3B)
                case .alreadyOffset: throw .business(.liabilityAlreadyOffset)
                case .quarterlyFiler: throw .business(.quarterlyFiler)
                case .unknownTaxpayer: throw .platform(.insufficientPrivilege)
                }
            }
        }
    }

    // MARK: POST /gst/compliance/tax-payer/gstrs/gstr-3b/{year}/{month}/offset-liability

    /// GSTN's offset body (`pdcash[]`, `pditc{}`) pays the period's liability, synchronously as documented:
    /// `{"Message":"Payment of tax successfully done"}`. Not JSON → 422; not the offset structure →
    /// RET191106; period not ended → RT-3BGV1005; GSTR-1 not filed → RT-R3BQ1004; filed → RET00009;
    /// nothing saved → RT-3BOL1001; paid already → RT-3BOL1002; any set-off criterion missed (partial or
    /// excess payment, order of utilisation, ledger balance) → RT-3BAS1070 with the rule in
    /// `X-Sandbox-Reason`. Nothing is debited unless everything is.
    static func offset(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let parsed = SandboxBody.parse(request)
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            guard let plan = GSTR3BRender.offsetPlan(try parsed.get()) else { throw .business(.jsonStructureInvalid) }
            do throws(GSTR3BOffsetError) {
                try state.offsetGSTR3BLiability(gstin: grant.session, period: period, plan: plan)
                return .success(GSTR3BRender.offsetDone)
            } catch {
                switch error {
                case .unknownTaxpayer: throw .platform(.insufficientPrivilege)
                case .periodNotOpen: throw .business(.invalidReturnPeriod3B)
                case .gstr1NotFiled: throw .business(.gstr1NotFiledFor3B)
                case .alreadyFiled: throw .business(.returnAlreadyFiled)
                case .notSaved: throw .business(.gstr3bNotSaved)
                case .alreadyOffset: throw .business(.liabilityAlreadyOffset)
                case .quarterlyFiler: throw .business(.quarterlyFiler)
                case .refused(let r): throw SandboxError.business(.partialOrExcessPayment).explained(r.reason)
                }
            }
        }
    }

    // MARK: GET /gst/compliance/tax-payer/gstrs/gstr-3b/{year}/{month}/auto-liability-calc

    /// GSTN's system computation of the period's liability and ITC (`r3bautopop`), from the same figures
    /// GET GSTR-3B auto-populates (one computation: `gstr3bSummary`'s auto-populated figures, never the
    /// saved ones). GSTR-1 not filed → RT-R3BQ1004.
    static func autoLiability(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            guard state.isGSTR3BOpen(gstin: grant.session, period: period) else { throw .business(.gstr1NotFiledFor3B) }
            guard state.taxpayers[grant.session] != nil else { throw .platform(.insufficientPrivilege) }
            let auto = state.gstr3bAutoPopulation(gstin: grant.session, period: period)
            return .success(GSTR3BRender.autoLiability(auto, gstin: grant.session, period: period))
        }
    }

    // MARK: POST /gst/compliance/tax-payer/gstrs/gstr-3b/{year}/{month}/file?pan=&otp=

    /// Files GSTR-3B, as GSTR-1's file route does and the recipe walks it (EVC OTP with `gstr=gstr-3b`
    /// first): `pan` and `otp` required (missing → 400; `pan` off the PAN pattern or `otp` not six digits
    /// → 422). GSTR-1 of the period not filed → RT-R3BQ1004; already filed → RET00009; PAN not the
    /// taxpayer's → OTP0010; no live EVC OTP or a wrong one → AUTH4033; liability not paid →
    /// RT-3BOL1003 (undocumented); otherwise `{"data":{"ack_num":…},"status_cd":"1"}` and the period is
    /// filed in state. The request body (the 3B summary) is not checked.
    static func file(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let pan = request.queryValue("pan"), otp = request.queryValue("otp")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            guard let pan, !pan.isEmpty else { throw .required("pan") }
            guard let otp, !otp.isEmpty else { throw .required("otp") }
            guard isPAN(pan) else { throw .unprocessable("Invalid PAN pattern") }
            guard otp.utf8.count == 6, otp.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw .unprocessable("otp must be a 6 digit number") }
            let me = grant.session
            guard !state.isGSTR3BFiled(gstin: me, period: period) else { throw .business(.returnAlreadyFiled) }
            guard state.isGSTR1Filed(gstin: me, period: period) else { throw .business(.gstr1NotFiledFor3B) }
            guard pan.uppercased() == me.pan else { throw .business(.notAuthorisedSignatory) }
            guard ctx.evcRequests.isLive(tenant: grant.tenant, gstin: me, now: state.now), otp == state.taxpayers[me]?.otp else {
                throw .business(.invalidSession)
            }
            do throws(GSTR3BReturnFilingError) {
                let ack = try state.fileGSTR3BReturn(gstin: me, period: period)
                ctx.evcRequests.consume(tenant: grant.tenant, gstin: me)
                return FilingRoutes.acknowledgement(ack, statusCode: .string)
            } catch {
                switch error {
                case .alreadyFiled: throw .business(.returnAlreadyFiled)
                case .gstr1NotFiled: throw .business(.gstr1NotFiledFor3B)
                case .liabilityNotPaid: throw .business(.liabilityNotPaid)
                case .quarterlyFiler: throw .business(.quarterlyFiler)
                case .unknownTaxpayer: throw .platform(.insufficientPrivilege)
                }
            }
        }
    }

    /// Five letters, four digits, one letter (upper case).
    static func isPAN(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10 else { return false }
        func letter(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
        func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        return u[0..<5].allSatisfy(letter) && u[5..<9].allSatisfy(digit) && letter(u[9])
    }
}

/// The GSTR-3B half of `GET /gst/compliance/tax-payer/gstrs/{year}/{month}/status?reference_id=`
/// (the route is `returns.status` in GSTR1ReturnRoutes, which hands GSTR-3B return jobs here).
enum ReturnStatusRoutes {
    /// Unknown / another taxpayer's job → IMS0008 (the emulator's choice); running →
    /// `{"action","form_typ","status_cd":"REC"}` (as the documented "Reset Request Received"); done →
    /// `P`, or `ER` with `error_report {error_cd: RET191106, error_msg}` as documented. The period in
    /// the path is not checked against the job's (GSTN keys jobs by id).
    static func status(reference: String, state: inout TenantState, grant: SandboxAPIContext.Grant) throws(SandboxError) -> SandboxReply {
        guard let poll = state.pollReturnJob(referenceID: reference, gstin: grant.session) else {
            throw .business(.noRecordsForTransaction)
        }
        var b = JSONBuilder(capacity: 160)
        b.beginObject()
        switch poll {
        case .inProgress(let form, let action):
            b.field("action", action.rawValue); b.field("form_typ", form.rawValue); b.field("status_cd", "REC")
        case .completed(let o):
            b.field("action", o.action.rawValue)
            if o.failure != nil {
                b.key("error_report"); b.beginObject()
                b.field("error_cd", GSTNError.jsonStructureInvalid.code); b.field("error_msg", GSTNError.jsonStructureInvalid.message)
                b.endObject()
            }
            b.field("form_typ", o.form.rawValue)
            b.field("status_cd", o.failure == nil ? "P" : "ER")
        }
        b.endObject()
        return .success(b.bytes)
    }
}
