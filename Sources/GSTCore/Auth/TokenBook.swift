/// What a token stands for. The core keeps tokens generic; the vendor adapters choose kinds and
/// lifetimes (Sandbox: platform 24 h, taxpayer session 6 h).
public enum TokenKind: Hashable, Sendable {
    /// Sandbox platform access token (`POST /authenticate`).
    case platform
    /// Sandbox taxpayer session (OTP verified) for a GSTIN.
    case taxpayer(GSTIN)
    /// Vayana EAS user token.
    case vayanaUser
    /// GSTN taxpayer session opened through Vayana (OTPREQUEST / AUTHTOKEN).
    case gstnSession(GSTIN)
}

/// The answer to "is this token good?".
public enum TokenCheck: Hashable, Sendable {
    case valid(TokenKind)
    /// Issued by this tenant but past its expiry on the tenant clock.
    case expired(TokenKind)
    /// Never issued, or revoked.
    case unknown
}

/// The tokens a tenant has issued, with their expiry on the tenant clock.
///
/// A token `issue` makes rests on a random id (the token itself when no shape is given) from the
/// system random source unless a seed is given; the registry's JWTs are signed outside the tenant lock
/// and `record`ed: tokens must be unique across tenants (the registry
/// routes a request to its tenant by token), and tenants built from one scenario share its id seed,
/// so scenario seeds are not used here.
public struct TokenBook: Sendable {
    public struct Entry: Hashable, Sendable {
        public var kind: TokenKind
        public var issuedAt: Int64
        public var expiresAt: Int64
    }

    private var entries: [String: Entry] = [:]
    private var random: IDGenerator

    /// - Parameter seed: for tests only; see the type's note on uniqueness.
    public init(seed: UInt64? = nil) { random = IDGenerator(seed: seed) }

    /// Issues a token of `kind` valid for `lifetime` milliseconds from `now`.
    /// - Parameter shape: the token made of its random id (a signed JWT; by default the id itself).
    public mutating func issue(_ kind: TokenKind, lifetime: Int64, now: Int64, shape: (String) -> String = { $0 }) -> String {
        var token: String
        repeat { token = shape(random.hexToken(byteCount: 24)) } while !record(token, kind, lifetime: lifetime, now: now)
        return token
    }

    /// Records a token made elsewhere (signed outside the tenant lock) as issued now, valid for
    /// `lifetime`; false, recording nothing, when this book already holds it.
    public mutating func record(_ token: String, _ kind: TokenKind, lifetime: Int64, now: Int64) -> Bool {
        guard entries[token] == nil else { return false }
        entries[token] = Entry(kind: kind, issuedAt: now, expiresAt: now + lifetime)
        return true
    }

    /// Whether `token` is valid at `now`. A token is valid up to, not including, its expiry instant.
    public func check(_ token: String, now: Int64) -> TokenCheck {
        guard let e = entries[token] else { return .unknown }
        return now < e.expiresAt ? .valid(e.kind) : .expired(e.kind)
    }

    public func entry(for token: String) -> Entry? { entries[token] }

    /// Forgets `token`; returns its kind if it existed.
    @discardableResult
    public mutating func revoke(_ token: String) -> TokenKind? { entries.removeValue(forKey: token)?.kind }

    /// Revokes every token whose kind matches (e.g. all sessions of a GSTIN on logout).
    @discardableResult
    public mutating func revokeAll(where matches: (TokenKind) -> Bool) -> [String] {
        let gone = entries.filter { matches($0.value.kind) }.map(\.key)
        for t in gone { entries.removeValue(forKey: t) }
        return gone
    }

    /// Extends a *valid* token to `lifetime` from `now` and returns it: the same token, as both
    /// vendors' refresh examples answer the token they were given. Nil when unknown or expired.
    public mutating func refresh(_ token: String, lifetime: Int64, now: Int64) -> String? {
        guard case .valid = check(token, now: now) else { return nil }
        entries[token]?.expiresAt = now + lifetime
        return token
    }

    /// Drops tokens that expired more than `grace` ms before `now` (they then answer `.unknown`).
    @discardableResult
    public mutating func purgeExpired(now: Int64, grace: Int64 = 0) -> [String] {
        let gone = entries.filter { $0.value.expiresAt + grace <= now }.map(\.key)
        for t in gone { entries.removeValue(forKey: t) }
        return gone
    }

    public var count: Int { entries.count }
    /// Every token held, valid or expired (for the registry's index and the control API).
    public var allTokens: [String] { Array(entries.keys) }
}

extension TenantState {
    /// When `token` expires as a client should read it: on the wall clock, now plus what remains of
    /// its lifetime on the tenant clock. A scenario frozen in 2025 still hands out a session a client
    /// sees as good for 6 h from its own now, and advancing the tenant clock still expires it here.
    public func wallClockExpiry(of token: String) -> Int64? {
        guard let entry = tokens.entry(for: token) else { return nil }
        let (remaining, overflow) = entry.expiresAt.subtractingReportingOverflow(now)
        let (expiry, past) = realTime.now().addingReportingOverflow(overflow ? 0 : remaining)
        return past ? .max : expiry
    }
}
