import GSTNShapes
import HTTPWire

/// GSTN's errors the way EAS passes them on, for callers outside the adapter (the composition root's
/// fault rules): HTTP 502, v3 failure envelope, `err-gstn-returned-error`, type `Gstn`,
/// `args = {"gstn-err":{"status-code":"0","error-code":…,"message":…}}`.
package enum VayanaErrorRenderer {
    /// Paths under which every request is Vayana's: an unknown one there gets the EAS envelope.
    package static let pathPrefixes = ["/basic/", "/enriched/", "/theodore/"]

    /// A path no Vayana route takes: 404 `err-resource-not-found` (EAS's documented not-found key),
    /// `args = {"path": …}`.
    package static func notFound(path: String) -> HTTPResponse {
        EASEnvelope.error(.resourceNotFound("path", path))
    }

    package static func gstnError(_ error: GSTNError) -> HTTPResponse {
        EASEnvelope.error(.gstn(error))
    }
}
