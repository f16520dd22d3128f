import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// The taxpayer's GSTN session through EAS: OTPREQUEST → AUTHTOKEN (→ REFRESHTOKEN).
///
/// Envelope: v1 (`{"data":…}` / `{"error":…}`) on flynn-version v1.0 and v2.0, v3 on v3.0, as the
/// documented examples show. The action is the last path segment (`…/authenticate/OTPREQUEST`) or, in the
/// v3.0 form, the `action` header of `POST …/authenticate`; both forms work on every flynn-version.
enum GSTNAuthRoutes {
    enum Action: String, Sendable { case otpRequest = "OTPREQUEST", authToken = "AUTHTOKEN", refreshToken = "REFRESHTOKEN" }

    static func otpRequest(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        run(.otpRequest, request, params, ctx)
    }

    static func authToken(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        run(.authToken, request, params, ctx)
    }

    static func refreshToken(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        run(.refreshToken, request, params, ctx)
    }

    /// `POST …/authenticate` with the action in the `action` header (v3.0 form). A missing header → 400
    /// `err-missing-parameter` `{"parameter-name":"action"}`; another value → 400 `err-invalid-parameter`.
    static func byHeader(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let header = request.headers["action"]
        return ctx.eas(request, params, flavor: VayanaContext.authFlavor(params)) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            guard let h = header, !h.isEmpty else { throw .missingParameter("action") }
            guard let action = Action(rawValue: h.uppercased()) else { throw .invalidParameter("action") }
            return try perform(action, request, params, ctx, &state, tenant)
        }
    }

    static func run(_ action: Action, _ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        ctx.eas(request, params, flavor: VayanaContext.authFlavor(params)) { (state: inout TenantState, tenant: Tenant) throws(EASError) -> HTTPResponse in
            try perform(action, request, params, ctx, &state, tenant)
        }
    }

    static func perform(_ action: Action, _ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext,
                        _ state: inout TenantState, _ tenant: Tenant) throws(EASError) -> HTTPResponse {
        let body = try parseBody(request)
        let flavor = VayanaContext.authFlavor(params)
        switch action {
        case .otpRequest: return try otpRequest(body, ctx, &state, tenant, flavor)
        case .authToken: return try authToken(body, ctx, &state, tenant, flavor)
        case .refreshToken: return try refresh(body, ctx, &state, tenant, flavor)
        }
    }

    // MARK: OTPREQUEST

    /// Body `{"gstin":…,"username":…}` → `{"otp-request-id":<uuid>}`, redeemable for 10 minutes.
    /// GSTIN missing / malformed / not a taxpayer → 400 / 400 / 404; `username` missing → 400; a username
    /// that is not the GSTIN's → 502 AUTH4033 "Invalid Session".
    static func otpRequest(_ body: JSONValue, _ ctx: VayanaContext, _ state: inout TenantState, _ tenant: Tenant,
                           _ flavor: EASEnvelope.Flavor) throws(EASError) -> HTTPResponse {
        let gstin = try VayanaContext.knownTaxpayer(body["gstin"]?.stringValue, parameter: "gstin", in: state)
        guard let username = body["username"]?.stringValue, !username.isEmpty else { throw .missingParameter("username") }
        guard state.taxpayers[gstin]?.username == username else { throw .gstn(.invalidSession) }
        let id = state.ids.transactionID()
        ctx.otpRequests.record(id, .init(tenantID: tenant.id, gstin: gstin, expiresAt: state.now + VayanaContext.otpLifetime))
        return EASEnvelope.ok(object("otp-request-id", id), flavor: flavor)
    }

    // MARK: AUTHTOKEN

    /// Body `{"otp-request-id":…,"otp":…}` → `{"gst-session-id":<uuid>}`: a GSTN session for the requested
    /// GSTIN, 6 h on the tenant clock. Unknown / expired / used request id → 502 AUTH4033; wrong OTP →
    /// 502 AUTH4034 (the request stays redeemable until it expires).
    static func authToken(_ body: JSONValue, _ ctx: VayanaContext, _ state: inout TenantState, _ tenant: Tenant,
                          _ flavor: EASEnvelope.Flavor) throws(EASError) -> HTTPResponse {
        guard let requestID = body["otp-request-id"]?.stringValue, !requestID.isEmpty else { throw .missingParameter("otp-request-id") }
        guard let otp = body["otp"]?.stringValue ?? body["otp"]?.numberValue?.text, !otp.isEmpty else { throw .missingParameter("otp") }
        guard let pending = ctx.otpRequests.live(requestID, tenantID: tenant.id, now: state.now),
              let taxpayer = state.taxpayers[pending.gstin]
        else { throw .gstn(.invalidSession) }
        guard taxpayer.otp == otp else { throw .gstn(.invalidOTP) }
        ctx.otpRequests.consume(requestID)
        let token = state.tokens.issue(.gstnSession(pending.gstin), lifetime: VayanaContext.gstnSessionLifetime, now: state.now)
        let sessionID = state.ids.transactionID()
        ctx.sessions.record(sessionID: sessionID, tenantID: tenant.id, token: token)
        return EASEnvelope.ok(object("gst-session-id", sessionID), flavor: flavor)
    }

    // MARK: REFRESHTOKEN

    /// Body `{"gst-session-id":…}` → the same id, its session now valid 6 h from the refresh (HTTP 200
    /// means refreshed, as documented). Unknown or already expired session → 502 AUTH4033.
    static func refresh(_ body: JSONValue, _ ctx: VayanaContext, _ state: inout TenantState, _ tenant: Tenant,
                        _ flavor: EASEnvelope.Flavor) throws(EASError) -> HTTPResponse {
        guard let sessionID = body["gst-session-id"]?.stringValue, !sessionID.isEmpty else { throw .missingParameter("gst-session-id") }
        guard let token = ctx.sessions.token(sessionID: sessionID, tenantID: tenant.id) else { throw .gstn(.invalidSession) }
        guard let fresh = state.tokens.refresh(token, lifetime: VayanaContext.gstnSessionLifetime, now: state.now) else {
            ctx.sessions.forget(sessionID: sessionID)
            throw .gstn(.invalidSession)
        }
        ctx.sessions.record(sessionID: sessionID, tenantID: tenant.id, token: fresh)
        return EASEnvelope.ok(object("gst-session-id", sessionID), flavor: flavor)
    }

    /// `{"<key>":"<value>"}`.
    static func object(_ key: StaticString, _ value: String) -> [UInt8] {
        var b = JSONBuilder(capacity: 64)
        b.beginObject()
        b.field(key, value)
        b.endObject()
        return b.bytes
    }
}
