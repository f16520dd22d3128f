import SocketServer

/// How a sandbox is set up: where it listens and which scenarios it serves.
public struct SandboxConfiguration: Sendable {
    /// Listener, limits and timeouts for the transport.
    public var server: ServerConfiguration
    /// Scenario files given on the command line, in order.
    public var scenarioPaths: [String]
    /// Entries the request journal keeps (a ring; `serve --journal-size N`).
    public var journalSize: Int = Journal.defaultCapacity

    public init(host: String = "127.0.0.1", port: Int = 8080, scenarioPaths: [String] = []) {
        self.server = ServerConfiguration(host: host, port: port)
        self.scenarioPaths = scenarioPaths
    }
}
