import GSTCore
import Synchronization

/// Rendered `data` fragments of read-only routes, keyed by tenant, route and query, and valid for one
/// tenant state version. Any change to a tenant bumps its version, so an entry is never served for a
/// state it was not rendered from; responses splice the fragment between the envelope's fixed prefix
/// and the per-response `timestamp` / `transaction_id`.
///
/// Entries hold their tenant strongly and compare it by identity, so a deleted tenant's entries can
/// never be mistaken for a new tenant's. The cache is bounded: past `limit` entries it is emptied
/// (simple, and cheap to refill).
final class RenderCache: Sendable {
    private struct Key: Hashable {
        var tenantID: String
        var route: String
    }

    private struct Entry {
        var tenant: Tenant
        var version: UInt64
        var bytes: [UInt8]
    }

    private let entries = Mutex<[Key: Entry]>([:])
    let limit: Int

    init(limit: Int = 4096) { self.limit = limit }

    /// The fragment for `route` of `tenant` at `version`, if cached.
    func lookup(_ tenant: Tenant, route: String, version: UInt64) -> [UInt8]? {
        entries.withLock { e in
            guard let hit = e[Key(tenantID: tenant.id, route: route)], hit.tenant === tenant, hit.version == version else { return nil }
            return hit.bytes
        }
    }

    func store(_ bytes: [UInt8], tenant: Tenant, route: String, version: UInt64) {
        entries.withLock { e in
            if e.count >= limit { e.removeAll(keepingCapacity: true) }
            e[Key(tenantID: tenant.id, route: route)] = Entry(tenant: tenant, version: version, bytes: bytes)
        }
    }

    /// The cached fragment, or `render()`'s result, stored for next time.
    func fragment(_ tenant: Tenant, route: String, version: UInt64, render: () -> [UInt8]) -> [UInt8] {
        if let hit = lookup(tenant, route: route, version: version) { return hit }
        let bytes = render()
        store(bytes, tenant: tenant, route: route, version: version)
        return bytes
    }

    var count: Int { entries.withLock { $0.count } }
}
