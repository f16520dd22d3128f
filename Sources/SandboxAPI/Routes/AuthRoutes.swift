import GSTCore
import HTTPWire

/// Platform authentication and the taxpayer (GSTN) session.
enum AuthRoutes {
    // MARK: POST /authenticate

    /// `x-api-key` + `x-api-secret` → `{"code":200,"data":{"access_token":…}}`, valid 24 h.
    /// Missing header or unknown key → 401 "Unauthorized"; a known key with the wrong secret → 403
    /// "Bad Credentials" (the old authenticate page's body). `key_test_…` + `secret_test_…` creates a
    /// fresh tenant (see `TenantRegistry.authenticateSandbox`).
    static func authenticate(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        guard let key = request.headers["x-api-key"], !key.isEmpty,
              let secret = request.headers["x-api-secret"], !secret.isEmpty
        else { return Envelope.platformError(.unauthorized, stamp: ctx.anonymousStamp()) }
        guard let tenant = ctx.registry.authenticateSandbox(key: key, secret: secret) else {
            let known = ctx.registry.tenant(forSandboxKey: key) != nil
            return Envelope.platformError(known ? .badCredentials : .unauthorized, stamp: ctx.anonymousStamp())
        }
        let token = ctx.registry.issueToken(.platform, lifetime: SandboxAPIContext.platformTokenLifetime, in: tenant)
        let stamp = tenant.write { SandboxAPIContext.stamp(&$0) }
        var b = JSONBuilder(capacity: 96)
        b.beginObject()
        b.field("access_token", token)
        b.endObject()
        return Envelope.ok(data: b.bytes, stamp: stamp)
    }

    // MARK: Body of the OTP routes

    /// `{username, gstin}`; 422 for a body that is not JSON or a GSTIN off the pattern, 400 for a
    /// missing field.
    static func otpBody(_ request: HTTPRequest) -> Result<(username: String, gstin: GSTIN), PlatformError> {
        let json: JSONValue
        do {
            json = try JSONParser.parse(request.body, options: .init(duplicateKeys: .lastWins))
        } catch {
            return .failure(.unprocessable("Invalid request body: \(error.description)"))
        }
        guard let username = json["username"]?.stringValue, !username.isEmpty else {
            return .failure(.badRequest("username is required"))
        }
        guard let gstinValue = json["gstin"] else { return .failure(.badRequest("gstin is required")) }
        guard let text = gstinValue.stringValue, let gstin = GSTIN(text) else { return .failure(.invalidGSTINPattern) }
        return .success((username, gstin))
    }

    /// The taxpayer the body names, when the username is that taxpayer's.
    static func taxpayer(_ state: TenantState, username: String, gstin: GSTIN) -> Taxpayer? {
        guard let t = state.taxpayers[gstin], t.username == username else { return nil }
        return t
    }

    // MARK: POST /gst/compliance/tax-payer/otp

    /// Platform token. Success `data: {"status_cd":"1"}`; a username/GSTIN pair the world does not know
    /// → AUTH4033 "Invalid Session" (emulator's choice; the vendor documents no code for it).
    static func generateOTP(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let result: SandboxAPIContext.Gate<(SandboxAPIContext.Grant, (GSTIN, Int64))> = ctx.gate(request, .platform) { state, grant in
            switch otpBody(request) {
            case .failure(let e):
                return .respond(Envelope.platformError(e, stamp: grant.stamp))
            case .success(let body):
                guard taxpayer(state, username: body.username, gstin: body.gstin) != nil else {
                    return .respond(Envelope.businessError(.invalidSession, stamp: grant.stamp))
                }
                return .proceed((body.gstin, state.now))
            }
        }
        switch result {
        case .respond(let r):
            return r
        case .proceed(let (grant, (gstin, now))):
            ctx.otpRequests.record(tenant: grant.tenant, gstin: gstin, expiresAt: now + SandboxAPIContext.otpLifetime)
            return statusOne(stamp: grant.stamp)
        }
    }

    // MARK: POST /gst/compliance/tax-payer/otp/verify?otp=

    /// Platform token; query `otp` (digits). Success: a taxpayer token valid 6 h on the tenant clock,
    /// `data: {access_token, session_expiry, status_cd "1", token_expiry}` (both expiries = now + 6 h, in
    /// ms) and the token again in the response's `authorization` header (the example's
    /// `{{$headers 'authorization'}}`). No live OTP request, wrong OTP, unknown username/GSTIN →
    /// AUTH4033 "Invalid Session". Missing `otp` → 400; not digits → 422.
    static func verifyOTP(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let result: SandboxAPIContext.Gate<(SandboxAPIContext.Grant, GSTIN)> = ctx.gate(request, .platform) { state, grant in
            guard let otp = request.queryValue("otp"), !otp.isEmpty else {
                return .respond(Envelope.platformError(.badRequest("otp is required"), stamp: grant.stamp))
            }
            guard otp.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                return .respond(Envelope.platformError(.unprocessable("otp must be a number"), stamp: grant.stamp))
            }
            switch otpBody(request) {
            case .failure(let e):
                return .respond(Envelope.platformError(e, stamp: grant.stamp))
            case .success(let body):
                guard let t = taxpayer(state, username: body.username, gstin: body.gstin),
                      ctx.otpRequests.isLive(tenant: grant.tenant, gstin: t.gstin, now: state.now),
                      t.otp == otp
                else { return .respond(Envelope.businessError(.invalidSession, stamp: grant.stamp)) }
                return .proceed(t.gstin)
            }
        }
        switch result {
        case .respond(let r):
            return r
        case .proceed(let (grant, gstin)):
            ctx.otpRequests.consume(tenant: grant.tenant, gstin: gstin)
            let token = ctx.registry.issueToken(.taxpayer(gstin), lifetime: SandboxAPIContext.taxpayerSessionLifetime, in: grant.tenant)
            let expiry = grant.tenant.read { $0.tokens.entry(for: token)?.expiresAt ?? 0 }
            return session(token: token, sessionExpiry: expiry, tokenExpiry: expiry, stamp: grant.stamp)
        }
    }

    // MARK: POST /gst/compliance/tax-payer/session/refresh

    /// Taxpayer token → a fresh taxpayer token for the same GSTIN, 6 h from now; the old one stops
    /// working. An expired session → AUTH4033 "Invalid Session" (the GSTN session is gone).
    static func refresh(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let result: SandboxAPIContext.Gate<(SandboxAPIContext.Grant, Bool)> = ctx.gate(request, .taxpayer, allowExpired: true) { _, grant in
            grant.expired ? .respond(Envelope.businessError(.invalidSession, stamp: grant.stamp)) : .proceed(true)
        }
        switch result {
        case .respond(let r):
            return r
        case .proceed(let (grant, _)):
            guard let fresh = ctx.registry.refreshToken(grant.token, lifetime: SandboxAPIContext.taxpayerSessionLifetime) else {
                return Envelope.businessError(.invalidSession, stamp: grant.stamp)
            }
            let expiry = grant.tenant.read { $0.tokens.entry(for: fresh)?.expiresAt ?? 0 }
            return session(token: fresh, sessionExpiry: expiry, tokenExpiry: expiry, stamp: grant.stamp)
        }
    }

    // MARK: POST /gst/compliance/tax-payer/logout

    /// Taxpayer token → revoked (this token only); `data: {"status_cd":"1"}`.
    static func logout(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) -> HTTPResponse {
        let result: SandboxAPIContext.Gate<(SandboxAPIContext.Grant, Bool)> = ctx.gate(request, .taxpayer) { _, _ in .proceed(true) }
        switch result {
        case .respond(let r):
            return r
        case .proceed(let (grant, _)):
            ctx.registry.revokeToken(grant.token)
            return statusOne(stamp: grant.stamp)
        }
    }

    // MARK: Shapes

    static func statusOne(stamp: Envelope.Stamp) -> HTTPResponse {
        Envelope.ok(data: Array(#"{"status_cd":"1"}"#.utf8), stamp: stamp)
    }

    static func session(token: String, sessionExpiry: Int64, tokenExpiry: Int64, stamp: Envelope.Stamp) -> HTTPResponse {
        var b = JSONBuilder(capacity: 160)
        b.beginObject()
        b.field("access_token", token)
        b.field("session_expiry", sessionExpiry)
        b.field("status_cd", "1")
        b.field("token_expiry", tokenExpiry)
        b.endObject()
        return Envelope.ok(data: b.bytes, stamp: stamp, headers: ["authorization": token])
    }
}
