import HTTPWire

extension Connection {
    /// Graceful shutdown: answer what has already arrived (with `Connection: close`), then close.
    ///
    /// A busy connection closes after its answers. An idle keep-alive connection is kept open for
    /// `idleDrainGrace` first: a client that sent a request just before the drain began (or just
    /// after its previous answer) would otherwise find the socket closed under a request that was
    /// on the wire, and get no answer. A request that arrives within the grace is answered with
    /// `Connection: close`; at its end, whatever has arrived is read and answered once more, and a
    /// connection still idle closes.
    func drain() {
        guard !closing, !lingering, !closeAfterFlush else { return }
        readable()  // a request already in the socket buffer still gets its answer
        guard isIdle else { return }
        let grace = shared.configuration.idleDrainGrace
        guard grace > .zero else { close(); return }
        // One timer per idle connection, once per shutdown; the sweep's 1 s tick is too coarse.
        worker.loop.after(nanoseconds: UInt64(clamping: grace.nanoseconds)) { [self] in
            guard !closing, !lingering, !closeAfterFlush else { return }
            readable()
            if isIdle { close() }
        }
    }

    /// Nothing read, being answered, held or waiting to be sent.
    var isIdle: Bool {
        !closing && !closeAfterFlush && !awaitingAnswer && !hasHeldRequests && !parser.hasPartialRequest
            && outboundSent >= outbound.count
    }
}
