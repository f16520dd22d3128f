import Glibc
import HTTPWire

/// One accepted socket: reads and parses requests, answers them in order, writes the answers in
/// one coalesced `send` per batch, and enforces backpressure, half-close and timeouts.
///
/// Confinement invariant (why `@unchecked Sendable` is sound): the connection is created on its
/// worker's thread, its readiness events arrive on that thread (`Worker.startPolling`), and every
/// other caller reaches it via that thread's `WorkerLoop`, so its mutable state is never touched
/// concurrently.
///
/// The socket is registered in the worker's `EventPoll`; `updateInterest()` keeps the registration
/// in step with the state below (reading unless paused or over, writing while output waits).
/// `close()` removes it from the poll and closes it at once, and nothing touches the descriptor
/// afterwards (its number may already belong to a new connection).
final class Connection: @unchecked Sendable {
    let id: Int
    let fd: Int32
    /// Strong: the worker keeps the connection in its table until the fd is closed, and the
    /// connection drops out of it then, so the cycle is always broken (and a strong `let` costs no
    /// reference counting on the hot path, unlike `unowned`).
    let worker: Worker
    let shared: ServerShared

    var parser: RequestParser
    /// Reading is suspended (backpressure, a pending delay) and resumes later.
    var readPaused = false
    /// Reading is over for good (the peer closed its side).
    var readCancelled = false
    /// Output is waiting for the socket to drain.
    var writeArmed = false
    /// What the poll currently watches for this socket.
    var registered: EventPoll.Interest = []

    /// Serialized responses not yet sent, and how much of them is.
    var outbound: [UInt8] = []
    var outboundSent = 0
    /// A final response is queued (error, `Connection: close`, drain or peer EOF): after it is
    /// sent, stop reading requests and close.
    var closeAfterFlush = false
    /// The peer shut its write side (read returned 0).
    var peerClosed = false
    /// Our final response is out and our write side is shut; we discard input until the peer
    /// closes, so the kernel does not answer unread bytes with an RST that destroys the response.
    var lingering = false
    var closing = false
    /// An answer is being produced outside this handler (slow work, a delayed response); see
    /// Connection+Delivery.swift. Later requests wait behind it, so answers stay in order.
    var awaitingAnswer = false
    /// Parsed requests not answered yet: they arrived behind an awaited answer, or while more than
    /// the high-water mark of output was unsent. Reading is paused while any are held, so this
    /// holds at most what one read brought. `heldEvents[nextHeld...]` are still to answer.
    var heldEvents: [ParseEvent] = []
    var nextHeld = 0

    // Monotonic timestamps for `ConnectionTimeouts`.
    var idleSince: UInt64
    var headStartedAt: UInt64 = 0
    var lastReadAt: UInt64 = 0
    var lastWriteProgressAt: UInt64 = 0
    var lingerSince: UInt64 = 0

    init(id: Int, fd: Int32, worker: Worker, now: UInt64) {
        self.id = id
        self.fd = fd
        self.worker = worker
        self.shared = worker.shared
        self.parser = RequestParser(limits: shared.configuration.parserLimits)
        self.idleSince = now
    }

    func start() {
        registered = .read
        if !worker.poll.add(fd, interest: registered, token: UInt64(id)) {
            shared.diagnose("epoll_ctl(ADD) failed: \(ServerError.lastError("epoll_ctl"))")
            close()
        }
    }

    /// One readiness report from the poll.
    func handle(_ events: EventPoll.Interest) {
        if events.contains(.error) { close(); return }  // reset or failed: nobody to answer
        if events.contains(.write) { flush(now: shared.clock.nanoseconds()) }
        if closing { return }
        if events.contains(.read) || events.contains(.hangUp) {
            if registered.contains(.read) {
                readable()
            } else if events.contains(.hangUp) {
                close()  // both directions are shut and we were not reading: nothing more can happen
            }
        }
    }

    /// Tells the poll what this connection waits for now; a syscall only when it changed.
    func updateInterest() {
        guard !closing else { return }
        var wanted: EventPoll.Interest = []
        if !readPaused && !readCancelled { wanted.insert(.read) }
        if writeArmed { wanted.insert(.write) }
        if wanted != registered {
            registered = wanted
            worker.poll.modify(fd, interest: wanted, token: UInt64(id))
        }
    }

    // MARK: Reading

    /// Drains the socket into the parser and answers every complete request, then flushes once.
    func readable() {
        if lingering { discardInput(); return }
        guard !closing, !closeAfterFlush, !awaitingAnswer, !hasHeldRequests else { return }
        let now = shared.clock.nanoseconds()
        let scratch = worker.scratch
        // A bounded number of reads per event keeps one busy client from starving the thread;
        // the poll is level-triggered, so whatever is left is reported again.
        var reads = 0
        readLoop: while reads < 16 {
            let count = recv(fd, scratch.baseAddress, scratch.count, 0)
            if count > 0 {
                reads += 1
                if !parser.hasPartialRequest { headStartedAt = now }
                lastReadAt = now
                let events = parser.feed(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                if !events.isEmpty { answer(events, now: now) }
                if closeAfterFlush || mustHoldRequests || hasHeldRequests { break }
                if count < scratch.count { break }  // short read: the socket is drained
            } else if count == 0 {
                peerDidClose()
                break
            } else {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK: break readLoop
                default: close(); return  // ECONNRESET and friends: nobody to answer
                }
            }
        }
        flush(now: now)
    }

    /// Turns parser events into serialized responses, in order. While an answer is awaited or the
    /// unsent output is over the high-water mark, the rest are held (and reading pauses): a client
    /// that pipelines requests and never reads gets at most about the high-water mark of answers
    /// computed, not one per request it sent.
    func answer(_ events: [ParseEvent], now: UInt64) {
        for index in events.indices {
            if closeAfterFlush { return }  // nothing after a final response is answered
            if mustHoldRequests {
                hold(events[index...])
                return
            }
            answer(events[index], moreBehind: index + 1 < events.endIndex, now: now)
        }
    }

    /// - Parameter moreBehind: requests already parsed wait behind this one (see `write`).
    private func answer(_ event: ParseEvent, moreBehind: Bool, now: UInt64) {
        switch event {
        case .request(let request):
            if shared.responder.workload(of: request) == .slow {
                answerOffWorker(request)
                return
            }
            let response = shared.responder.respond(to: request)
            if response.delivery != .immediate {
                deliver(response, to: request, moreBehind: moreBehind, now: now)
                return
            }
            write(response, for: request, moreBehind: moreBehind, now: now)
        case .continueExpected:
            lendOutbound(now: now)
            outbound.append(contentsOf: ResponseSerializer.continueResponse)
        case .error(let error):
            queueFinalResponse(ErrorResponse.make(error.status, reason: error.reason), now: now)
        }
    }

    /// Requests must wait: an earlier answer is still being produced, or enough output is unsent.
    var mustHoldRequests: Bool {
        awaitingAnswer || outbound.count - outboundSent > shared.highWaterMark
    }

    var hasHeldRequests: Bool { nextHeld < heldEvents.count }

    /// Only called with nothing held: reading is paused while anything is.
    private func hold(_ events: ArraySlice<ParseEvent>) {
        heldEvents.append(contentsOf: events)
        pauseReading()
    }

    /// Answers held requests while nothing stands in their way; false if it answered none. After
    /// a final response the rest are dropped, as any request after it would be.
    func answerHeldRequests(now: UInt64) -> Bool {
        guard hasHeldRequests, !mustHoldRequests else { return false }
        while hasHeldRequests, !closeAfterFlush, !mustHoldRequests {
            let event = heldEvents[nextHeld]
            nextHeld += 1  // an index, not removeFirst: draining N held requests stays O(N)
            answer(event, moreBehind: hasHeldRequests, now: now)
        }
        if !hasHeldRequests || closeAfterFlush { dropHeldRequests() }
        return true
    }

    func dropHeldRequests() {
        heldEvents = []
        nextHeld = 0
    }

    /// Queues a response after which the connection closes.
    func queueFinalResponse(_ response: HTTPResponse, now: UInt64) {
        lendOutbound(now: now)
        ResponseSerializer.write(
            response, requestMethod: .get, version: .http1_1, keepAlive: false,
            date: worker.currentDate(), into: &outbound)
        closeAfterFlush = true
    }

    /// read() returned 0. After complete requests this is a half-close: the queued answers still go
    /// out. In the middle of a request it is an abrupt close: the partial request gets no answer.
    func peerDidClose() {
        peerClosed = true
        closeAfterFlush = true
        cancelReading()
    }

    /// Lingering close: throw input away until EOF; the sweep bounds how long.
    func discardInput() {
        let scratch = worker.scratch
        while true {
            let count = recv(fd, scratch.baseAddress, scratch.count, 0)
            if count > 0 { continue }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            close()  // EOF or error: done
            return
        }
    }

    func pauseReading() {
        guard !readPaused, !readCancelled else { return }
        readPaused = true
        updateInterest()
    }

    func resumeReading() {
        guard readPaused, !awaitingAnswer, !hasHeldRequests else { return }
        readPaused = false
        updateInterest()
    }

    func cancelReading() {
        guard !readCancelled else { return }
        readCancelled = true
        updateInterest()
    }
}
