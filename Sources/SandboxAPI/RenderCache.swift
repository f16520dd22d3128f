import GSTCore
import Synchronization

/// Rendered `data` fragments of read-only routes, keyed by tenant, route and query, and valid for one
/// tenant state version. Any change to a tenant bumps its version, so an entry is never served for a
/// state it was not rendered from; responses splice the fragment between the envelope's fixed prefix
/// and the per-response `timestamp` / `transaction_id`.
///
/// Entries hold their tenant strongly and compare it by identity, so a deleted tenant's entries can
/// never be mistaken for a new tenant's. The cache is bounded by entry count and by bytes: when a new
/// entry would pass either limit the cache is emptied (simple, and cheap to refill); a fragment larger
/// than a quarter of the byte budget is served but not kept.
final class RenderCache: Sendable {
    /// What was rendered: the route and every input of the answer besides the tenant state.
    /// Typed, so a lookup builds no string.
    enum Route: Hashable, Sendable {
        case imsInvoices(GSTIN, IMSSection, IMSStatus?)
        case gstr2b(GSTIN, ReturnPeriod, fileNumber: Int?)
        case gstr1(GSTIN, ReturnPeriod, IMSSection, counterparty: GSTIN?, actionRequired: Bool?, from: CivilDate?)
        /// Public GSTIN search (`verification` false) or verification of a GSTIN.
        case publicRegistration(GSTIN, verification: Bool)
        /// A route keyed by composed text (GSTR-1 return sections and summary; tests).
        case named(String)
    }

    private struct Key: Hashable {
        /// The tenant's identity; entries keep their tenant alive, so it cannot be reused while cached.
        var tenant: ObjectIdentifier
        var route: Route
    }

    private struct Entry {
        var tenant: Tenant
        var version: UInt64
        var bytes: [UInt8]
    }

    private struct Storage {
        var entries: [Key: Entry] = [:]
        var bytes = 0
    }

    private let storage = Mutex(Storage())
    let limit: Int
    let byteLimit: Int

    init(limit: Int = 4096, byteLimit: Int = 32 << 20) {
        self.limit = limit
        self.byteLimit = byteLimit
    }

    /// The fragment for `route` of `tenant` at `version`, if cached.
    func lookup(_ tenant: Tenant, route: Route, version: UInt64) -> [UInt8]? {
        storage.withLock { s in
            guard let hit = s.entries[Key(tenant: ObjectIdentifier(tenant), route: route)], hit.tenant === tenant, hit.version == version else { return nil }
            return hit.bytes
        }
    }

    func store(_ bytes: [UInt8], tenant: Tenant, route: Route, version: UInt64) {
        guard bytes.count <= byteLimit / 4 else { return }
        storage.withLock { s in
            let key = Key(tenant: ObjectIdentifier(tenant), route: route)
            if let old = s.entries[key] { s.bytes -= old.bytes.count }
            if s.entries.count >= limit || s.bytes + bytes.count > byteLimit {
                s.entries.removeAll(keepingCapacity: true)
                s.bytes = 0
            }
            s.entries[key] = Entry(tenant: tenant, version: version, bytes: bytes)
            s.bytes += bytes.count
        }
    }

    /// The cached fragment, or `render()`'s result, stored for next time.
    func fragment(_ tenant: Tenant, route: Route, version: UInt64, render: () -> [UInt8]) -> [UInt8] {
        if let hit = lookup(tenant, route: route, version: version) { return hit }
        let bytes = render()
        store(bytes, tenant: tenant, route: route, version: version)
        return bytes
    }

    var count: Int { storage.withLock { $0.entries.count } }
    var byteCount: Int { storage.withLock { $0.bytes } }
}
