import GSTCore
import HTTPWire
import JSON

/// The sandbox's answers when no route applies. Vendor routes answer in their vendor's envelope;
/// these cover paths no vendor has.
enum SandboxErrors {
    static func notFound(_ request: HTTPRequest) -> HTTPResponse {
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
