import GSPSandbox
import GSTCore
import JSON
import ScenarioKit

/// A sandbox for one test: started in-process with the scenario the test picks, helpers for the
/// usual logins, and the control API. Over a socket (the default) it listens on 127.0.0.1 on an
/// ephemeral port and the helpers use a keep-alive connection, so the transport is part of what a
/// test checks; `.inProcess` hands each request straight to the application instead, for fast
/// unit-style tests. Stop it when the test ends (or let it go: `deinit` stops it too).
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

    /// How the helpers' requests reach the application.
    public enum Transport: Sendable, Equatable {
        /// Over a TCP connection to a server on 127.0.0.1: what a client in CI does, parser and
        /// socket included.
        case socket
        /// Straight into `SandboxApplication.respond(to:)` with a request built in memory: no
        /// socket, no server threads. The response is serialized and read back as the socket
        /// transport would (status, headers with Content-Length, body); a fault rule's delay is
        /// slept and a dropped connection throws `HTTPClient.Failure`.
        case inProcess
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let transport: Transport
    /// The application every request reaches, in either transport: router, world, observer.
    public let application: SandboxApplication
    /// The server over `application`: listening with `.socket`; built but never started with
    /// `.inProcess`.
    public let server: SandboxServer
    /// The client the helpers use with `.socket` (one keep-alive connection, not for concurrent
    /// use). With `.inProcess` nothing listens, and every request it sends throws.
    public let client: HTTPClient
    /// `http://127.0.0.1:PORT`; empty with `.inProcess`, where nothing listens.
    public var baseURL: String { transport == .socket ? server.baseURL : "" }
    /// The port the server listens on; 0 with `.inProcess`.
    public let port: Int
    /// The scenario the sandbox serves.
    public var scenario: Scenario { application.context.world.scenarios[0] }

    private init(application: SandboxApplication, transport: Transport) throws {
        self.application = application
        self.transport = transport
        server = SandboxServer(application: application)
        switch transport {
        case .socket:
            try server.start()
            guard let port = server.port else { throw Failure(description: "the sandbox did not bind a port") }
            self.port = port
            client = HTTPClient(port: port)
        case .inProcess:
            port = 0
            client = HTTPClient(unavailable: "this TestSandbox is in-process, nothing listens: use its request, get, post or control")
        }
    }

    deinit { stop() }

    /// Loads the scenario (throws `ScenarioLoadError` naming file, path and problem when it is
    /// invalid) and, with `.socket`, starts listening on 127.0.0.1 on a free port.
    /// `configure` adjusts the configuration before the application is built, e.g. a control token
    /// (`controlAccess.token`) that `control(…)` and `request(…)` then send on every control call.
    public static func start(scenario: ScenarioSource = .default, transport: Transport = .socket,
                             configure: (inout SandboxConfiguration) -> Void = { _ in }) throws -> TestSandbox {
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
        var configuration = SandboxConfiguration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        let application = SandboxApplication(configuration: configuration, world: world)
        return try TestSandbox(application: application, transport: transport)
    }

    /// Graceful shutdown; waits (up to 10 s) until the server has stopped. Safe to call twice, and
    /// a no-op in-process.
    public func stop() {
        guard transport == .socket else { return }
        client.close()
        server.shutdown()
        _ = server.waitUntilStopped(timeout: .seconds(10))
    }

    // MARK: World

    /// Resets every tenant to its scenario, in-process (the control route does the same over HTTP
    /// where the sandbox has it).
    public func reset() {
        for tenant in application.context.world.registry.tenants { tenant.reset() }
    }

    /// Moves every tenant's virtual clock forward by `milliseconds` (due jobs settle); a clock never
    /// leaves 1900-01-01…9998-12-31 IST (`TenantClock.validRange`): a larger move stops at its end.
    public func advanceClock(milliseconds: Int64) {
        for tenant in application.context.world.registry.tenants {
            tenant.write { $0.advanceClock(by: milliseconds) }
        }
    }
}
