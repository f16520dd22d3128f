import HTTPWire

/// Answers produced outside the handler that read the request: slow work (`RequestWorkload.slow`),
/// and the fault-injection deliveries (`HTTPDelivery`): a delayed response or a dropped connection.
///
/// Slow work is computed on the server's slow-work thread while the connection waits, holding the
/// requests parsed behind it; its worker's thread keeps serving the other connections.
///
/// A delay never sleeps: the connection stops reading, holds the requests parsed behind the delayed
/// one, and schedules the write on its worker's thread with a timer (`WorkerLoop.after`). Other
/// connections on the same thread keep being served meanwhile; pipelined requests on this connection are answered after
/// the delayed one, so responses stay in request order.
extension Connection {
    /// Longest delay honoured, so a mistyped rule cannot park a connection forever (the sweep's
    /// timeouts are suspended while a delay is pending).
    static let maximumDelayMilliseconds = 120_000

    func deliver(_ response: HTTPResponse, to request: HTTPRequest, moreBehind: Bool, now: UInt64) {
        switch response.delivery {
        case .immediate:
            write(response, for: request, moreBehind: moreBehind, now: now)
        case .dropConnection:
            // Nothing is written for this request; what is queued before it still goes out, then the
            // write side is shut and the connection closes as after any final response.
            closeAfterFlush = true
        case .delayed(let milliseconds):
            awaitingAnswer = true
            pauseReading()
            let wait = min(max(milliseconds, 0), Self.maximumDelayMilliseconds)
            worker.loop.after(nanoseconds: UInt64(wait) * 1_000_000) { [self] in
                var immediate = response
                immediate.delivery = .immediate
                awaitedAnswerArrived(immediate, for: request)
            }
        }
    }

    /// Computes the answer on the slow-work thread, then hands it back to this connection's thread.
    /// The connection is captured, not looked up again: if it closed meanwhile, `closing` says so
    /// and the answer is dropped (its fd number may already serve someone else).
    func answerOffWorker(_ request: HTTPRequest) {
        awaitingAnswer = true
        pauseReading()
        let responder = shared.responder
        let loop = worker.loop
        shared.slowWork.async { [self] in
            let response = responder.respond(to: request)
            loop.async { [self] in awaitedAnswerArrived(response, for: request) }
        }
    }

    /// Writes an answer produced outside the handler that read its request, then answers the
    /// requests held behind it. Runs on the worker's thread.
    func awaitedAnswerArrived(_ response: HTTPResponse, for request: HTTPRequest) {
        awaitingAnswer = false
        guard !closing else { dropHeldRequests(); return }
        let now = shared.clock.nanoseconds()
        deliver(response, to: request, moreBehind: hasHeldRequests, now: now)
        flush(now: now)  // answers the held requests as room allows
    }

    /// Serializes one response into `outbound`. Keep-alive is decided now, so a drain that started
    /// meanwhile still closes the connection after it; but during a drain a request with more
    /// already parsed behind it keeps the connection open, so those are answered too (they had
    /// fully arrived), and the last one closes it.
    func write(_ response: HTTPResponse, for request: HTTPRequest, moreBehind: Bool, now: UInt64) {
        let keepAlive = request.keepAlive && (moreBehind || !shared.isDraining)
        lendOutbound(now: now)
        ResponseSerializer.write(
            response, requestMethod: request.method, version: request.version,
            keepAlive: keepAlive, date: worker.currentDate(), into: &outbound)
        if !keepAlive { closeAfterFlush = true }
    }
}
