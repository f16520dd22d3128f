import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// Proceed to file, EVC OTP and GSTR-1 filing (taxpayer token).
enum FilingRoutes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.post, "\(t)/gstrs/{gstr}/{year}/{month}/proceed", "returns.proceed") { r, p, c throws(SandboxError) in
                try proceed(r, p, c, isNew: false)
            },
            Route(.post, "\(t)/gstrs/{gstr}/{year}/{month}/new-proceed", "returns.new-proceed") { r, p, c throws(SandboxError) in
                try proceed(r, p, c, isNew: true)
            },
            Route(.post, "\(t)/evc/otp", "taxpayer.evc.otp", evcOTP),
            Route(.post, "\(t)/gstrs/gstr-1/{year}/{month}/file", "gstr1.file", file),
            Route(.get, "\(t)/gstrs/{year}/{month}/track", "returns.track", track),
        ]
    }

    // MARK: GET …/gstrs/{year}/{month}/track?return_type=

    /// The session taxpayer's returns filed for the period (`EFiledlist`, `TenantState.filedReturns`),
    /// `return_type` (`gstr-1`, `gstr-3b`; any other return was never filed here) filtering them; none →
    /// `{"data":{},"status_cd":"1"}`, the documented "Record Not Found". Malformed period → 422.
    static func track(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let filter = request.queryValue("return_type").flatMap { $0.isEmpty ? nil : $0 }
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            let form = filter.map(FilingTrackRender.form)
            let filed = state.filedReturns(gstin: grant.session).filter { f in
                f.period == period && (form == nil || form! == f.form)
            }
            return .success(filed.isEmpty ? Array("{}".utf8) : FilingTrackRender.filed(filed))
        }
    }

    // MARK: POST …/gstrs/{gstr}/{year}/{month}/proceed | new-proceed

    /// `gstr` other than `gstr-1` → AUTH154 (the only return this sandbox files). Filed → RET00009;
    /// already ready to file → RET00003; otherwise the return becomes ready to file and a job (action
    /// `PROCEED` on the return status) records it. new-proceed's `is_nil` must be Y/N when sent (422).
    static func proceed(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext, isNew: Bool) throws(SandboxError) -> SandboxReply {
        let parsed = SandboxBody.parseIfPresent(request)
        let isNil = request.queryValue("is_nil")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let period = try ReturnPeriod(params)
            if isNew, let v = isNil, !v.isEmpty, v != "Y", v != "N" { throw .unprocessable("Invalid is_nil. Possible values: Y, N") }
            try GSTR1ReturnRoutes.checkReturnBody(parsed, gstin: grant.session, period: period)
            guard params["gstr"] == "gstr-1" else { throw .business(.invalidReturnType) }
            do throws(GSTR1Refusal) {
                let id = try state.proceedGSTR1(supplier: grant.session, period: period)
                return .success(IMSStatusRender.referenceID(id))
            } catch {
                throw .business(error == .alreadyFiled ? .returnAlreadyFiled : error == .alreadyReadyToFile ? .alreadyReadyToFile
                                : error == .quarterlyFiler ? .quarterlyFiler : .invalidSession)
            }
        }
    }

    // MARK: POST …/evc/otp?gstr=

    /// `gstr` and body `pan` required (400); a PAN that is not the session GSTIN's → OTP0010. Success
    /// arms an EVC OTP for 10 minutes of tenant time: the taxpayer's scenario OTP.
    static func evcOTP(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let gstr = request.queryValue("gstr")
        let parsed = SandboxBody.parse(request)
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            guard let gstr, !gstr.isEmpty else { throw .required("gstr") }
            guard case .success(let json) = parsed, json.objectValue != nil else { throw .unprocessable("Invalid request body") }
            guard let pan = json["pan"]?.stringValue, !pan.isEmpty else { throw .required("pan") }
            guard pan.uppercased() == grant.session.pan else { throw .business(.notAuthorisedSignatory) }
            ctx.evcRequests.record(tenant: grant.tenant, gstin: grant.session, expiresAt: state.now + SandboxAPIContext.otpLifetime)
            return .statusOne()
        }
    }

    // MARK: POST …/gstrs/gstr-1/{year}/{month}/file?pan=&otp=

    /// `pan`, `otp` required (400). Filed → RT_FIL_02; PAN not the taxpayer's → OTP0010; no live EVC OTP
    /// or a wrong one → AUTH4033 (emulator's choice); nothing saved for the period → RT_FIL_10. Success
    /// files the return (the period and its documents are filed) and answers the acknowledgement number,
    /// with `status_cd` the number 1 as documented. The summary body is not checked.
    static func file(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let pan = request.queryValue("pan"), otp = request.queryValue("otp")
        return try ctx.taxpayer(request) { (state, grant) throws(SandboxError) -> SandboxReply in
            let me = grant.session
            let period = try ReturnPeriod(params)
            guard let pan, !pan.isEmpty else { throw .required("pan") }
            guard let otp, !otp.isEmpty else { throw .required("otp") }
            if state.isGSTR1Filed(supplier: me, period: period) { throw .business(.gstr1AlreadyFiled) }
            guard pan.uppercased() == me.pan else { throw .business(.notAuthorisedSignatory) }
            guard ctx.evcRequests.isLive(tenant: grant.tenant, gstin: me, now: state.now), otp == state.taxpayers[me]?.otp else {
                throw .business(.invalidSession)
            }
            do throws(GSTR1Refusal) {
                let ack = try state.fileGSTR1(supplier: me, period: period)
                ctx.evcRequests.consume(tenant: grant.tenant, gstin: me)
                return acknowledgement(ack, statusCode: .number)
            } catch {
                throw .business(error == .alreadyFiled ? .gstr1AlreadyFiled : error == .nothingSubmitted ? .nothingSubmitted
                                : error == .quarterlyFiler ? .quarterlyFiler : .invalidSession)
            }
        }
    }

    /// How a filing's official example writes `status_cd`: GSTR-1's the number 1, GSTR-3B's the string "1".
    enum StatusCode { case number, string }

    /// A filing's answer: `{"data":{"ack_num":"…"},"status_cd":1}` (or `"1"`).
    static func acknowledgement(_ ack: String, statusCode: StatusCode) -> SandboxReply {
        var b = JSONBuilder(capacity: 96)
        b.beginObject()
        b.key("data"); b.beginObject(); b.field("ack_num", ack); b.endObject()
        switch statusCode {
        case .number: b.field("status_cd", 1)
        case .string: b.field("status_cd", "1")
        }
        b.endObject()
        return .data(b.bytes)
    }
}
