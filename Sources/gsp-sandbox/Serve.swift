import ArgumentParser
import GSPSandbox
import Glibc
import HTTPWire
import Logging
import SocketServer

/// `gsp-sandbox serve`: listen until SIGTERM/SIGINT, then drain and exit 0.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the sandbox over HTTP until SIGTERM or SIGINT.",
        discussion: """
            Once listening, prints one line containing the base URL (http://HOST:PORT) to standard \
            output, so scripts can read the port when --port 0 picks a free one.
            """
    )

    @Option(help: "Address to listen on (IPv4, IPv6 or localhost). Use 0.0.0.0 or :: for all interfaces.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port = 8080

    @Option(name: .customLong("scenario"), help: "A scenario file to load (repeatable).")
    var scenarios: [String] = []

    @Flag(help: "Reload a --scenario file into its tenant when it changes on disk (polled every 500 ms).")
    var watch = false

    @Option(help: "Load all tenants from this file at start if it exists (over the --scenario tenants of the same id), and save them to it on graceful shutdown.")
    var stateFile: String?

    @Option(help: "Seconds a graceful shutdown waits for in-flight requests.")
    var drainTimeout = 10

    @Option(help: "Requests the journal keeps (a ring: the oldest are overwritten).")
    var journalSize = 10_000

    @Option(help: "Most documents (listed plus generated) in a scenario loaded through the control API: a new tenant, PUT …/scenario, an import. Over it: 400.")
    var maxScenarioDocuments = SandboxConfiguration.defaultMaxScenarioDocuments

    @Option(help: "Largest request body in bytes, so the largest import or inline scenario. Over it: 413.")
    var maxBodyBytes = ParserLimits.default.maxBodyBytes

    @Option(name: .customLong("scenario-dir"), help: ArgumentHelp(
        "A directory whose scenario files the control API may load by path (repeatable).",
        discussion: "Besides each --scenario file's directory. Default: Scenarios/ in the working directory, when present. Other paths answer 400 \"not an allowed scenario path\"."))
    var scenarioDirectories: [String] = []

    @Option(name: .customLong("allow-origin"), help: ArgumentHelp(
        "An origin (http://localhost:3000) whose pages may call the control API (repeatable; * for any).",
        discussion: "Vendor routes answer every origin regardless; the control API only the sandbox's own pages by default."))
    var allowedOrigins: [String] = []

    @Option(name: .customLong("allow-host"), help: ArgumentHelp(
        "A host name control requests may name besides loopback ones, e.g. a Docker service name (repeatable; * for any).",
        discussion: "Other Host values get 421 on the control API (DNS rebinding); vendor routes answer any host."))
    var allowedHosts: [String] = []

    @Option(help: ArgumentHelp(
        "A token every control request (but /_sandbox/health) must carry in X-Sandbox-Control-Token.",
        discussion: "Default: the environment variable \(ControlAccess.tokenEnvironmentVariable), if set and not empty."))
    var controlToken: String?

    func validate() throws {
        do {
            _ = try SocketAddress(host: host, port: port)
        } catch {
            throw ValidationError(error.message)
        }
        guard drainTimeout >= 0 else { throw ValidationError("--drain-timeout must not be negative") }
        guard journalSize >= 1 else { throw ValidationError("--journal-size must be at least 1") }
        guard maxScenarioDocuments >= 0 else { throw ValidationError("--max-scenario-documents must not be negative") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
        for directory in scenarioDirectories where !ScenarioFiles.isDirectory(directory) {
            throw ValidationError("--scenario-dir \(directory) is not a directory")
        }
        for origin in allowedOrigins where origin != "*" && !(origin.hasPrefix("http://") || origin.hasPrefix("https://")) {
            throw ValidationError("--allow-origin \(origin) is not an origin like http://localhost:3000 (or *)")
        }
        if let controlToken, controlToken.isEmpty { throw ValidationError("--control-token must not be empty") }
        for path in scenarios where access(path, R_OK) != 0 {
            throw ValidationError("scenario file \(path) cannot be read: \(String(cString: strerror(errno)))")
        }
    }

    func run() throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "gsp-sandbox")

        var configuration = SandboxConfiguration(host: host, port: port, scenarioPaths: scenarios)
        configuration.server.drainTimeout = .seconds(drainTimeout)
        configuration.journalSize = journalSize
        configuration.maxScenarioDocuments = maxScenarioDocuments
        configuration.server.parserLimits.maxBodyBytes = maxBodyBytes
        if !scenarioDirectories.isEmpty { configuration.scenarioDirectories = scenarioDirectories }
        configuration.controlAccess = ControlAccess(
            allowedOrigins: allowedOrigins, allowedHosts: allowedHosts,
            token: controlToken ?? ControlAccess.tokenFromEnvironment())
        let sandbox: SandboxServer
        // A generated world of a million documents takes seconds to build: say what is happening.
        logger.info("building \(scenarios.isEmpty ? "the built-in default scenario" : "\(scenarios.count) scenario file(s)")")
        let buildStart = ContinuousClock.now
        do {
            sandbox = try SandboxServer(configuration: configuration, logger: logger)
        } catch {
            // Refuse to start on an invalid scenario: one `FILE: $.path: problem` line each.
            let text = "gsp-sandbox: invalid scenario\n" + error.description + "\n"
            _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            throw ExitCode(65)  // EX_DATAERR
        }
        let world = sandbox.application.context.world
        let built = ContinuousClock.now - buildStart
        let milliseconds = built.components.seconds * 1000 + built.components.attoseconds / 1_000_000_000_000_000
        for (tenant, documents) in world.documentCounts() {
            logger.info("tenant \(tenant): \(documents) documents (worlds built in \(milliseconds) ms)")
        }
        if let stateFile {
            do {
                let restored = try StateFile.load(from: stateFile, into: world)
                if !restored.isEmpty { logger.info("restored \(restored.count) tenant(s) from \(stateFile)") }
            } catch {
                let text = "gsp-sandbox: invalid state file\n" + error.description + "\n"
                _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
                throw ExitCode(65)
            }
        }
        let watcher = watch
            ? ScenarioWatcher(context: sandbox.application.context, scenarioPaths: scenarios, logger: logger)
            : nil
        let trap = SignalTrap { signal in
            logger.info("received signal \(signal); draining")
            sandbox.shutdown()
        }
        try sandbox.start()
        // One unbuffered write: scripts wait for this line, so it must not sit in a stdio buffer.
        // (Not print: it boxes its argument in Any, and the dynamic casts that follow scan every
        // protocol conformance in the binary, which costs start-up time and resident pages.)
        let line = Array("gsp-sandbox listening on \(sandbox.baseURL)\n".utf8)
        _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        sandbox.waitUntilStopped()
        trap.cancel()
        watcher?.cancel()
        if let stateFile {
            do {
                let count = try StateFile.save(world, to: stateFile)
                logger.info("saved \(count) tenant(s) to \(stateFile)")
            } catch {
                logger.error("\(error.description)")
                throw ExitCode(74)  // EX_IOERR
            }
        }
        logger.info("stopped")
    }
}
