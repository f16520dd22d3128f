import CEventPoll
import Dispatch
import Glibc
import HTTPWire

/// One serial queue and the connections confined to it, with the buffers they share.
///
/// The connections' sockets are registered in the worker's `EventPoll`; one Dispatch read source
/// on the poll's descriptor wakes the queue when any of them is ready (see EventPoll.swift for why).
///
/// Confinement invariant (why `@unchecked Sendable` is sound): every stored `var`, every
/// `Connection` in `connections`, and `poll` are touched only on `queue`. Other queues reach a
/// worker only by `queue.async`/`queue.sync`.
final class Worker: @unchecked Sendable {
    let queue: DispatchQueue
    let shared: ServerShared
    let poll: EventPoll
    private var pollSource: (any DispatchSourceRead)?
    /// Told about every closed connection; the control plane keeps the count and the lifecycle.
    private let connectionDidClose: @Sendable () -> Void

    /// One read buffer for all connections on this queue: handlers on a serial queue never overlap.
    let scratch: UnsafeMutableRawBufferPointer
    /// An output buffer lent to the connection currently answering; see `Connection.lendOutbound`.
    var spareOutbound: [UInt8] = []
    private var connections: [Int: Connection] = [:]
    private var nextID = 0
    private var dateSecond = -1
    private var dateBytes: [UInt8] = []

    static let scratchSize = 64 * 1024

    init(index: Int, shared: ServerShared, connectionDidClose: @escaping @Sendable () -> Void) throws(ServerError) {
        queue = DispatchQueue(label: "gsp.socketserver.worker.\(index)")
        poll = try EventPoll()
        self.shared = shared
        self.connectionDidClose = connectionDidClose
        scratch = .allocate(byteCount: Self.scratchSize, alignment: 16)
        spareOutbound.reserveCapacity(16 * 1024)
    }

    deinit { scratch.deallocate() }

    /// Starts watching the poll. The source holds the worker until `stopPolling()` cancels it.
    func startPolling() {
        let source = DispatchSource.makeReadSource(fileDescriptor: poll.fd, queue: queue)
        source.setEventHandler { [self] in pollReady() }
        source.setCancelHandler { [self] in poll.close() }
        pollSource = source
        source.resume()
    }

    /// Runs on `queue` once the server has stopped: no connection is left.
    func stopPolling() {
        pollSource?.cancel()
        pollSource = nil
    }

    /// Serves every ready connection. A bounded number of rounds, so that timers, adoptions and
    /// sweeps queued behind this handler get their turn; the poll is level-triggered and the
    /// source fires again for whatever is left.
    private func pollReady() {
        for _ in 0..<4 {
            let ready = poll.ready()
            for event in ready {
                connections[Int(truncatingIfNeeded: event.token)]?.handle(EventPoll.Interest(rawValue: event.events))
            }
            if ready.count < EventPoll.batchSize { return }
        }
    }

    /// Takes ownership of an accepted, configured socket. Runs on `queue`.
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

    /// Applies the timeout policy to every connection on this queue.
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
