import GSTCore
import HTTPWire
import JSON
import SandboxAPI
import VayanaAPI

/// The sandbox's answers when no route applies. A path under a vendor's prefixes is answered in that
/// vendor's envelope (a client's error handling sees the shape it knows); other paths get the
/// sandbox's own.
enum SandboxErrors {
    static func notFound(_ request: HTTPRequest, realTime: RealTime) -> HTTPResponse {
        let path = request.path
        if SandboxErrorRenderer.pathPrefixes.contains(where: { path.hasPrefix($0) }) { return SandboxErrorRenderer.notFound(realTime: realTime) }
        if VayanaErrorRenderer.pathPrefixes.contains(where: { path.hasPrefix($0) }) { return VayanaErrorRenderer.notFound(path: path) }
        var body = JSONBuilder(capacity: 64 + request.path.utf8.count)
        body.beginObject()
        body.field("error", "no route for " + request.method.rawValue + " " + request.path)
        body.endObject()
        return .json(.notFound, body.bytes)
    }

    static func methodNotAllowed(_ request: HTTPRequest, allow: [HTTPMethod]) -> HTTPResponse {
        let allowed = allow.map(\.rawValue).joined(separator: ", ")
        var body = JSONBuilder(capacity: 96 + request.path.utf8.count)
        body.beginObject()
        body.field("allow", allowed)
        body.field("error", "method " + request.method.rawValue + " not allowed on " + request.path)
        body.endObject()
        var response = HTTPResponse.json(.methodNotAllowed, body.bytes)
        response.headers.add("Allow", allowed)
        return response
    }
}
