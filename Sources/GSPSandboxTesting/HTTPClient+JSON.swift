// Users' tests that import GSPSandboxTesting get the client (`HTTPClient`, its `Response`) with it:
// the client lives in HTTPTestClient so that tests of layers below GSPSandbox can share it.
@_exported import HTTPTestClient
import GSTCore
import JSON

extension HTTPClient.Response {
    /// The body as JSON; nil when it is not JSON.
    public var json: JSONValue? { try? JSONParser.parse(body) }
}

extension HTTPClient {
    /// Sends a JSON body (`Content-Type: application/json`) and returns the response.
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], json: JSONValue) throws -> Response {
        let (headers, body) = Self.jsonRequest(json, headers: headers)
        return try request(method, target, headers: headers, body: body)
    }

    /// `headers` with `Content-Type: application/json` unless they name a type, and `json` as bytes
    /// (the same for a request on the wire and one handed to an in-process sandbox).
    static func jsonRequest(_ json: JSONValue, headers: [(String, String)]) -> (headers: [(String, String)], body: [UInt8]) {
        var headers = headers
        if !headers.contains(where: { $0.0.lowercased() == "content-type" }) { headers.append(("Content-Type", "application/json")) }
        return (headers, JSONWriter.write(json))
    }
}
