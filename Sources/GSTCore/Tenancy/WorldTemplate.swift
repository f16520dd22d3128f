/// A seed built once into the state its tenants start from. Every tenant of the seed — the scenario's
/// own, each `key_test_` fork, each reset — starts from a copy of `start`, which shares the built world
/// (documents, their digests, totals and indexes, parties, taxpayers) copy-on-write: a fork costs a
/// few hundred bytes whatever the world's size, and a tenant's memory grows only with what it changes.
public final class WorldTemplate: Sendable {
    public let seed: WorldSeed
    /// The built world with no changes of its own (its document store is flattened).
    private let start: TenantState
    /// Its GSTR-2B drafts, built once for every fork that has not changed the documents.
    private let drafts: SharedDrafts

    public init(seed: WorldSeed, realTime: RealTime) {
        self.seed = seed
        var built = TenantState(seed: seed, realTime: realTime)
        // Periods the seed declares filed took records out of IMS while building: that is part of
        // the world every fork shares, not a change of each.
        built.documents.flatten()
        start = built
        drafts = SharedDrafts(for: built.documents)
    }

    private init(seed: WorldSeed, start: TenantState, drafts: SharedDrafts) {
        self.seed = seed
        self.start = start
        self.drafts = drafts
    }

    /// The same built world under other logins (a tenant created from a loaded scenario with its own
    /// credentials): nothing is rebuilt.
    public func with(credentials: TenantCredentials) -> WorldTemplate {
        var seed = self.seed
        seed.credentials = credentials
        return WorldTemplate(seed: seed, start: start, drafts: drafts)
    }

    /// A new tenant's state: the shared world, with its own token book and id generator (a random
    /// one must not hand two tenants the same ids; a seeded one starts where the seed says).
    func instantiate() -> TenantState {
        var state = start
        state.tokens = TokenBook()
        state.ids = IDGenerator(seed: seed.idSeed)
        state.sharedDrafts = drafts
        return state
    }
}
