import Synchronization

/// One isolated world: a template (a seed, built once) and the live state forked from it, behind one
/// lock.
///
/// A request's whole effect is applied inside one `write` (one lock acquisition), so no reader ever
/// sees half of it. Both `read` and `write` first complete jobs that have become due, so every
/// caller sees the world as of now.
public final class Tenant: Sendable {
    public let id: String
    public let template: WorldTemplate
    private let state: Mutex<TenantState>

    /// The seed the tenant's world came from.
    public var seed: WorldSeed { template.seed }

    public init(id: String, template: WorldTemplate) {
        self.id = id
        self.template = template
        state = Mutex(template.instantiate(for: id))
    }

    /// Runs `body` with the state under the lock, for reading.
    public func read<R: Sendable, E: Error>(_ body: (TenantState) throws(E) -> R) throws(E) -> R {
        try state.withLock { (s: inout TenantState) throws(E) -> R in
            let mark = s.journal.count
            defer { handOver(&s, from: mark) }
            s.settleJobs()
            return try body(s)
        }
    }

    /// Runs `body` with the state under the lock, for changing it.
    public func write<R: Sendable, E: Error>(_ body: (inout TenantState) throws(E) -> R) throws(E) -> R {
        try state.withLock { (s: inout TenantState) throws(E) -> R in
            let mark = s.journal.count
            defer { handOver(&s, from: mark) }
            s.settleJobs()
            return try body(&s)
        }
    }

    /// Returns the world to its template: documents and IMS state, filings, jobs, snapshots, ids and
    /// the clock (the scenario's "now" is part of its world). O(changes): the tenant's own layer is
    /// dropped, the shared world stays. Kept across a reset: issued tokens (logins survive), the
    /// version sequence (it keeps increasing, so responses cached per version never come back) and
    /// the undrained journal.
    public func reset() {
        state.withLock { s in
            var fresh = template.instantiate(for: id)
            fresh.tokens = s.tokens
            fresh.version = s.version
            fresh.journal = s.journal
            let mark = fresh.journal.count
            fresh.record("tenant reset to its seed")
            s = fresh
            handOver(&s, from: mark)
        }
    }

    /// Moves the transitions recorded since `mark` (during this lock hold) to the request's
    /// `TransitionCapture`, if one is bound (see there for the guarantee), and notes this tenant there.
    private func handOver(_ s: inout TenantState, from mark: Int) {
        guard let capture = TransitionCapture.current else { return }
        // The journal may have been trimmed at its limit during this hold; then take what is left.
        let start = min(mark, s.journal.count)
        capture.handOver(from: self, s.journal[start...])
        if start < s.journal.count { s.journal.removeSubrange(start...) }
    }

    /// The current state version (cheap; for response caches).
    public var version: UInt64 { state.withLock { $0.version } }
}
