import GSTCore
import JSON
import ScenarioKit

extension TestSandbox {
    /// Sandbox's `POST /authenticate`; returns the platform access token. A key the scenario does
    /// not know must start `key_test_` (with a `secret_test_` secret): it gets a fresh tenant.
    public func authenticate(apiKey: String, secret: String? = nil) throws -> String {
        let secret = secret ?? scenario.world.credentials.sandboxKeys[apiKey] ?? "secret_test_gsp_sandbox_testing"
        let reply = try post("/authenticate", headers: [("x-api-key", apiKey), ("x-api-secret", secret)])
        guard reply.status == 200, let token = reply.json?["data"]?["access_token"]?.stringValue else {
            throw Failure(description: "authenticate failed: \(reply.status) \(reply.text)")
        }
        return token
    }

    /// A taxpayer session: the headers every taxpayer route needs, and the session token.
    public struct TaxpayerSession: Sendable {
        public let apiKey: String
        public let token: String
        /// `x-api-key` and `authorization` (no "Bearer", as Sandbox wants it).
        public var headers: [(String, String)] { [("x-api-key", apiKey), ("authorization", token)] }
    }

    /// Authenticates (when no `platformToken` is given) and runs the OTP flow for a taxpayer of the
    /// scenario, with the username and OTP the scenario gives it.
    public func taxpayerSession(gstin: String, apiKey: String? = nil, platformToken: String? = nil) throws -> TaxpayerSession {
        guard let taxpayer = scenario.world.taxpayers.first(where: { $0.gstin.value == gstin }) else {
            throw Failure(description: "the scenario has no taxpayer \(gstin)")
        }
        let key = apiKey ?? scenario.world.credentials.sandboxKeys.keys.sorted().first ?? "key_test_gsp_sandbox_testing"
        let platform = try platformToken ?? authenticate(apiKey: key)
        let headers = [("x-api-key", key), ("authorization", platform)]
        let body: JSONValue = ["username": .string(taxpayer.username), "gstin": .string(gstin)]
        let otp = try post("/gst/compliance/tax-payer/otp", headers: headers, json: body)
        guard otp.json?["data"]?["status_cd"] == "1" else { throw Failure(description: "OTP request failed: \(otp.text)") }
        let verified = try post("/gst/compliance/tax-payer/otp/verify?otp=\(taxpayer.otp)", headers: headers, json: body)
        guard let token = verified.json?["data"]?["access_token"]?.stringValue else {
            throw Failure(description: "OTP verify failed: \(verified.text)")
        }
        return TaxpayerSession(apiKey: key, token: token)
    }
}
