import CEventPoll
import Glibc
import HTTPWire

/// One thread and the connections confined to it, with the buffers they share.
///
/// The connections' sockets are registered in the worker's `EventPoll`, on which the worker's
/// thread (`WorkerLoop`) waits (see both for why).
///
/// Confinement invariant (why `@unchecked Sendable` is sound): every stored `var`, every
/// `Connection` in `connections`, and `poll` are touched only on `loop`'s thread. Other threads
/// reach a worker only by `loop.async`/`loop.sync`.
final class Worker: @unchecked Sendable {
    let loop: WorkerLoop
    let shared: ServerShared
    let poll: EventPoll
    /// Told about every closed connection; the control plane keeps the count and the lifecycle.
    private let connectionDidClose: @Sendable () -> Void

    /// One read buffer for all connections on this thread: their handlers never overlap.
    let scratch: UnsafeMutableRawBufferPointer
    /// An output buffer lent to the connection currently answering; see `Connection.lendOutbound`.
    var spareOutbound: [UInt8] = []
    private var connections: [Int: Connection] = [:]
    private var nextID = 0
    private var dateSecond = -1
    private var dateBytes: [UInt8] = []

    static let scratchSize = 64 * 1024

    init(index: Int, shared: ServerShared, connectionDidClose: @escaping @Sendable () -> Void) throws(ServerError) {
        poll = try EventPoll()
        loop = try WorkerLoop(poll: poll, name: "gsp-worker-\(index)")
        self.shared = shared
        self.connectionDidClose = connectionDidClose
        scratch = .allocate(byteCount: Self.scratchSize, alignment: 16)
        spareOutbound.reserveCapacity(16 * 1024)
    }

    deinit { scratch.deallocate() }

    /// Starts the worker's thread. It holds the worker until `stopPolling()` ends it.
    func startPolling() throws(ServerError) {
        try loop.start { [self] event in
            connections[Int(truncatingIfNeeded: event.token)]?.handle(EventPoll.Interest(rawValue: event.events))
        }
    }

    /// Once the server has stopped (no connection is left): the thread ends and closes the poll.
    func stopPolling() { loop.stop() }

    /// Takes ownership of an accepted, configured socket. Runs on the worker's thread.
    func adopt(_ fd: Int32) {
        nextID += 1
        let connection = Connection(id: nextID, fd: fd, worker: self, now: shared.clock.nanoseconds())
        connections[connection.id] = connection
        connection.start()
        if shared.isDraining { connection.drain() }
    }

    /// Called by a connection once its fd is closed.
    func remove(_ connection: Connection) {
        connections[connection.id] = nil
        connectionDidClose()
    }

    /// The `Date` header value, recomputed once per wall-clock second.
    func currentDate() -> [UInt8] {
        let second = time(nil)
        if second != dateSecond {
            dateSecond = second
            dateBytes = HTTPDate.imfFixdate(epochSeconds: second)
        }
        return dateBytes
    }

    /// Applies the timeout policy to every connection on this thread.
    func sweep() {
        let now = shared.clock.nanoseconds()
        for connection in connections.values { connection.applyTimeouts(now: now) }
    }

    /// Graceful shutdown: idle connections close now, busy ones after their current response.
    func beginDrain() {
        for connection in connections.values { connection.drain() }
    }

    /// The drain deadline passed: close whatever is left.
    func closeAll() {
        for connection in connections.values { connection.close() }
    }

    func timeoutPhases() -> [ConnectionTimeouts.Phase] {
        connections.values.map(\.timeoutPhase)
    }

    func backlogs() -> [ConnectionBacklog] {
        connections.values.map { ConnectionBacklog(heldRequests: $0.heldEvents.count - $0.nextHeld, unsentBytes: $0.outbound.count - $0.outboundSent) }
    }
}

/// What a connection has parsed but not answered, and answered but not sent (for tests).
struct ConnectionBacklog: Equatable {
    let heldRequests: Int
    let unsentBytes: Int
}
