import GSTCore
import HTTPWire
import JSON

/// Request bodies as Sandbox's routes read them: parsed before the tenant lock is taken (parsing is
/// work, and a lock guards state only), refused with 422 when they are not JSON.
enum SandboxBody {
    /// The body as JSON (duplicate keys: the last wins), or the 422 naming the parser's complaint.
    static func parse(_ request: HTTPRequest) -> Result<JSONValue, SandboxError> {
        do { return .success(try JSONParser.parse(request.body, options: .init(duplicateKeys: .lastWins))) } catch {
            return .failure(.unprocessable("Invalid request body: \(error.description)"))
        }
    }

    /// `parse` for a body that may be absent: nil when the request has none.
    static func parseIfPresent(_ request: HTTPRequest) -> Result<JSONValue, SandboxError>? {
        request.body.isEmpty ? nil : parse(request)
    }
}
