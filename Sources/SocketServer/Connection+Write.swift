import Glibc
import HTTPWire

extension Connection {
    // MARK: Writing

    /// Makes `outbound` ready to take a response. While a connection has nothing pending it owns
    /// no output buffer; it borrows its worker's spare one (already grown to size), so an idle
    /// connection costs no buffer memory and a busy one allocates nothing per response.
    func lendOutbound(now: UInt64) {
        guard outbound.isEmpty else { return }
        if outbound.capacity == 0 { swap(&outbound, &worker.spareOutbound) }
        lastWriteProgressAt = now  // the write-stall clock starts when output appears
    }

    /// Sends everything queued with as few `send` calls as the socket allows (usually one), and
    /// answers held requests as the output falls below the high-water mark. On EAGAIN the poll
    /// reports writability later; reading pauses while too much is pending or requests are held.
    func flush(now: UInt64) {
        guard !closing else { return }
        while true {
            switch sendOutbound(now: now) {
            case .peerGone:
                return
            case .blocked:
                if answerHeldRequests(now: now) { continue }
                if closeAfterFlush || mustHoldRequests || hasHeldRequests { pauseReading() }
                return
            case .drained:
                if answerHeldRequests(now: now) { continue }
            }
            break
        }
        if closeAfterFlush {
            dropHeldRequests()  // nothing after a final response is answered
            if awaitingAnswer { return }  // the awaited response still has to go out first
            if peerClosed { close() } else { beginLingering(now: now) }
        } else {
            resumeReading()
        }
    }

    private enum SendOutcome { case drained, blocked, peerGone }

    /// Sends as much of `outbound` as the socket takes.
    private func sendOutbound(now: UInt64) -> SendOutcome {
        guard outboundSent < outbound.count else { return .drained }
        while outboundSent < outbound.count {
            let sent = outbound.withUnsafeBytes { bytes in
                send(fd, bytes.baseAddress! + outboundSent, bytes.count - outboundSent, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outboundSent += sent
                lastWriteProgressAt = now
                continue
            }
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                armWriting()
                return .blocked
            }
            close()  // EPIPE, ECONNRESET: the peer is gone
            return .peerGone
        }
        returnOutbound()
        disarmWriting()
        idleSince = now
        return .drained
    }

    /// Everything is sent: hand the (emptied) buffer back to the worker unless it grew huge.
    private func returnOutbound() {
        outbound.removeAll(keepingCapacity: true)
        outboundSent = 0
        if outbound.capacity <= 256 * 1024 && outbound.capacity > worker.spareOutbound.capacity {
            swap(&outbound, &worker.spareOutbound)
        }
        outbound = []
    }

    private func armWriting() {
        guard !writeArmed else { return }
        writeArmed = true
        updateInterest()
    }

    private func disarmWriting() {
        guard writeArmed else { return }
        writeArmed = false
        updateInterest()
    }

    private func beginLingering(now: UInt64) {
        guard !lingering else { return }
        lingering = true
        lingerSince = now
        shutdown(fd, Int32(SHUT_WR))
        resumeReading()
        discardInput()
    }

    // MARK: Closing

    /// Leaves the poll, closes the socket and leaves the worker's table. Idempotent; after it,
    /// nothing may touch `fd` (its number may be reused by the next accepted connection).
    func close() {
        guard !closing else { return }
        closing = true
        worker.poll.remove(fd)
        Glibc.close(fd)
        outbound = []
        dropHeldRequests()
        worker.remove(self)
    }

    // MARK: Timeouts

    var timeoutPhase: ConnectionTimeouts.Phase {
        if lingering { return .lingering(since: lingerSince) }
        if outboundSent < outbound.count { return .writing(lastProgress: lastWriteProgressAt) }
        if parser.hasPartialRequest {
            return parser.isReadingHead ? .readingHead(since: headStartedAt) : .readingBody(lastRead: lastReadAt)
        }
        return .idle(since: idleSince)
    }

    func applyTimeouts(now: UInt64) {
        guard !closing, !awaitingAnswer else { return }  // a delay is bounded by its own timer
        switch shared.timeouts.verdict(for: timeoutPhase, now: now) {
        case .keep:
            return
        case .close:
            close()
        case .requestTimeout:
            guard !closeAfterFlush else { close(); return }
            queueFinalResponse(ErrorResponse.make(.requestTimeout, reason: "request timeout"), now: now)
            flush(now: now)
        }
    }
}
