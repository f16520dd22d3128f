/// A seed built once into the state its tenants start from. Every tenant of the seed — the scenario's
/// own, each `key_test_` fork, each reset — starts from a copy of `start`, which shares the built world
/// (documents, their digests, metadata and indexes, parties, taxpayers) copy-on-write: a fork costs a
/// few hundred bytes whatever the world's size, and a tenant's memory grows only with what it changes.
public final class WorldTemplate: Sendable {
    public let seed: WorldSeed
    /// The built world with no changes of its own (its document store is flattened).
    private let start: TenantState
    /// Its GSTR-2B drafts, built once for every fork that has not changed the documents.
    private let drafts: SharedDrafts
    /// The template whose built world this one shares with changes on top (`applying`); nil when
    /// this one built its world from its seed.
    private let parent: WorldTemplate?

    /// The template that built the shared world: `self`, or the one `applying` started from.
    public var root: WorldTemplate { parent?.root ?? self }

    public init(seed: WorldSeed, realTime: RealTime) {
        self.seed = seed
        var built = TenantState(seed: seed, realTime: realTime)
        // Periods the seed declares filed took records out of IMS while building: that is part of
        // the world every fork shares, not a change of each.
        built.documents.flatten()
        start = built
        drafts = SharedDrafts(for: built.documents)
        parent = nil
    }

    private init(seed: WorldSeed, start: TenantState, drafts: SharedDrafts, parent: WorldTemplate?) {
        self.seed = seed
        self.start = start
        self.drafts = drafts
        self.parent = parent
    }

    /// The same built world under other logins (a tenant created from a loaded scenario with its own
    /// credentials): nothing is rebuilt.
    public func with(credentials: TenantCredentials) -> WorldTemplate {
        var seed = self.seed
        seed.credentials = credentials
        return WorldTemplate(seed: seed, start: start, drafts: drafts, parent: parent)
    }

    /// This world with `changes` on top (a saved tenant of it, loaded back): the built world stays
    /// shared, the changes are every fork's starting layer, and a reset returns to them. O(changes).
    public func applying(_ changes: WorldChanges) -> WorldTemplate {
        var changed = root.start
        changed.apply(changes)
        return WorldTemplate(seed: seed, start: changed, drafts: drafts, parent: root)
    }

    /// What `state` changed on top of this template's built world (`root`), or nil when `state` was
    /// not forked from it. O(changes) plus the taxpayers.
    public func changes(of state: TenantState) -> WorldChanges? {
        let built = root.start
        guard state.documents.baseIdentity == built.documents.baseIdentity,
              state.documents.baseCount == built.documents.baseCount else { return nil }
        let (upserted, removed) = state.documents.changesFromBase
        let taxpayers = state.taxpayers.values.filter { built.taxpayers[$0.gstin] != $0 }.sorted { $0.gstin.value < $1.gstin.value }
        return WorldChanges(clock: state.clockSetting, taxpayers: taxpayers, documents: upserted, removed: removed)
    }

    /// A new tenant's state: the shared world, with its own token book and id generator (a random
    /// one must not hand two tenants the same ids; a seeded one starts where the seed says for the
    /// seed's own tenant, and from the seed mixed with the tenant's id for any other).
    func instantiate(for tenantID: String) -> TenantState {
        var state = start
        state.tokens = TokenBook()
        state.ids = IDGenerator(seed: seed.idSeed.map { tenantID == seed.idOwner ? $0 : IDGenerator.seed($0, mixing: tenantID) })
        state.sharedDrafts = drafts
        return state
    }
}
