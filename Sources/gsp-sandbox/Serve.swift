import ArgumentParser
import GSPSandbox
import Glibc
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

    @Option(help: "Seconds a graceful shutdown waits for in-flight requests.")
    var drainTimeout = 10

    func validate() throws {
        do {
            _ = try SocketAddress(host: host, port: port)
        } catch {
            throw ValidationError(error.message)
        }
        guard drainTimeout >= 0 else { throw ValidationError("--drain-timeout must not be negative") }
        for path in scenarios where access(path, R_OK) != 0 {
            throw ValidationError("scenario file \(path) cannot be read: \(String(cString: strerror(errno)))")
        }
    }

    func run() throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "gsp-sandbox")

        var configuration = SandboxConfiguration(host: host, port: port, scenarioPaths: scenarios)
        configuration.server.drainTimeout = .seconds(drainTimeout)
        if !scenarios.isEmpty {
            // Loading scenarios belongs to ScenarioKit, which does not exist yet; say so rather
            // than pretend the files were applied.
            logger.warning("scenario loading is not implemented yet; ignoring \(scenarios.joined(separator: ", "))")
        }

        let sandbox = SandboxServer(configuration: configuration, logger: logger)
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
        logger.info("stopped")
    }
}
