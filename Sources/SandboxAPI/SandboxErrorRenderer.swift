import GSTCore
import GSTNShapes
import HTTPWire

/// GSTN's errors in Sandbox's business-error envelope, for callers outside the adapter (the composition
/// root's fault rules): HTTP 200,
/// `{"code":200,"data":{"error":{"error_cd":…,"message":…},"status_cd":"0"},"timestamp":…,"transaction_id":…}`.
package enum SandboxErrorRenderer {
    /// Stamped from the tenant's clock and id generator when there is a tenant, from `realTime` and
    /// fresh randomness otherwise.
    package static func businessError(_ error: GSTNError, tenant: Tenant?, realTime: RealTime) -> HTTPResponse {
        let stamp: Envelope.Stamp
        if let tenant {
            stamp = tenant.write { SandboxAPIContext.stamp(&$0) }
        } else {
            var ids = IDGenerator(seed: nil)
            stamp = Envelope.Stamp(timestamp: realTime.now(), ids: &ids)
        }
        return Envelope.businessError(error, stamp: stamp)
    }
}
