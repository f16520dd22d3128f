/// Everything a tenant's world starts from. ScenarioKit builds it from a scenario file; GSTCore
/// turns it into live tenant state. Resetting a tenant rebuilds its state from the same seed.
public struct WorldSeed: Sendable {
    public var credentials: TenantCredentials
    public var parties: [Party]
    public var taxpayers: [Taxpayer]
    public var documents: [Document]
    public var clock: ClockSetting
    public var jobTiming: JobTiming
    /// Seeds reference ids and transaction ids; nil means random ids.
    public var idSeed: UInt64?
    /// The tenant that draws its ids from `idSeed` as written (the scenario's own, by name); every other
    /// tenant of the seed mixes its own id in, so parallel `key_test_` tenants log different ids.
    public var idOwner: String?
    /// Documents per GSTR-2B file: above it the 2B is split into `fc` files (`file_number`).
    public var gstr2bPageSize: Int
    /// Unregistered applicants (enrolment numbers) public search knows.
    public var unregisteredApplicants: [UnregisteredApplicant] = []

    public init(credentials: TenantCredentials = TenantCredentials(), parties: [Party] = [], taxpayers: [Taxpayer] = [],
                documents: [Document] = [], clock: ClockSetting = .realTime, jobTiming: JobTiming = .onFirstPoll,
                idSeed: UInt64? = nil, gstr2bPageSize: Int = 500) {
        self.credentials = credentials; self.parties = parties; self.taxpayers = taxpayers; self.documents = documents
        self.clock = clock; self.jobTiming = jobTiming; self.idSeed = idSeed; self.gstr2bPageSize = gstr2bPageSize
    }
}

/// How a tenant's clock starts: frozen at an instant (advanced only on request), or following real time.
public enum ClockSetting: Hashable, Sendable {
    /// Virtual time, epoch milliseconds; moves only when set or advanced.
    case fixed(epochMilliseconds: Int64)
    case realTime
}

/// When an asynchronous job (IMS save/reset, 2B regeneration, GSTR-1 save…) completes.
public enum JobTiming: Hashable, Sendable {
    /// Done by the time its status is first asked for.
    case onFirstPoll
    /// The first N polls see it in progress; poll N+1 sees the outcome.
    case afterPolls(Int)
    /// Done once the tenant clock has moved this many milliseconds past submission.
    case afterMilliseconds(Int64)
}

/// Who may act on a tenant, per vendor. Credentials are opaque strings to the core: the vendor
/// adapters decide what a login looks like.
public struct TenantCredentials: Hashable, Sendable {
    /// Sandbox (`x-api-key` → `x-api-secret`).
    public var sandboxKeys: [String: String]
    /// Vayana EAS logins.
    public var vayanaLogins: [VayanaLogin]

    public init(sandboxKeys: [String: String] = [:], vayanaLogins: [VayanaLogin] = []) {
        self.sandboxKeys = sandboxKeys; self.vayanaLogins = vayanaLogins
    }
}

public struct VayanaLogin: Hashable, Sendable {
    public var email: String
    public var password: String
    public var organisationID: String
    public init(email: String, password: String, organisationID: String) {
        self.email = email; self.password = password; self.organisationID = organisationID
    }
}
