import GSTCore
import GSTNShapes
import HTTPWire

/// Proceed to file, EVC OTP and GSTR-1 filing (taxpayer token).
enum FilingRoutes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.post, PathPattern(stringLiteral: "\(t)/gstrs/{gstr}/{year}/{month}/proceed"), operation: "returns.proceed") { r, p, c in
                proceed(r, p, c, isNew: false)
            },
            Route(.post, PathPattern(stringLiteral: "\(t)/gstrs/{gstr}/{year}/{month}/new-proceed"), operation: "returns.new-proceed") { r, p, c in
                proceed(r, p, c, isNew: true)
            },
            Route(.post, PathPattern(stringLiteral: "\(t)/evc/otp"), operation: "taxpayer.evc.otp", handler: evcOTP),
            Route(.post, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/{year}/{month}/file"), operation: "gstr1.file", handler: file),
        ]
    }

    // MARK: POST …/gstrs/{gstr}/{year}/{month}/proceed | new-proceed

    /// `gstr` other than `gstr-1` → AUTH154 (the only return this sandbox files). Filed → RET00009;
    /// already ready to file → RET00003; otherwise the return becomes ready to file and a job (action
    /// `PROCEED` on the return status) records it. new-proceed's `is_nil` must be Y/N when sent (422).
    static func proceed(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext, isNew: Bool) -> HTTPResponse {
        let parsed = request.body.isEmpty ? nil : GSTR1ReturnRoutes.parseBody(request)
        let isNil = request.queryValue("is_nil")
        return ctx.taxpayer(request) { state, grant in
            let stamp = grant.stamp
            guard let period = GSTR2BRoutes.period(params) else { return GSTR1ReturnRoutes.invalidPeriod(stamp) }
            if isNew, let v = isNil, !v.isEmpty, v != "Y", v != "N" {
                return Envelope.platformError(.unprocessable("Invalid is_nil. Possible values: Y, N"), stamp: stamp)
            }
            if let e = GSTR1ReturnRoutes.checkReturnBody(parsed, gstin: grant.session, period: period) {
                return Envelope.platformError(e, stamp: stamp)
            }
            guard params["gstr"] == "gstr-1" else { return Envelope.businessError(.invalidReturnType, stamp: stamp) }
            do throws(GSTR1Refusal) {
                let id = try state.proceedGSTR1(supplier: grant.session, period: period)
                return Envelope.success(inner: GSTR1ReturnRoutes.referenceID(id), stamp: stamp)
            } catch {
                let e: BusinessError = error == .alreadyFiled ? .returnAlreadyFiled : error == .alreadyReadyToFile ? .alreadyReadyToFile : .invalidSession
                return Envelope.businessError(e, stamp: stamp)
            }
        }
    }

    // MARK: POST …/evc/otp?gstr=

    /// `gstr` and body `pan` required (400); a PAN that is not the session GSTIN's → OTP0010. Success
    /// arms an EVC OTP for 10 minutes of tenant time: the taxpayer's scenario OTP.
    static func evcOTP(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let gstr = request.queryValue("gstr")
        let parsed = GSTR1ReturnRoutes.parseBody(request)
        return ctx.taxpayer(request) { state, grant in
            let stamp = grant.stamp
            guard let gstr, !gstr.isEmpty else { return Envelope.platformError(.badRequest("gstr is required"), stamp: stamp) }
            guard case .success(let json) = parsed, json.objectValue != nil else {
                return Envelope.platformError(.unprocessable("Invalid request body"), stamp: stamp)
            }
            guard let pan = json["pan"]?.stringValue, !pan.isEmpty else {
                return Envelope.platformError(.badRequest("pan is required"), stamp: stamp)
            }
            guard pan.uppercased() == grant.session.pan else { return Envelope.businessError(.notAuthorisedSignatory, stamp: stamp) }
            ctx.evcRequests.record(tenant: grant.tenant, gstin: grant.session, expiresAt: state.now + SandboxAPIContext.otpLifetime)
            return Envelope.ok(data: #"{"status_cd":"1"}"#.utf8, stamp: stamp)
        }
    }

    // MARK: POST …/gstrs/gstr-1/{year}/{month}/file?pan=&otp=

    /// `pan`, `otp` required (400). Filed → RT_FIL_02; PAN not the taxpayer's → OTP0010; no live EVC OTP
    /// or a wrong one → AUTH4033 (emulator's choice); nothing saved for the period → RT_FIL_10. Success
    /// files the return (the period and its documents are filed) and answers the acknowledgement number,
    /// with `status_cd` the number 1 as documented. The summary body is not checked.
    static func file(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let pan = request.queryValue("pan"), otp = request.queryValue("otp")
        return ctx.taxpayer(request) { state, grant in
            let stamp = grant.stamp, me = grant.session
            guard let period = GSTR2BRoutes.period(params) else { return GSTR1ReturnRoutes.invalidPeriod(stamp) }
            guard let pan, !pan.isEmpty else { return Envelope.platformError(.badRequest("pan is required"), stamp: stamp) }
            guard let otp, !otp.isEmpty else { return Envelope.platformError(.badRequest("otp is required"), stamp: stamp) }
            if state.isGSTR1Filed(supplier: me, period: period) { return Envelope.businessError(.gstr1AlreadyFiled, stamp: stamp) }
            guard pan.uppercased() == me.pan else { return Envelope.businessError(.notAuthorisedSignatory, stamp: stamp) }
            guard ctx.evcRequests.isLive(tenant: grant.tenant, gstin: me, now: state.now), otp == state.taxpayers[me]?.otp else {
                return Envelope.businessError(.invalidEVCOTP, stamp: stamp)
            }
            do throws(GSTR1Refusal) {
                let ack = try state.fileGSTR1(supplier: me, period: period)
                ctx.evcRequests.consume(tenant: grant.tenant, gstin: me)
                return acknowledgement(ack, stamp: stamp)
            } catch {
                let e: BusinessError = error == .alreadyFiled ? .gstr1AlreadyFiled : error == .nothingSubmitted ? .nothingSubmitted : .invalidSession
                return Envelope.businessError(e, stamp: stamp)
            }
        }
    }

    /// A filing's answer (GSTR-1 and GSTR-3B alike): `{"data":{"ack_num":"…"},"status_cd":1}`.
    static func acknowledgement(_ ack: String, stamp: Envelope.Stamp) -> HTTPResponse {
        var b = JSONBuilder(capacity: 96)
        b.beginObject()
        b.key("data"); b.beginObject(); b.field("ack_num", ack); b.endObject()
        b.field("status_cd", 1)
        b.endObject()
        return Envelope.ok(data: b.bytes, stamp: stamp)
    }
}
