import Dispatch
import HTTPWire
import Synchronization

/// What every connection reads: the configuration, the responder, the clock, the drain flag and
/// the slow-work thread. Immutable apart from the atomic flag, so it is shared across queues without locks.
final class ServerShared: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let clock: any ServerClock
    let timeouts: ConnectionTimeouts
    let highWaterMark: Int
    /// Where `.slow` requests are answered (`RequestWorkload`): one thread for the whole server, at a
    /// lower priority than the workers, so slow work runs one request at a time, never occupies more
    /// than one core, and yields to the quick requests. It only computes, never blocks on I/O.
    let slowWork = SlowWorkThread()
    private let draining = Atomic<Bool>(false)

    init(configuration: ServerConfiguration, responder: any HTTPResponder, clock: any ServerClock) {
        self.configuration = configuration
        self.responder = responder
        self.clock = clock
        self.timeouts = configuration.timeouts
        self.highWaterMark = max(1, configuration.outboundHighWaterMark)
    }

    deinit { slowWork.stop() }

    /// Once set, every response goes out with `Connection: close`.
    var isDraining: Bool { draining.load(ordering: .relaxed) }

    func beginDraining() { draining.store(true, ordering: .releasing) }

    func diagnose(_ message: @autoclosure () -> String) {
        configuration.diagnostics?(message())
    }
}
