// Users' tests that import GSPSandboxTesting get the client (`HTTPClient`, its `Response`) with it:
// the client lives in HTTPTestClient so that tests of layers below GSPSandbox can share it.
@_exported import HTTPTestClient
import GSTCore

extension HTTPClient.Response {
    /// The body as JSON; nil when it is not JSON.
    public var json: JSONValue? { try? JSONParser.parse(body) }
}

extension HTTPClient {
    /// Sends a JSON body (`Content-Type: application/json`) and returns the response.
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], json: JSONValue) throws -> Response {
        var headers = headers
        if !headers.contains(where: { $0.0.lowercased() == "content-type" }) { headers.append(("Content-Type", "application/json")) }
        return try request(method, target, headers: headers, body: JSONWriter.write(json))
    }
}
