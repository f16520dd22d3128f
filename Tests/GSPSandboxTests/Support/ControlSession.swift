import GSTCore
import JSON
import Testing

/// Logs a Sandbox client in (platform token, taxpayer OTP session) and returns the headers the
/// taxpayer routes need. Shared by the control-API tests.
enum ControlSession {
    static let base = "/gst/compliance/tax-payer"

    static func login(_ sandbox: LiveSandbox, key: String, secret: String, gstin: String, username: String, otp: String) throws -> [String: String] {
        let auth = try sandbox.call("POST", "/authenticate", headers: ["x-api-key": key, "x-api-secret": secret])
        #expect(auth.status == 200)
        let platform = try #require(auth.json["data"]?["access_token"]?.stringValue)
        let headers = ["x-api-key": key, "authorization": platform]
        let who: JSONValue = ["username": .string(username), "gstin": .string(gstin)]
        _ = try sandbox.call("POST", "\(base)/otp", headers: headers, body: who)
        let verified = try sandbox.call("POST", "\(base)/otp/verify?otp=\(otp)", headers: headers, body: who)
        return ["x-api-key": key, "authorization": try #require(verified.json["data"]?["access_token"]?.stringValue)]
    }

    /// A fresh `key_test_` tenant of the default scenario, logged in as Acme Retail.
    static func defaultTenant(_ sandbox: LiveSandbox, _ tag: String) throws -> (key: String, headers: [String: String]) {
        let key = "key_test_\(tag)_\(UInt32.random(in: 0...UInt32.max))"
        let headers = try login(sandbox, key: key, secret: "secret_test_\(tag)", gstin: EndToEndFlowTests.gstin,
                                username: "acme.retail", otp: "575757")
        return (key, headers)
    }

    /// A vendor reply without what legitimately differs between two identical calls.
    static func stable(_ json: JSONValue) -> JSONValue {
        guard case .object(var o) = json else { return json }
        o["timestamp"] = nil
        o["transaction_id"] = nil
        return .object(o)
    }
}
