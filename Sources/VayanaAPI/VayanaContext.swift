import GSTCore
import HTTPWire
import Synchronization

/// What every Vayana route needs: the tenants (shared with the other vendor adapters) and the adapter's
/// own small state: rendered-response cache, OTP requests awaiting AUTHTOKEN, the `gst-session-id`s handed
/// out, and the large-result files FILEDET describes.
public struct VayanaContext: Sendable {
    public let registry: TenantRegistry
    public let realTime: RealTime
    let cache: RenderCache
    let otpRequests: OTPRequestBook
    let sessions: GSTNSessionBook
    let files: FileBook

    /// - Parameters:
    ///   - registry: the tenants (shared with Sandbox's adapter: one world per tenant).
    ///   - realTime: the wall clock (tenant clocks read it when following real time).
    public init(registry: TenantRegistry, realTime: RealTime, cacheLimit: Int = 4096, fileSetLimit: Int = 256) {
        self.registry = registry
        self.realTime = realTime
        cache = RenderCache(limit: cacheLimit)
        otpRequests = OTPRequestBook()
        sessions = GSTNSessionBook()
        files = FileBook(limit: fileSetLimit)
    }

    /// theodore's default token duration when the login names none (20 min), and its maximum (360 min).
    public static let defaultUserTokenMinutes = 20
    public static let maximumUserTokenMinutes = 360
    /// A GSTN taxpayer session lasts 6 h; REFRESHTOKEN extends it by 6 h from the refresh.
    public static let gstnSessionLifetime: Int64 = 6 * 3_600_000
    /// How long an `otp-request-id` can be redeemed with AUTHTOKEN (tenant clock).
    public static let otpLifetime: Int64 = 10 * 60_000
}

/// OTP requests made through OTPREQUEST and not yet redeemed: `otp-request-id` → tenant, GSTIN, expiry
/// on the tenant clock.
final class OTPRequestBook: Sendable {
    struct Request: Sendable { var tenantID: String; var gstin: GSTIN; var expiresAt: Int64 }
    private let requests = Mutex<[String: Request]>([:])

    func record(_ id: String, _ request: Request) {
        requests.withLock { r in
            // Drop expired requests of this tenant so the book cannot grow without bound.
            r = r.filter { $0.value.tenantID != request.tenantID || $0.value.expiresAt > request.expiresAt - VayanaContext.otpLifetime }
            r[id] = request
        }
    }

    /// The live request `id` of `tenantID` at `now`.
    func live(_ id: String, tenantID: String, now: Int64) -> Request? {
        requests.withLock { r in
            guard let q = r[id], q.tenantID == tenantID, now < q.expiresAt else { return nil }
            return q
        }
    }

    func consume(_ id: String) { _ = requests.withLock { $0.removeValue(forKey: id) } }
}

/// `gst-session-id`s: the stable id a client holds (a UUID, as in the examples) → the tenant's
/// `.gstnSession(GSTIN)` token that currently backs it. REFRESHTOKEN replaces the token and keeps the id,
/// as the documented refresh answer returns the id it was given.
final class GSTNSessionBook: Sendable {
    private struct Entry { var tenantID: String; var token: String }
    private let entries = Mutex<[String: Entry]>([:])

    func record(sessionID: String, tenantID: String, token: String) {
        entries.withLock { $0[sessionID] = Entry(tenantID: tenantID, token: token) }
    }

    /// The token behind `sessionID` when it belongs to `tenantID`.
    func token(sessionID: String, tenantID: String) -> String? {
        entries.withLock { e in e[sessionID].flatMap { $0.tenantID == tenantID ? $0.token : nil } }
    }

    func forget(sessionID: String) { _ = entries.withLock { $0.removeValue(forKey: sessionID) } }
}

/// Rendered `data` fragments of read-only routes, keyed by tenant, route and query, valid for one tenant
/// state version (any change bumps it). Entries hold their tenant and compare it by identity. Bounded:
/// past `limit` entries it is emptied.
final class RenderCache: Sendable {
    private struct Key: Hashable { var tenantID: String; var route: String }
    private struct Entry { var tenant: Tenant; var version: UInt64; var bytes: [UInt8] }

    private let entries = Mutex<[Key: Entry]>([:])
    let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    /// The cached fragment, or `render()`'s result, stored for next time.
    func fragment(_ tenant: Tenant, route: String, version: UInt64, render: () -> [UInt8]) -> [UInt8] {
        let key = Key(tenantID: tenant.id, route: route)
        if let hit = entries.withLock({ e -> [UInt8]? in
            guard let h = e[key], h.tenant === tenant, h.version == version else { return nil }
            return h.bytes
        }) { return hit }
        let bytes = render()
        entries.withLock { e in
            if e.count >= limit { e.removeAll(keepingCapacity: true) }
            e[key] = Entry(tenant: tenant, version: version, bytes: bytes)
        }
        return bytes
    }

    var count: Int { entries.withLock { $0.count } }
}
