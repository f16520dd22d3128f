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
/// Tokens are opaque random hex strings. They come from the system random source unless a seed is
/// given: tokens must be unique across tenants (the registry routes a request to its tenant by
/// token), and tenants built from one scenario share its id seed, so scenario seeds are not used here.
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
    /// - Parameter prefix: prepended to the random part (an adapter may want a recognisable shape).
    public mutating func issue(_ kind: TokenKind, lifetime: Int64, now: Int64, prefix: String = "") -> String {
        var token: String
        repeat { token = prefix + random.hexToken(byteCount: 24) } while entries[token] != nil
        entries[token] = Entry(kind: kind, issuedAt: now, expiresAt: now + lifetime)
        return token
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

    /// Replaces a *valid* token by a fresh one of the same kind valid for `lifetime` from `now`;
    /// the old token stops working. Nil when the token is unknown or expired.
    public mutating func refresh(_ token: String, lifetime: Int64, now: Int64, prefix: String = "") -> String? {
        guard case .valid(let kind) = check(token, now: now) else { return nil }
        entries.removeValue(forKey: token)
        return issue(kind, lifetime: lifetime, now: now, prefix: prefix)
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
