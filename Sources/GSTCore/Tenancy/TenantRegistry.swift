import JSON
import Synchronization

/// Why a registry operation was refused.
public enum TenantRegistryError: Error, Hashable, Sendable {
    case duplicateTenantID(String)
    /// A Sandbox API key or Vayana organisation of the seed already belongs to another tenant.
    case credentialInUse(String)
    case unknownTenant(String)
}

/// All tenants of the process, and the indexes that route a request to one: Sandbox API key, Vayana
/// organisation id, issued token.
///
/// Lock order: the registry lock is never held while a tenant lock is taken (and vice versa), so the
/// two cannot deadlock.
public final class TenantRegistry: Sendable {
    /// Keys of this shape, with a secret starting `secretTestPrefix`, get their own fresh tenant.
    public static let testKeyPrefix = "key_test_"
    public static let testSecretPrefix = "secret_test_"

    private struct Index {
        var tenants: [String: Tenant] = [:]
        /// API key → (tenant id, secret).
        var sandboxKeys: [String: (tenant: String, secret: String)] = [:]
        var vayanaOrganisations: [String: String] = [:]
        var tokens: [String: String] = [:]
    }

    private let index = Mutex(Index())
    private let realTime: RealTime
    /// Signs the JWTs the vendors' tokens are (a key made per process).
    private let signer = TokenSigner.random()
    /// The world every new `key_test_` tenant forks, built once.
    public let testTenantTemplate: WorldTemplate

    /// - Parameters:
    ///   - realTime: the wall clock every tenant's clock reads when following real time.
    ///   - testTenantSeed: the world a new `key_test_` tenant starts from (the composition root
    ///     passes the primary scenario's); built here, once.
    public init(realTime: RealTime, testTenantTemplate: WorldTemplate) {
        self.realTime = realTime
        self.testTenantTemplate = testTenantTemplate
    }

    /// A registry whose `key_test_` tenants fork `testTenantSeed`, built here, once.
    public convenience init(realTime: RealTime, testTenantSeed: WorldSeed) {
        self.init(realTime: realTime, testTenantTemplate: WorldTemplate(seed: testTenantSeed, realTime: realTime))
    }

    /// A template of `seed` on this registry's clock (built now: O(world)).
    public func template(of seed: WorldSeed) -> WorldTemplate { WorldTemplate(seed: seed, realTime: realTime) }

    // MARK: Managing tenants

    /// Creates a tenant from a seed (built into a template now).
    @discardableResult
    public func createTenant(id: String, seed: WorldSeed) throws(TenantRegistryError) -> Tenant {
        try createTenant(id: id, template: template(of: seed))
    }

    /// Creates a tenant forked from `template`; its seed's Sandbox keys and Vayana organisations route to it.
    @discardableResult
    public func createTenant(id: String, template: WorldTemplate) throws(TenantRegistryError) -> Tenant {
        let seed = template.seed
        let tenant = Tenant(id: id, template: template)
        try index.withLock { (x: inout Index) throws(TenantRegistryError) in
            guard x.tenants[id] == nil else { throw .duplicateTenantID(id) }
            for key in seed.credentials.sandboxKeys.keys where x.sandboxKeys[key] != nil { throw .credentialInUse(key) }
            for login in seed.credentials.vayanaLogins where x.vayanaOrganisations[login.organisationID].map({ $0 != id }) ?? false {
                throw .credentialInUse(login.organisationID)
            }
            x.tenants[id] = tenant
            for (key, secret) in seed.credentials.sandboxKeys { x.sandboxKeys[key] = (id, secret) }
            for login in seed.credentials.vayanaLogins { x.vayanaOrganisations[login.organisationID] = id }
        }
        return tenant
    }

    /// Removes a tenant and every route to it. False when unknown.
    @discardableResult
    public func deleteTenant(id: String) -> Bool {
        index.withLock { x in
            guard x.tenants.removeValue(forKey: id) != nil else { return false }
            x.sandboxKeys = x.sandboxKeys.filter { $0.value.tenant != id }
            x.vayanaOrganisations = x.vayanaOrganisations.filter { $0.value != id }
            x.tokens = x.tokens.filter { $0.value != id }
            return true
        }
    }

    /// Replaces a tenant's world by a new template's (a scenario loaded at runtime, an imported snapshot):
    /// the tenant keeps its id and its issued tokens, so logged-in clients carry on; its credentials
    /// are re-indexed from the new seed. Refused, changing nothing, when the tenant is unknown or a
    /// credential of the new seed belongs to another tenant.
    @discardableResult
    public func replaceTenant(id: String, template: WorldTemplate) throws(TenantRegistryError) -> Tenant {
        guard let old = tenant(id: id) else { throw .unknownTenant(id) }
        let seed = template.seed
        let tokens = old.read { $0.tokens }
        let fresh = Tenant(id: id, template: template)
        fresh.write { $0.tokens = tokens }
        try index.withLock { (x: inout Index) throws(TenantRegistryError) in
            guard x.tenants[id] != nil else { throw .unknownTenant(id) }
            for key in seed.credentials.sandboxKeys.keys where x.sandboxKeys[key].map({ $0.tenant != id }) ?? false {
                throw .credentialInUse(key)
            }
            for login in seed.credentials.vayanaLogins where x.vayanaOrganisations[login.organisationID].map({ $0 != id }) ?? false {
                throw .credentialInUse(login.organisationID)
            }
            x.tenants[id] = fresh
            // Keys the tenant got on the fly (key_test_ tenants) keep routing to it.
            let kept = x.sandboxKeys.filter { $0.value.tenant == id && $0.key == id }
            x.sandboxKeys = x.sandboxKeys.filter { $0.value.tenant != id }
            for (key, entry) in kept { x.sandboxKeys[key] = entry }
            x.vayanaOrganisations = x.vayanaOrganisations.filter { $0.value != id }
            for (key, secret) in seed.credentials.sandboxKeys { x.sandboxKeys[key] = (id, secret) }
            for login in seed.credentials.vayanaLogins { x.vayanaOrganisations[login.organisationID] = id }
        }
        return fresh
    }

    /// The credentials that route to a tenant now: its Sandbox keys (with their secrets) and the Vayana
    /// logins of its seed whose organisation routes to it. A `key_test_` tenant owns only its key,
    /// although its seed (the primary scenario's world) names the primary tenant's logins.
    public func credentials(of tenant: Tenant) -> TenantCredentials {
        index.withLock { x in
            var keys: [String: String] = [:]
            for (key, entry) in x.sandboxKeys where entry.tenant == tenant.id { keys[key] = entry.secret }
            let logins = tenant.seed.credentials.vayanaLogins.filter { x.vayanaOrganisations[$0.organisationID] == tenant.id }
            return TenantCredentials(sandboxKeys: keys, vayanaLogins: logins)
        }
    }

    /// Resets a tenant to its seed. False when unknown.
    @discardableResult
    public func resetTenant(id: String) -> Bool {
        guard let t = tenant(id: id) else { return false }
        t.reset()
        return true
    }

    public func tenant(id: String) -> Tenant? { index.withLock { $0.tenants[id] } }

    /// Every tenant, by id.
    public var tenants: [Tenant] { index.withLock { $0.tenants.values.sorted { $0.id < $1.id } } }

    // MARK: Routing

    /// The tenant owning a Sandbox API key (whatever the secret).
    public func tenant(forSandboxKey key: String) -> Tenant? {
        index.withLock { x in x.sandboxKeys[key].flatMap { x.tenants[$0.tenant] } }
    }

    public func tenant(forVayanaOrganisation organisationID: String) -> Tenant? {
        index.withLock { x in x.vayanaOrganisations[organisationID].flatMap { x.tenants[$0] } }
    }

    /// The tenant that issued `token` (check validity with `checkToken`).
    public func tenant(forToken token: String) -> Tenant? {
        index.withLock { x in x.tokens[token].flatMap { x.tenants[$0] } }
    }

    /// The tenant that issued `token`, and whether Sandbox API key `key` is that tenant's too: the
    /// check every authenticated Sandbox request makes, under one lock.
    public func tenant(forToken token: String, sandboxKey key: String) -> (tenant: Tenant?, keyMatches: Bool) {
        index.withLock { x in
            guard let id = x.tokens[token], let tenant = x.tenants[id] else { return (nil, false) }
            return (tenant, x.sandboxKeys[key]?.tenant == id)
        }
    }

    /// Sandbox's `x-api-key` + `x-api-secret`. A known key needs its secret. An unknown key starting
    /// `key_test_` with a secret starting `secret_test_` gets a fresh tenant (id = the key) built by
    /// `testTenantTemplate`; later calls need the same secret. Nil = unauthorised.
    public func authenticateSandbox(key: String, secret: String) -> Tenant? {
        if let found = index.withLock({ x -> (Tenant?, Bool)? in
            guard let entry = x.sandboxKeys[key] else { return nil }
            return (x.tenants[entry.tenant], entry.secret == secret)
        }) {
            return found.1 ? found.0 : nil
        }
        guard key.hasPrefix(Self.testKeyPrefix), secret.hasPrefix(Self.testSecretPrefix) else { return nil }
        // Build outside the lock (a big seed takes time); if two requests race, the first one to
        // register wins and the other uses its tenant.
        let candidate = Tenant(id: key, template: testTenantTemplate)
        return index.withLock { x -> Tenant? in
            if let entry = x.sandboxKeys[key] { return entry.secret == secret ? x.tenants[entry.tenant] : nil }
            guard x.tenants[key] == nil else { return nil }
            x.tenants[key] = candidate
            x.sandboxKeys[key] = (key, secret)
            return candidate
        }
    }

    /// A Vayana EAS login: the tenant and the login whose email and password match.
    public func authenticateVayana(email: String, password: String) -> (Tenant, VayanaLogin)? {
        for t in tenants {
            if let login = t.seed.credentials.vayanaLogins.first(where: { $0.email == email && $0.password == password }) {
                return (t, login)
            }
        }
        return nil
    }

    // MARK: Tokens

    /// Issues a token in `tenant` and indexes it for routing: a signed JWT whose `iat`/`exp` are on the
    /// wall clock (a client compares them with its own), carrying `claims` besides `jti`, `iat`, `exp`,
    /// `iss` and the tenant (`sub`). Its expiry in the sandbox stays on the tenant clock.
    public func issueToken(_ kind: TokenKind, lifetime: Int64, in tenant: Tenant, claims: [String: JSONValue] = [:]) -> String {
        // Signed outside the tenant lock, which then only records it (a fresh `jti` in the rare clash).
        let issued = realTime.now()
        var all = claims
        all["iss"] = "gsp-sandbox"
        all["sub"] = .string(tenant.id)
        all["iat"] = .number(JSONNumber(Int(issued / 1000)))
        all["exp"] = .number(JSONNumber(Int((issued &+ lifetime) / 1000)))
        var ids = IDGenerator(seed: nil), token: String
        repeat {
            all["jti"] = .string(ids.hexToken(byteCount: 24))
            token = signer.token(claims: all)
        } while !tenant.write({ $0.tokens.record(token, kind, lifetime: lifetime, now: $0.now) })
        index.withLock { $0.tokens[token] = tenant.id }
        return token
    }

    /// The tenant of `token` and whether the token is valid there now; nil when nobody issued it.
    public func checkToken(_ token: String) -> (tenant: Tenant, check: TokenCheck)? {
        guard let t = tenant(forToken: token) else { return nil }
        let check = t.write { $0.tokens.check(token, now: $0.now) }
        if case .unknown = check { return nil }
        return (t, check)
    }

    /// Extends a valid token to `lifetime` from now and returns it (the same token); nil when not valid.
    public func refreshToken(_ token: String, lifetime: Int64) -> String? {
        guard let t = tenant(forToken: token) else { return nil }
        return t.write { $0.tokens.refresh(token, lifetime: lifetime, now: $0.now) }
    }

    /// Revokes a token (logout). False when unknown.
    @discardableResult
    public func revokeToken(_ token: String) -> Bool {
        guard let t = tenant(forToken: token) else { return false }
        let kind = t.write { $0.tokens.revoke(token) }
        index.withLock { _ = $0.tokens.removeValue(forKey: token) }
        return kind != nil
    }
}
