import Dispatch
import HTTPWire

/// An HTTP/1.1 server on POSIX sockets and Dispatch that hands every request to an `HTTPResponder`.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(port: 0), responder: app)
/// try server.start()
/// print("listening on http://\(server.localAddress!)")
/// server.waitUntilStopped()        // until shutdown() (e.g. from a SIGTERM handler)
/// ```
///
/// Lifecycle: `idle → running → draining → stopped`. `shutdown()` stops accepting, closes idle
/// connections after `idleDrainGrace` (answering a request that arrives meanwhile), lets in-flight
/// requests finish (their responses carry `Connection: close`) and force-closes what is left after
/// `drainTimeout`.
public final class HTTPServer: Sendable {
    private let control: ServerControl

    public init(
        configuration: ServerConfiguration = ServerConfiguration(),
        responder: any HTTPResponder,
        clock: any ServerClock = MonotonicClock()
    ) {
        control = ServerControl(shared: ServerShared(configuration: configuration, responder: responder, clock: clock))
    }

    /// Binds, listens and starts serving; returns once the socket is listening, so a client may
    /// connect as soon as this returns.
    public func start() throws(ServerError) {
        let result: Result<Void, ServerError> = control.queue.sync {
            do throws(ServerError) {
                try control.start()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// The address actually bound (with the kernel's port when the configuration said 0).
    public var localAddress: SocketAddress? {
        control.queue.sync { control.localAddress }
    }

    public var state: ServerState {
        control.queue.sync { control.lifecycle.state }
    }

    /// Connections accepted and not yet closed.
    public var openConnections: Int {
        control.queue.sync { control.lifecycle.openConnections }
    }

    /// Starts a graceful shutdown and returns at once. Safe to call repeatedly and from any thread.
    public func shutdown() {
        control.queue.async { [control] in control.beginDrain() }
    }

    /// Blocks until the server is stopped. Call it from a thread of your own (the main thread of
    /// the CLI, a test), never from a Dispatch queue.
    public func waitUntilStopped() {
        control.stoppedGroup.wait()
    }

    /// Like `waitUntilStopped()`, giving up after `timeout`; returns true if the server stopped.
    public func waitUntilStopped(timeout: Duration) -> Bool {
        let nanos = Int(clamping: timeout.nanoseconds)
        return control.stoppedGroup.wait(timeout: .now() + .nanoseconds(nanos)) == .success
    }

    /// Runs one timeout sweep now and returns when every connection has been checked. The server
    /// also sweeps on its own every `sweepInterval`; tests use this with a `ManualClock`.
    public func sweepTimeouts() {
        let workers = control.queue.sync { control.workers }
        for worker in workers { worker.loop.sync { worker.sweep() } }
    }

    /// Each open connection's timeout phase, for tests that must know the server has consumed
    /// bytes before they move a `ManualClock`.
    func connectionPhases() -> [ConnectionTimeouts.Phase] {
        let workers = control.queue.sync { control.workers }
        return workers.flatMap { worker in worker.loop.sync { worker.timeoutPhases() } }
    }

    /// Each open connection's held requests and unsent bytes, for backpressure tests.
    func connectionBacklogs() -> [ConnectionBacklog] {
        let workers = control.queue.sync { control.workers }
        return workers.flatMap { worker in worker.loop.sync { worker.backlogs() } }
    }
}
