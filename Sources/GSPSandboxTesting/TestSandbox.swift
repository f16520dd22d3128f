import GSPSandbox
import GSTCore
import JSON
import ScenarioKit

/// A sandbox for one test: started in-process on an ephemeral port with the scenario the test
/// picks, a client over a keep-alive connection, helpers for the usual logins, and the control
/// API. Stop it when the test ends (or let it go: `deinit` stops it too).
///
/// ```swift
/// import GSPSandboxTesting
///
/// @Test func savesAnIMSAction() throws {
///     let sandbox = try TestSandbox.start(scenario: .file("Scenarios/tests/ims-basic.json"))
///     defer { sandbox.stop() }
///     let token = try sandbox.authenticate(apiKey: "key_live_ims_basic", secret: "secret_live_ims_basic")
///     let session = try sandbox.taxpayerSession(gstin: "27AAPCA4821K1ZD", apiKey: "key_live_ims_basic", platformToken: token)
///     let reply = try sandbox.get("/gst/compliance/tax-payer/invoices?section=B2B", headers: session.headers)
///     #expect(reply.status == 200)
/// }
/// ```
public final class TestSandbox {
    /// Which world the sandbox starts from.
    public enum ScenarioSource: Sendable {
        /// The built-in default scenario (Scenarios/default.json).
        case `default`
        /// A scenario file on disk.
        case file(String)
        /// A scenario given as JSON text.
        case inline(String)
        /// A scenario already loaded (e.g. by the contract runner).
        case loaded(Scenario)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The running server (its application and world are there for in-process inspection).
    public let server: SandboxServer
    /// The client the helpers use; one keep-alive connection, not for concurrent use.
    public let client: HTTPClient
    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { server.baseURL }
    public let port: Int
    /// The scenario the sandbox serves.
    public var scenario: Scenario { server.application.context.world.scenarios[0] }

    private init(server: SandboxServer) throws {
        self.server = server
        try server.start()
        guard let port = server.port else { throw Failure(description: "the sandbox did not bind a port") }
        self.port = port
        client = HTTPClient(port: port)
    }

    deinit { stop() }

    /// Loads the scenario (throws `ScenarioLoadError` naming file, path and problem when it is
    /// invalid) and starts listening on 127.0.0.1 on a free port.
    public static func start(scenario: ScenarioSource = .default) throws -> TestSandbox {
        let scenarios: [Scenario]
        switch scenario {
        case .default: scenarios = try SandboxWorld.loadScenarios(paths: [])
        case .file(let path): scenarios = try SandboxWorld.loadScenarios(paths: [path])
        case .inline(let text):
            do { scenarios = [try ScenarioLoader.load(bytes: Array(text.utf8), name: "inline scenario")] }
            catch { throw ScenarioLoadError([error]) }
        case .loaded(let loaded): scenarios = [loaded]
        }
        let world = try SandboxWorld(scenarios: scenarios, realTime: .systemWallClock())
        let configuration = SandboxConfiguration(host: "127.0.0.1", port: 0)
        let application = SandboxApplication(configuration: configuration, world: world)
        return try TestSandbox(server: SandboxServer(application: application))
    }

    /// Graceful shutdown; waits (up to 10 s) until the server has stopped. Safe to call twice.
    public func stop() {
        client.close()
        server.shutdown()
        _ = server.waitUntilStopped(timeout: .seconds(10))
    }

    // MARK: Requests

    /// Any request; `json` is sent with `Content-Type: application/json`.
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], json: JSONValue? = nil) throws -> HTTPClient.Response {
        if let json { return try client.request(method, target, headers: headers, json: json) }
        return try client.request(method, target, headers: headers)
    }

    public func get(_ target: String, headers: [(String, String)] = []) throws -> HTTPClient.Response {
        try request("GET", target, headers: headers)
    }

    public func post(_ target: String, headers: [(String, String)] = [], json: JSONValue? = nil) throws -> HTTPClient.Response {
        try request("POST", target, headers: headers, json: json)
    }

    // MARK: Logins

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

    // MARK: Control API

    /// Any control route, e.g. `control("POST", "/_sandbox/tenants/t1/reset")`; `path` may omit
    /// the `/_sandbox` prefix.
    public func control(_ method: String, _ path: String, json: JSONValue? = nil) throws -> HTTPClient.Response {
        let target = path.hasPrefix("/_sandbox") ? path : "/_sandbox" + (path.hasPrefix("/") ? path : "/" + path)
        return try request(method, target, json: json)
    }

    /// `GET /_sandbox/scenario`: clock, credentials, taxpayers and what each period allows.
    public func scenarioSummary(tenant: String? = nil) throws -> JSONValue {
        let reply = try control("GET", "/scenario" + (tenant.map { "?tenant=\($0)" } ?? ""))
        guard reply.status == 200, let json = reply.json else { throw Failure(description: "scenario summary: \(reply.status) \(reply.text)") }
        return json
    }

    /// Resets every tenant to its scenario, in-process (the control route does the same over HTTP
    /// where the sandbox has it).
    public func reset() {
        for tenant in server.application.context.world.registry.tenants { tenant.reset() }
    }

    /// Moves every tenant's virtual clock forward by `milliseconds` (due jobs settle).
    public func advanceClock(milliseconds: Int64) {
        for tenant in server.application.context.world.registry.tenants {
            tenant.write { $0.advanceClock(by: milliseconds) }
        }
    }
}
