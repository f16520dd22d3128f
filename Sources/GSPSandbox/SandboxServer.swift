import Logging
import SocketServer

/// A sandbox bound to a socket: the application plus the HTTP server that feeds it. The CLI's
/// `serve` and in-process test helpers both start one of these.
public final class SandboxServer: Sendable {
    public let application: SandboxApplication
    private let server: HTTPServer

    public init(
        configuration: SandboxConfiguration,
        logger: Logger = Logger(label: "gsp-sandbox"),
        clock: any ServerClock = MonotonicClock()
    ) {
        application = SandboxApplication(configuration: configuration)
        var serverConfiguration = configuration.server
        let previous = serverConfiguration.diagnostics
        serverConfiguration.diagnostics = { message in
            logger.warning("\(message)")
            previous?(message)
        }
        server = HTTPServer(configuration: serverConfiguration, responder: application, clock: clock)
    }

    /// Starts listening; when this returns, requests are answered.
    public func start() throws(ServerError) {
        try server.start()
    }

    /// The bound address (the real port when 0 was asked for).
    public var localAddress: SocketAddress? { server.localAddress }

    /// The bound port (the real one when 0 was asked for); nil before `start()`.
    public var port: Int? { server.localAddress?.port }

    /// `http://HOST:PORT`, the base URL clients use.
    public var baseURL: String { "http://\(server.localAddress?.description ?? "?")" }

    public var state: ServerState { server.state }

    /// Graceful shutdown; returns at once.
    public func shutdown() { server.shutdown() }

    public func waitUntilStopped() { server.waitUntilStopped() }

    public func waitUntilStopped(timeout: Duration) -> Bool { server.waitUntilStopped(timeout: timeout) }

    /// The transport, for tests that drive timeouts with a `ManualClock`.
    public var httpServer: HTTPServer { server }
}
