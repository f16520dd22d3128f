/// What a tenant changed on top of the world its template built: the clock, taxpayers whose filings
/// moved, documents replaced, added or acted on (each whole, with its live IMS state) and base
/// documents removed. A snapshot of a tenant of a big generated world is its recipe plus this, so
/// export, the state file and import cost O(changes), not O(world).
public struct WorldChanges: Sendable, Equatable {
    public var clock: ClockSetting
    /// Replace the taxpayers of the same GSTIN (filed periods move as returns are filed).
    public var taxpayers: [Taxpayer]
    /// Upserted by key, after `removed`.
    public var documents: [Document]
    public var removed: [DocumentKey]

    public init(clock: ClockSetting, taxpayers: [Taxpayer] = [], documents: [Document] = [], removed: [DocumentKey] = []) {
        self.clock = clock; self.taxpayers = taxpayers; self.documents = documents; self.removed = removed
    }
}

extension TenantState {
    /// Applies `changes` as this tenant's own layer (nothing shared is copied). Not journalled: it
    /// rebuilds a saved world, it is not an event in it.
    mutating func apply(_ changes: WorldChanges) {
        clock = TenantClock(changes.clock)
        let at = now
        for var t in changes.taxpayers where taxpayers[t.gstin] != nil {
            if t.ledgers.isEmpty, let opening = t.openingBalances { t.ledgers.open(with: opening, at: at) }
            taxpayers[t.gstin] = t
        }
        documents.remove(changes.removed)
        for d in changes.documents { documents.upsert(d) }
    }

    /// The clock as a scenario states it: following wall time exactly, or frozen at the current instant
    /// (a shifted real-time clock is saved at the instant it shows).
    public var clockSetting: ClockSetting {
        clock.isFollowingRealTime && now == realTime.now() ? .realTime : .fixed(epochMilliseconds: now)
    }
}
