import Dispatch
import Glibc

/// Runs a handler when the process receives one of `signals` (by default SIGTERM and SIGINT),
/// through Dispatch signal sources: the handler runs on a queue, not in signal context, so it may
/// do anything (e.g. `server.shutdown()`).
///
/// On Linux libdispatch installs its own handler for the signal, so the default action (terminate)
/// is replaced without `SIG_IGN`; Darwin's kqueue needs the signal ignored first.
public final class SignalTrap: @unchecked Sendable {
    // Confinement: `sources` is written in init and read in `cancel()`; both are documented as
    // to be called from one owner, and the sources themselves are thread-safe.
    private var sources: [any DispatchSourceSignal] = []

    public init(
        signals: [Int32] = [SIGTERM, SIGINT],
        queue: DispatchQueue = DispatchQueue(label: "gsp.socketserver.signals"),
        handler: @escaping @Sendable (Int32) -> Void
    ) {
        for number in signals {
            #if canImport(Darwin)
            signal(number, SIG_IGN)
            #endif
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops trapping; the signals get their previous behaviour back only on Darwin's terms, so
    /// call this only when the process is about to exit.
    public func cancel() {
        for source in sources { source.cancel() }
        sources = []
    }
}
