import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// One response, parsed.
struct Reply {
    var status: Int
    var headers: HTTPHeaders
    var raw: [UInt8]
    var json: JSONValue

    var code: Int? { json["code"]?.intValue }
    /// `data` of the envelope.
    var data: JSONValue? { json["data"] }
    /// `data.data` of a business success.
    var inner: JSONValue? { json["data"]?["data"] }
    var statusCD: String? { json["data"]?["status_cd"]?.stringValue }
    var errorCode: String? { json["data"]?["error"]?["error_cd"]?.stringValue }
    var errorMessage: String? { json["data"]?["error"]?["message"]?.stringValue }
    var message: String? { json["message"]?.stringValue }
    var text: String { String(decoding: raw, as: UTF8.self) }
}

/// Drives the Sandbox routes in-process: a router over `SandboxRoutes.routes()`, a registry holding
/// one tenant built from `TestWorld` (or any seed), and helpers for the login dance.
final class Harness: Sendable {
    let registry: TenantRegistry
    let context: SandboxAPIContext
    let router: Router<SandboxAPIContext>
    let tenant: Tenant

    init(_ seed: WorldSeed = TestWorld.seed(), realTime: Int64 = TestWorld.now) {
        registry = TenantRegistry(realTime: .fixed(realTime), testTenantSeed: TestWorld.seed())
        tenant = try! registry.createTenant(id: "world", seed: seed)
        context = SandboxAPIContext(registry: registry, realTime: .fixed(realTime))
        router = Router(SandboxRoutes.routes())
    }

    /// Sends a request through the router; asserts the body is JSON with sorted keys, compact.
    func send(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: String = "",
              sourceLocation: SourceLocation = #_sourceLocation) -> Reply {
        let request = HTTPRequest(method: method, target: target, version: .http1_1, headers: HTTPHeaders(headers),
                                  body: Array(body.utf8))
        guard case .found(let route, let params) = router.route(request) else {
            Issue.record("no route for \(method) \(target)", sourceLocation: sourceLocation)
            return Reply(status: 0, headers: [:], raw: [], json: .null)
        }
        let response = route(request, params, context)
        let json: JSONValue
        do { json = try JSONParser.parse(response.body) } catch {
            Issue.record("body is not JSON: \(error) — \(String(decoding: response.body, as: UTF8.self))", sourceLocation: sourceLocation)
            return Reply(status: response.status.code, headers: response.headers, raw: response.body, json: .null)
        }
        #expect(JSONWriter.write(json) == response.body, "keys not sorted / not compact", sourceLocation: sourceLocation)
        #expect(response.headers["Content-Type"] == "application/json", sourceLocation: sourceLocation)
        let reply = Reply(status: response.status.code, headers: response.headers, raw: response.body, json: json)
        // Every response: millisecond timestamp and a UUID transaction id.
        #expect(json["timestamp"]?.numberValue?.isInteger == true, sourceLocation: sourceLocation)
        #expect(isUUID(json["transaction_id"]?.stringValue), "transaction_id \(json["transaction_id"] ?? .null)", sourceLocation: sourceLocation)
        #expect(reply.code == reply.status, "code \(reply.code ?? -1) vs HTTP \(reply.status)", sourceLocation: sourceLocation)
        return reply
    }

    /// Platform token for the world's key.
    func platformToken(key: String = TestWorld.apiKey, secret: String = TestWorld.apiSecret) -> String {
        let r = send(.post, "/authenticate", headers: [("x-api-key", key), ("x-api-secret", secret)])
        return r.data?["access_token"]?.stringValue ?? ""
    }

    /// Full login: authenticate, request OTP, verify → taxpayer token.
    func taxpayerToken(gstin: GSTIN = TestWorld.recipient, username: String = TestWorld.recipientUser,
                       otp: String = TestWorld.recipientOTP, key: String = TestWorld.apiKey) -> String {
        let platform = platformToken()
        let body = #"{"username":"\#(username)","gstin":"\#(gstin.value)"}"#
        let headers = [("authorization", platform), ("x-api-key", key)]
        let g = send(.post, "/gst/compliance/tax-payer/otp", headers: headers, body: body)
        #expect(g.statusCD == "1")
        let v = send(.post, "/gst/compliance/tax-payer/otp/verify?otp=\(otp)", headers: headers, body: body)
        #expect(v.statusCD == "1")
        return v.data?["access_token"]?.stringValue ?? ""
    }

    /// Headers for a taxpayer call.
    static func auth(_ token: String, key: String = TestWorld.apiKey) -> [(String, String)] {
        [("authorization", token), ("x-api-key", key), ("x-api-version", "1.0.0")]
    }

    func advanceClock(by ms: Int64) { tenant.write { $0.advanceClock(by: ms) } }
}

/// A suite whose tests call the taxpayer routes through `h` as one logged-in taxpayer (`token`).
protocol TaxpayerRouteSuite {
    var h: Harness { get }
    var token: String { get }
}

extension TaxpayerRouteSuite {
    func get(_ target: String) -> Reply { h.send(.get, target, headers: Harness.auth(token)) }
    func post(_ target: String, _ body: String = "") -> Reply { h.send(.post, target, headers: Harness.auth(token), body: body) }
}

func isUUID(_ s: String?) -> Bool {
    guard let s else { return false }
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.map(\.count) == [8, 4, 4, 4, 12] else { return false }
    return s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || $0 == 45 }
}
