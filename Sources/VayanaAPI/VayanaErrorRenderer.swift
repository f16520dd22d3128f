import GSTNShapes
import HTTPWire

/// GSTN's errors the way EAS passes them on, for callers outside the adapter (the composition root's
/// fault rules): HTTP 502, v3 failure envelope, `err-gstn-returned-error`, type `Gstn`,
/// `args = {"gstn-err":{"status-code":"0","error-code":…,"message":…}}`.
package enum VayanaErrorRenderer {
    package static func gstnError(_ error: GSTNError) -> HTTPResponse {
        EASEnvelope.error(.gstn(error))
    }
}
