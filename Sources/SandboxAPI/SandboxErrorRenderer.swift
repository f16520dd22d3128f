import GSTCore
import GSTNShapes
import HTTPWire

/// GSTN's errors in Sandbox's business-error envelope, for callers outside the adapter (the composition
/// root's fault rules): HTTP 200,
/// `{"code":200,"data":{"error":{"error_cd":…,"message":…},"status_cd":"0"},"timestamp":…,"transaction_id":…}`.
package enum SandboxErrorRenderer {
    /// Paths under which every request is Sandbox's: an unknown one there gets Sandbox's envelope.
    package static let pathPrefixes = ["/gst/", "/authenticate"]

    /// A path no Sandbox route takes: 404 in the gateway envelope Sandbox documents for refusals
    /// (`{code, message, timestamp, transaction_id}`); "Not Found" is the emulator's wording, as
    /// Sandbox documents no body for it. Wall-clock stamped: no tenant is known.
    package static func notFound(realTime: RealTime) -> HTTPResponse {
        Envelope.platformError(PlatformError(status: .notFound, message: "Not Found"), stamp: .anonymous(realTime))
    }

    /// Stamped from the tenant's clock and id generator when there is a tenant, from `realTime` and
    /// fresh randomness otherwise.
    package static func businessError(_ error: GSTNError, tenant: Tenant?, realTime: RealTime) -> HTTPResponse {
        let stamp = tenant.map { t in t.write { SandboxAPIContext.stamp(&$0) } } ?? .anonymous(realTime)
        return Envelope.businessError(error, stamp: stamp)
    }
}
