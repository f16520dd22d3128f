import GSTCore
import HTTPWire
import Synchronization

/// What every Sandbox route needs: the tenants, the wall clock (for responses that cannot be tied to a
/// tenant, e.g. a missing API key), and the adapter's own small state (rendered-response cache, OTP
/// requests awaiting verification).
public struct SandboxAPIContext: Sendable {
    public let registry: TenantRegistry
    public let realTime: RealTime
    let cache: RenderCache
    let otpRequests: OTPRequestBook
    /// EVC OTPs generated for filing (`POST …/evc/otp`), live for `otpLifetime`.
    let evcRequests = OTPRequestBook()

    /// - Parameters:
    ///   - registry: the tenants (shared with the other vendor adapters).
    ///   - realTime: the wall clock; only used to stamp responses that belong to no tenant.
    ///   - cacheEntries, cacheBytes: bounds of the rendered-response cache.
    public init(registry: TenantRegistry, realTime: RealTime, cacheEntries: Int = 4096, cacheBytes: Int = 32 << 20) {
        self.registry = registry
        self.realTime = realTime
        cache = RenderCache(limit: cacheEntries, byteLimit: cacheBytes)
        otpRequests = OTPRequestBook()
    }

    /// Token lifetimes, as documented: platform access token 24 h, taxpayer session 6 h.
    public static let platformTokenLifetime: Int64 = 24 * 3_600_000
    public static let taxpayerSessionLifetime: Int64 = 6 * 3_600_000
    /// How long a requested OTP can be verified (tenant clock).
    public static let otpLifetime: Int64 = 10 * 60_000

    /// A stamp for a response outside any tenant: wall-clock time and a random UUID.
    func anonymousStamp() -> Envelope.Stamp { .anonymous(realTime) }

    /// A stamp from the tenant's clock and id generator.
    static func stamp(_ state: inout TenantState) -> Envelope.Stamp {
        Envelope.Stamp(timestamp: state.now, ids: &state.ids)
    }
}

/// OTPs requested through `POST /gst/compliance/tax-payer/otp` and not yet verified, per tenant and
/// GSTIN, with their expiry on the tenant clock. Verify-OTP without a live request is AUTH4033.
final class OTPRequestBook: Sendable {
    private struct Key: Hashable { var tenantID: String; var gstin: GSTIN }
    private let requests = Mutex<[Key: Int64]>([:])

    func record(tenant: Tenant, gstin: GSTIN, expiresAt: Int64) {
        requests.withLock { $0[Key(tenantID: tenant.id, gstin: gstin)] = expiresAt }
    }

    /// Whether an OTP request is live at `now`.
    func isLive(tenant: Tenant, gstin: GSTIN, now: Int64) -> Bool {
        requests.withLock { r in r[Key(tenantID: tenant.id, gstin: gstin)].map { now < $0 } ?? false }
    }

    func consume(tenant: Tenant, gstin: GSTIN) {
        _ = requests.withLock { $0.removeValue(forKey: Key(tenantID: tenant.id, gstin: gstin)) }
    }
}
