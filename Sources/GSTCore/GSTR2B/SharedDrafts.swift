import Synchronization

/// GSTR-2B drafts of a template's world as built, shared by the tenants forked from it. A tenant that
/// has not changed a document or an IMS state holds exactly the template's documents, so the draft it
/// freezes before its first action (`generateDueDrafts`) is the one any such tenant would build at the
/// same instant: built once, then shared copy-on-write — a first IMS action on a fork of a 100,000-
/// document world no longer builds and keeps its own 2B. A memo of a pure function, so the tenants'
/// state machines stay pure.
final class SharedDrafts: Sendable {
    struct Key: Hashable {
        let recipient: GSTIN
        let period: ReturnPeriod
        let instant: Int64
    }

    /// The built documents the drafts were made from (the base column's storage), so a store that is
    /// unchanged but holds other documents never gets them.
    private let base: UInt?
    private let drafts = Mutex<[Key: GSTR2B]>([:])
    /// A tenant on a real-time clock asks at a new instant every time: keep only the first few.
    static let capacity = 64

    init(for store: DocumentStore) { base = store.baseIdentity }

    /// The shared draft, built by `build` (outside the lock) when none is kept yet; nil when `store` is
    /// not the template's world as built.
    func draft(_ key: Key, of store: DocumentStore, build: () -> GSTR2B) -> GSTR2B? {
        guard store.isAsBuilt, store.baseIdentity == base else { return nil }
        if let kept = drafts.withLock({ $0[key] }) { return kept }
        let built = build()
        return drafts.withLock { d in
            if let raced = d[key] { return raced }
            if d.count < Self.capacity { d[key] = built }
            return built
        }
    }
}
