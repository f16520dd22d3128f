import SocketServer

/// How a sandbox is set up: where it listens and which scenarios it serves.
public struct SandboxConfiguration: Sendable {
    /// Listener, limits and timeouts for the transport.
    public var server: ServerConfiguration
    /// Scenario files given on the command line, in order.
    public var scenarioPaths: [String]
    /// Entries the request journal keeps (a ring; `serve --journal-size N`).
    public var journalSize: Int = Journal.defaultCapacity
    /// Most documents, listed plus generated, in a scenario loaded through the control API (a new
    /// tenant, `PUT …/scenario`, an import): over it the request is refused with a 400 before
    /// anything is generated (`serve --max-scenario-documents`). 200,000 documents take about 2 s
    /// and 150 MB to generate; files given at start-up are not limited by it.
    public var maxScenarioDocuments: Int = SandboxConfiguration.defaultMaxScenarioDocuments
    public static let defaultMaxScenarioDocuments = 200_000
    /// Who may use the control API besides loopback requests from no other origin (`serve
    /// --allow-origin`, `--allow-host`, `--control-token`).
    public var controlAccess = ControlAccess()
    /// Directories whose files the control API may load as scenarios (`serve --scenario-dir`), besides
    /// the directories of `scenarioPaths`. Nil: `Scenarios/` under the working directory, if present.
    public var scenarioDirectories: [String]?

    public init(host: String = "127.0.0.1", port: Int = 8080, scenarioPaths: [String] = []) {
        self.server = ServerConfiguration(host: host, port: port)
        self.scenarioPaths = scenarioPaths
    }
}
