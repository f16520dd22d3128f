import GSTCore
import HTTPWire

/// How Sandbox's gateway lets a request through, as this emulator applies it:
///
/// | situation | answer |
/// |---|---|
/// | `authorization` or `x-api-key` header missing or empty | 401 "Unauthorized" |
/// | token never issued, revoked, or sent as `Bearer …` | 403 "Invalid access token" |
/// | `x-api-key` is not a key of the tenant that issued the token | 401 "Unauthorized" |
/// | a platform token on a taxpayer route, or a taxpayer token on the OTP routes | 403 "Insufficient privilege" |
/// | token expired (tenant clock) | 403 "Access token has expired" |
///
/// The token check runs inside the same tenant lock as the route's own work, so a request sees one
/// consistent state from authorization to answer. Refusals from there on carry the tenant's stamp.
extension SandboxAPIContext {
    /// The token kind a route needs.
    enum Requirement {
        case platform
        case taxpayer
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

    /// Token and tenant from the headers; refused (without a tenant stamp) when they cannot be resolved.
    func resolveTenant(_ request: HTTPRequest) throws(SandboxError) -> (tenant: Tenant, token: String) {
        guard let token = request.headers["authorization"], !token.isEmpty else { throw keyed(.platform(.unauthorized), request) }
        guard let apiKey = request.headers["x-api-key"], !apiKey.isEmpty else { throw .platform(.unauthorized) }
        let (tenant, keyMatches) = registry.tenant(forToken: token, sandboxKey: apiKey)
        guard let tenant else { throw keyed(.platform(.invalidAccessToken), request) }
        guard keyMatches else { throw keyed(.platform(.unauthorized), request) }
        return (tenant, token)
    }

    /// `error` stamped from the tenant the request's `x-api-key` names, when it names one: a refusal
    /// then reads the same clock as everything else that tenant answers (one clock per conversation);
    /// the wall clock stays for requests no tenant can be known for.
    func keyed(_ error: SandboxError, _ request: HTTPRequest) -> SandboxError {
        guard let key = request.headers["x-api-key"], !key.isEmpty, let tenant = registry.tenant(forSandboxKey: key) else { return error }
        return error.stamped(tenant.write { SandboxAPIContext.stamp(&$0) })
    }

    /// The one token rule of every gated route: the kind must be the route's, then the token must be
    /// live (or the route must allow an expired one). Returns whether it has expired.
    static func admit(_ check: TokenCheck, _ requirement: Requirement, allowExpired: Bool) throws(SandboxError) -> (TokenKind, expired: Bool) {
        let kind: TokenKind, expired: Bool
        switch check {
        case .unknown: throw .platform(.invalidAccessToken)
        case .valid(let k): (kind, expired) = (k, false)
        case .expired(let k): (kind, expired) = (k, true)
        }
        switch (requirement, kind) {
        case (.platform, .platform), (.taxpayer, .taxpayer): break
        default: throw .platform(.insufficientPrivilege)
        }
        if expired && !allowExpired { throw .platform(.expiredAccessToken) }
        return (kind, expired)
    }

    /// Checks the request's token for `requirement` and runs `body` under the same tenant lock. For routes
    /// with work after the lock (issuing tokens, OTP books): the caller stamps its reply with `grant.stamp`.
    func authorized<R: Sendable>(
        _ request: HTTPRequest, _ requirement: Requirement, allowExpired: Bool = false,
        _ body: (inout TenantState, Grant) throws(SandboxError) -> R
    ) throws(SandboxError) -> (grant: Grant, value: R) {
        let (tenant, token) = try resolveTenant(request)
        return try tenant.write { (state: inout TenantState) throws(SandboxError) -> (Grant, R) in
            let check = state.tokens.check(token, now: state.now)
            let stamp = SandboxAPIContext.stamp(&state)
            do throws(SandboxError) {
                let (kind, expired) = try Self.admit(check, requirement, allowExpired: allowExpired)
                let grant = Grant(tenant: tenant, token: token, kind: kind, expired: expired, stamp: stamp)
                return (grant, try body(&state, grant))
            } catch {
                throw error.stamped(stamp)
            }
        }
    }

    /// A taxpayer route whose whole work happens under the tenant lock: `body` gets the state and the
    /// grant (`grant.session` is the session's GSTIN) and returns the reply, which leaves stamped.
    ///
    /// The hot path of every taxpayer GET: one registry lookup per header, one tenant lock, and a
    /// closure whose result type is concrete (no generic metadata to instantiate per call).
    func taxpayer(
        _ request: HTTPRequest,
        _ body: (inout TenantState, Grant) throws(SandboxError) -> SandboxReply
    ) throws(SandboxError) -> SandboxReply {
        let (tenant, token) = try resolveTenant(request)
        return try tenant.write { (state: inout TenantState) throws(SandboxError) -> SandboxReply in
            let check = state.tokens.check(token, now: state.now)
            let stamp = SandboxAPIContext.stamp(&state)
            do throws(SandboxError) {
                let (kind, _) = try Self.admit(check, .taxpayer, allowExpired: false)
                var reply = try body(&state, Grant(tenant: tenant, token: token, kind: kind, expired: false, stamp: stamp))
                reply.stamp = stamp
                return reply
            } catch {
                throw error.stamped(stamp)
            }
        }
    }
}

extension SandboxError {
    /// The error with the tenant's stamp, unless an inner step already gave it one.
    func stamped(_ stamp: Envelope.Stamp) -> SandboxError {
        var e = self
        if e.stamp == nil { e.stamp = stamp }
        return e
    }
}
