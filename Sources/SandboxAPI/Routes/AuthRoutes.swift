import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// Platform authentication (`/authenticate`) and the taxpayer (GSTN) session, under
/// `/gst/compliance/tax-payer`.
enum AuthRoutes {
    static func routes(_ t: String) -> [Route<SandboxAPIContext>] {
        [
            Route(.post, "/authenticate", "auth.authenticate", authenticate),
            Route(.post, "\(t)/otp", "taxpayer.otp", generateOTP),
            Route(.post, "\(t)/otp/verify", "taxpayer.otp.verify", verifyOTP),
            Route(.post, "\(t)/session/refresh", "taxpayer.session.refresh", refresh),
            Route(.post, "\(t)/logout", "taxpayer.logout", logout),
        ]
    }

    // MARK: POST /authenticate

    /// `x-api-key` + `x-api-secret` → `{"code":200,"data":{"access_token":…}}`, valid 24 h.
    /// Missing header or unknown key → 401 "Unauthorized"; a known key with the wrong secret → 403
    /// "Bad Credentials" (the old authenticate page's body). `key_test_…` + `secret_test_…` creates a
    /// fresh tenant (see `TenantRegistry.authenticateSandbox`).
    static func authenticate(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        guard let key = request.headers["x-api-key"], !key.isEmpty,
              let secret = request.headers["x-api-secret"], !secret.isEmpty
        else { throw .platform(.unauthorized) }
        guard let tenant = ctx.registry.authenticateSandbox(key: key, secret: secret) else {
            throw ctx.keyed(.platform(ctx.registry.tenant(forSandboxKey: key) != nil ? .badCredentials : .unauthorized), request)
        }
        let token = ctx.registry.issueToken(.platform, lifetime: SandboxAPIContext.platformTokenLifetime, in: tenant,
                                            claims: ["token_type": "platform", "api_key": .string(key)])
        let stamp = tenant.write { SandboxAPIContext.stamp(&$0) }
        var b = JSONBuilder(capacity: 96)
        b.beginObject()
        b.field("access_token", token)
        b.endObject()
        return .data(b.bytes, stamp: stamp)
    }

    // MARK: Body of the OTP routes

    /// `{username, gstin}`; 422 for a body that is not JSON or a GSTIN off the pattern, 400 for a
    /// missing field.
    static func otpBody(_ request: HTTPRequest) throws(SandboxError) -> (username: String, gstin: GSTIN) {
        let json = try SandboxBody.parse(request).get()
        guard let username = json["username"]?.stringValue, !username.isEmpty else { throw .required("username") }
        guard let gstinValue = json["gstin"] else { throw .required("gstin") }
        guard let text = gstinValue.stringValue, let gstin = GSTIN(text) else { throw .platform(.invalidGSTINPattern) }
        return (username, gstin)
    }

    /// The taxpayer the body names, when the username is that taxpayer's.
    static func taxpayer(_ state: TenantState, username: String, gstin: GSTIN) -> Taxpayer? {
        guard let t = state.taxpayers[gstin], t.username == username else { return nil }
        return t
    }

    // MARK: POST /gst/compliance/tax-payer/otp

    /// Platform token. Success `data: {"status_cd":"1"}`; a username/GSTIN pair the world does not know
    /// → AUTH4033 "Invalid Session" (emulator's choice; the vendor documents no code for it).
    static func generateOTP(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let (grant, (gstin, now)) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> (GSTIN, Int64) in
            let body = try otpBody(request)
            guard taxpayer(state, username: body.username, gstin: body.gstin) != nil else { throw .business(.invalidSession) }
            return (body.gstin, state.now)
        }
        ctx.otpRequests.record(tenant: grant.tenant, gstin: gstin, expiresAt: now + SandboxAPIContext.otpLifetime)
        return .statusOne(stamp: grant.stamp)
    }

    // MARK: POST /gst/compliance/tax-payer/otp/verify?otp=

    /// Platform token; query `otp` (digits). Success: a taxpayer token valid 6 h on the tenant clock,
    /// `data: {access_token, session_expiry, status_cd "1", token_expiry}` (both expiries = wall-clock
    /// now + 6 h, in ms) and the token again in the response's `authorization` header (the example's
    /// `{{$headers 'authorization'}}`). No live OTP request, wrong OTP, unknown username/GSTIN →
    /// AUTH4033 "Invalid Session". Missing `otp` → 400; not digits → 422.
    static func verifyOTP(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let (grant, gstin) = try ctx.authorized(request, .platform) { (state, grant) throws(SandboxError) -> GSTIN in
            guard let otp = request.queryValue("otp"), !otp.isEmpty else { throw .required("otp") }
            guard otp.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw .unprocessable("otp must be a number") }
            let body = try otpBody(request)
            guard let t = taxpayer(state, username: body.username, gstin: body.gstin),
                  ctx.otpRequests.isLive(tenant: grant.tenant, gstin: t.gstin, now: state.now),
                  t.otp == otp
            else { throw .business(.invalidSession) }
            return t.gstin
        }
        ctx.otpRequests.consume(tenant: grant.tenant, gstin: gstin)
        let token = ctx.registry.issueToken(.taxpayer(gstin), lifetime: SandboxAPIContext.taxpayerSessionLifetime, in: grant.tenant,
                                            claims: ["token_type": "taxpayer", "gstin": .string(gstin.value)])
        return session(token: token, in: grant)
    }

    // MARK: POST /gst/compliance/tax-payer/session/refresh

    /// Taxpayer token → the same token, extended to 6 h from now (the official example answers
    /// `"access_token": "{{$headers 'authorization'}}"`, the token it was sent). An expired session →
    /// AUTH4033 "Invalid Session" (the GSTN session is gone).
    static func refresh(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let (grant, _) = try ctx.authorized(request, .taxpayer, allowExpired: true) { (_, grant) throws(SandboxError) in
            if grant.expired { throw .business(.invalidSession) }
        }
        guard let fresh = ctx.registry.refreshToken(grant.token, lifetime: SandboxAPIContext.taxpayerSessionLifetime) else {
            throw SandboxError.business(.invalidSession).stamped(grant.stamp)
        }
        return session(token: fresh, in: grant)
    }

    // MARK: POST /gst/compliance/tax-payer/logout

    /// Taxpayer token → revoked (this token only); `data: {"status_cd":"1"}`.
    static func logout(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let (grant, _) = try ctx.authorized(request, .taxpayer) { (_, _) throws(SandboxError) in }
        ctx.registry.revokeToken(grant.token)
        return .statusOne(stamp: grant.stamp)
    }

    // MARK: Shapes

    /// `data: {access_token, session_expiry, status_cd "1", token_expiry}`, both expiries the token's
    /// on the wall clock (`TenantState.wallClockExpiry`), and the token in the `authorization`
    /// response header.
    static func session(token: String, in grant: SandboxAPIContext.Grant) -> SandboxReply {
        let expiry = grant.tenant.read { $0.wallClockExpiry(of: token) ?? 0 }
        var b = JSONBuilder(capacity: 160)
        b.beginObject()
        b.field("access_token", token)
        b.field("session_expiry", expiry)
        b.field("status_cd", "1")
        b.field("token_expiry", expiry)
        b.endObject()
        return .data(b.bytes, headers: ["authorization": token], stamp: grant.stamp)
    }
}
