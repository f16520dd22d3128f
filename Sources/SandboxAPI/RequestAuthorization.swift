import GSTCore
import HTTPWire

/// How Sandbox's gateway lets a request through, as this emulator applies it:
///
/// | situation | answer |
/// |---|---|
/// | `authorization` or `x-api-key` header missing or empty | 401 "Unauthorized" |
/// | token never issued, revoked, or sent as `Bearer …` | 403 "Invalid access token" |
/// | `x-api-key` is not a key of the tenant that issued the token | 401 "Unauthorized" |
/// | token expired (tenant clock) | 403 "Access token has expired" |
/// | a platform token on a taxpayer route, or a taxpayer token on the OTP routes | 403 "Insufficient privilege" |
///
/// The token check runs inside the same tenant lock as the route's own work, so a request sees one
/// consistent state from authorization to answer.
extension SandboxAPIContext {
    /// The token kind a route needs.
    enum Requirement {
        case platform
        case taxpayer
    }

    /// Token and tenant from the headers; an error response when they cannot be resolved.
    func resolveTenant(_ request: HTTPRequest) -> Result<(tenant: Tenant, token: String), PlatformError> {
        guard let token = request.headers["authorization"], !token.isEmpty else { return .failure(.unauthorized) }
        guard let apiKey = request.headers["x-api-key"], !apiKey.isEmpty else { return .failure(.unauthorized) }
        let (tenant, keyMatches) = registry.tenant(forToken: token, sandboxKey: apiKey)
        guard let tenant else { return .failure(.invalidAccessToken) }
        guard keyMatches else { return .failure(.unauthorized) }
        return .success((tenant, token))
    }

    /// A request let through: its tenant, token, the token's kind, whether it expired (only when the
    /// route allows expired tokens) and the response stamp (tenant clock, next transaction id).
    struct Grant: Sendable {
        let tenant: Tenant
        let token: String
        let kind: TokenKind
        let expired: Bool
        let stamp: Envelope.Stamp

        /// The session GSTIN of a taxpayer token.
        var gstin: GSTIN? { if case .taxpayer(let g) = kind { return g } else { return nil } }
        /// The session GSTIN on a taxpayer route (where the gate has checked the kind).
        var session: GSTIN { gstin! }
    }

    /// What a gated step decided: answer now, or go on with a value.
    enum Gate<R: Sendable>: Sendable {
        case respond(HTTPResponse)
        case proceed(R)
    }

    /// Checks the request's token for `requirement` and runs `body` under the same tenant lock.
    func gate<R: Sendable>(
        _ request: HTTPRequest, _ requirement: Requirement, allowExpired: Bool = false,
        _ body: (inout TenantState, Grant) -> Gate<R>
    ) -> Gate<(Grant, R)> {
        let tenant: Tenant, token: String
        switch resolveTenant(request) {
        case .failure(let e): return .respond(Envelope.platformError(e, stamp: anonymousStamp()))
        case .success(let r): (tenant, token) = r
        }
        return tenant.write { state -> Gate<(Grant, R)> in
            let check = state.tokens.check(token, now: state.now)
            let stamp = SandboxAPIContext.stamp(&state)
            let kind: TokenKind, expired: Bool
            switch check {
            case .unknown: return .respond(Envelope.platformError(.invalidAccessToken, stamp: stamp))
            case .valid(let k): kind = k; expired = false
            case .expired(let k): kind = k; expired = true
            }
            switch (requirement, kind) {
            case (.platform, .platform), (.taxpayer, .taxpayer): break
            default: return .respond(Envelope.platformError(.insufficientPrivilege, stamp: stamp))
            }
            if expired && !allowExpired { return .respond(Envelope.platformError(.expiredAccessToken, stamp: stamp)) }
            let grant = Grant(tenant: tenant, token: token, kind: kind, expired: expired, stamp: stamp)
            switch body(&state, grant) {
            case .respond(let r): return .respond(r)
            case .proceed(let v): return .proceed((grant, v))
            }
        }
    }

    /// A taxpayer route whose whole work happens under the tenant lock: `body` gets the state and the
    /// grant (`grant.session` is the session's GSTIN, `grant.stamp` the response stamp).
    ///
    /// The hot path of every taxpayer GET: one registry lookup per header, one tenant lock, and a
    /// closure whose result type is concrete (no generic metadata to instantiate per call).
    func taxpayer(
        _ request: HTTPRequest,
        _ body: (inout TenantState, Grant) -> HTTPResponse
    ) -> HTTPResponse {
        let tenant: Tenant, token: String
        switch resolveTenant(request) {
        case .failure(let e): return Envelope.platformError(e, stamp: anonymousStamp())
        case .success(let r): (tenant, token) = r
        }
        return tenant.write { state -> HTTPResponse in
            let check = state.tokens.check(token, now: state.now)
            let stamp = SandboxAPIContext.stamp(&state)
            switch check {
            case .unknown:
                return Envelope.platformError(.invalidAccessToken, stamp: stamp)
            case .expired(.taxpayer):
                return Envelope.platformError(.expiredAccessToken, stamp: stamp)
            case .valid(let kind):
                guard case .taxpayer = kind else { return Envelope.platformError(.insufficientPrivilege, stamp: stamp) }
                return body(&state, Grant(tenant: tenant, token: token, kind: kind, expired: false, stamp: stamp))
            case .expired:
                return Envelope.platformError(.insufficientPrivilege, stamp: stamp)
            }
        }
    }
}
