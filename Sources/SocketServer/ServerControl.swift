import CEventPoll
import Dispatch
import Glibc
import HTTPWire

/// The control plane: the listening socket and its accept source, the connection count and cap,
/// the timeout sweep, and the lifecycle (start, drain, stop).
///
/// Confinement invariant (why `@unchecked Sendable` is sound): every stored `var` is touched only
/// on `queue`; `HTTPServer` and the workers reach it with `queue.async`/`queue.sync`.
final class ServerControl: @unchecked Sendable {
    let queue = DispatchQueue(label: "gsp.socketserver.control")
    let shared: ServerShared
    /// Left once when the server reaches `.stopped`; `waitUntilStopped` waits on it.
    let stoppedGroup = DispatchGroup()

    private(set) var lifecycle = ServerLifecycle()
    private(set) var workers: [Worker] = []
    private(set) var localAddress: SocketAddress?
    private var listenFD: Int32 = -1
    private var acceptSource: (any DispatchSourceRead)?
    private var acceptSuspended = false
    private var backoffScheduled = false
    private var maxConnections = 0
    private var nextWorker = 0
    private var sweepTimer: (any DispatchSourceTimer)?
    private var drainTimer: (any DispatchSourceTimer)?

    init(shared: ServerShared) {
        self.shared = shared
    }

    // MARK: Start

    func start() throws(ServerError) {
        guard lifecycle.state == .idle else {
            throw ServerError(operation: "start", errno: 0, message: "the server was already started")
        }
        let configuration = shared.configuration
        let address = try SocketAddress(host: configuration.host, port: configuration.port)
        ProcessSetup.ignoreSIGPIPE()
        var fdLimit = 1024
        if configuration.raiseFileDescriptorLimit {
            fdLimit = ProcessSetup.raiseFileDescriptorLimit()
        } else {
            var limit = rlimit()
            if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { fdLimit = Int(clamping: limit.rlim_cur) }
        }
        // Keep some descriptors for the process itself (logs, scenario files, the listener).
        maxConnections = max(1, min(configuration.maxConnections, fdLimit - 64))

        var workers: [Worker] = []
        for index in 0..<max(1, configuration.queueCount) {
            workers.append(try Worker(index: index, shared: shared) { [self] in queue.async { self.connectionClosed() } })
        }
        let (fd, bound): (Int32, SocketAddress)
        do {
            for worker in workers { try worker.startPolling() }
            (fd, bound) = try ListeningSocket.open(address, backlog: configuration.backlog)
        } catch {
            for worker in workers { worker.stopPolling() }  // a thread started before the failure ends
            throw error
        }
        _ = lifecycle.start()
        stoppedGroup.enter()
        listenFD = fd
        localAddress = bound
        self.workers = workers

        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [self] in acceptPending() }
        source.setCancelHandler { [self] in
            Glibc.close(fd)
            if lifecycle.listenerDidClose() { finishStop() }
        }
        acceptSource = source
        source.resume()

        let interval = DispatchTimeInterval.nanoseconds(Int(clamping: configuration.sweepInterval.nanoseconds))
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
        timer.setEventHandler { [self] in sweep() }
        sweepTimer = timer
        timer.resume()
    }

    // MARK: Accepting

    /// Accepts until EAGAIN (libdispatch does not tell how many are pending), at most a batch per
    /// event so the control queue stays responsive.
    private func acceptPending() {
        for _ in 0..<256 {
            guard lifecycle.openConnections < maxConnections else {
                shared.diagnose("connection cap \(maxConnections) reached; accepting paused")
                pauseAccepting()
                return
            }
            let fd = gsp_accept_nonblocking(listenFD)
            if fd < 0 {
                let error = errno
                switch error {
                case EAGAIN, EWOULDBLOCK:
                    return
                case EINTR, ECONNABORTED, EPROTO, EPERM:
                    continue
                default:
                    // EMFILE/ENFILE/ENOBUFS/ENOMEM: the listener stays readable, so a level-triggered
                    // source would spin. Pause and try again after a moment.
                    shared.diagnose("accept failed: \(ServerError(operation: "accept", errno: error)); backing off")
                    backOff()
                    return
                }
            }
            ListeningSocket.configureAccepted(fd)
            lifecycle.connectionOpened()
            let worker = workers[nextWorker]
            nextWorker = (nextWorker + 1) % workers.count
            worker.loop.async { worker.adopt(fd) }
        }
    }

    private func pauseAccepting() {
        guard let source = acceptSource, !acceptSuspended else { return }
        acceptSuspended = true
        source.suspend()
    }

    private func resumeAcceptingIfPossible() {
        guard let source = acceptSource, acceptSuspended, !backoffScheduled,
            lifecycle.state == .running, lifecycle.openConnections < maxConnections
        else { return }
        acceptSuspended = false
        source.resume()
    }

    private func backOff() {
        pauseAccepting()
        guard !backoffScheduled else { return }
        backoffScheduled = true
        let delay = DispatchTimeInterval.nanoseconds(Int(clamping: shared.configuration.acceptBackoff.nanoseconds))
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            backoffScheduled = false
            resumeAcceptingIfPossible()
        }
    }

    private func connectionClosed() {
        if lifecycle.connectionClosed() {
            finishStop()
        } else {
            resumeAcceptingIfPossible()
        }
    }

    // MARK: Timeouts

    func sweep() {
        for worker in workers { worker.loop.async { worker.sweep() } }
    }

    // MARK: Shutdown

    func beginDrain() {
        guard lifecycle.requestDrain() == .beginDrain else { return }
        shared.beginDraining()
        if let source = acceptSource {
            if acceptSuspended {  // never cancel (or release) a suspended source
                acceptSuspended = false
                source.resume()
            }
            source.cancel()
        }
        for worker in workers { worker.loop.async { worker.beginDrain() } }
        let deadline = DispatchTimeInterval.nanoseconds(Int(clamping: shared.configuration.drainTimeout.nanoseconds))
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + deadline)
        timer.setEventHandler { [self] in
            shared.diagnose("drain timeout: closing \(lifecycle.openConnections) connection(s)")
            for worker in workers { worker.loop.async { worker.closeAll() } }
        }
        drainTimer = timer
        timer.resume()
    }

    private func finishStop() {
        sweepTimer?.cancel()
        drainTimer?.cancel()
        sweepTimer = nil
        drainTimer = nil
        acceptSource = nil
        for worker in workers { worker.stopPolling() }  // after the jobs sent before
        workers = []  // the workers hold this object; dropping them ends the cycle
        stoppedGroup.leave()
    }
}
