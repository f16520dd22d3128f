import Dispatch
import Glibc

/// The write end of the active trap's self-pipe, read by the C signal handler. Written only in
/// `SignalTrap.init`/`cancel()` before/after the handler is installed.
private nonisolated(unsafe) var signalPipeWriteFD: Int32 = -1

/// Async-signal-safe: one `write` of the signal number, errno preserved.
private let forwardSignalToPipe: @convention(c) (Int32) -> Void = { number in
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteFD, &byte, 1)
    errno = savedErrno
}

/// Runs a handler on a queue when the process receives one of `signals` (by default SIGTERM and
/// SIGINT), so the handler may do anything (e.g. `server.shutdown()`).
///
/// Why not `DispatchSource.makeSignalSource`: libdispatch registers a signal source
/// asynchronously, so a SIGTERM that arrives right after start-up (a script that reads the URL
/// line and stops the server at once) hit the default action and killed the process (measured:
/// exit 143). Here `sigaction` is installed before `init` returns and the handler writes the signal
/// number into a self-pipe; the pipe holds it until the Dispatch read source is armed.
///
/// One trap per process at a time (the CLI's `serve`).
public final class SignalTrap: @unchecked Sendable {
    // Confinement: all state is set in init and touched again only in `cancel()`, which the single
    // owner calls once; the fds are closed in the read source's cancel handler.
    private let signals: [Int32]
    private let source: any DispatchSourceRead

    public init(
        signals: [Int32] = [SIGTERM, SIGINT],
        queue: DispatchQueue = DispatchQueue(label: "gsp.socketserver.signals"),
        handler: @escaping @Sendable (Int32) -> Void
    ) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { preconditionFailure("pipe() failed: errno \(errno)") }
        let (readFD, writeFD) = (fds[0], fds[1])
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        signalPipeWriteFD = writeFD
        self.signals = signals
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = forwardSignalToPipe
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_RESTART)
            sigaction(number, &action, nil)
        }
        source = DispatchSource.makeReadSource(fileDescriptor: readFD, queue: queue)
        source.setEventHandler {
            var byte: UInt8 = 0
            while read(readFD, &byte, 1) == 1 { handler(Int32(byte)) }
        }
        source.setCancelHandler {
            Glibc.close(readFD)
            Glibc.close(writeFD)
        }
        source.resume()
    }

    /// Restores the default action for the signals and stops the trap. Call it once, when the
    /// process no longer needs the trap (before exiting).
    public func cancel() {
        for number in signals { signal(number, SIG_DFL) }
        source.cancel()
    }
}
