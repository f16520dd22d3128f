/// The timeout policy for one connection, as a pure function of its phase and the time: the
/// periodic sweep asks it about every connection, so there is no timer per connection and tests
/// can check every rule without I/O.
public struct ConnectionTimeouts: Sendable, Equatable {
    /// How long a keep-alive connection may sit with nothing buffered before it is closed.
    public var idle: Duration
    /// How long a client may take to send a complete request head, counted from its first byte.
    /// Trickling bytes does not extend it; this is the slowloris defence.
    public var headerRead: Duration
    /// How long a request body may stall between two reads.
    public var bodyStall: Duration
    /// How long the client may leave a response unread (no send progress) before we give up.
    public var writeStall: Duration
    /// After a final response we stop writing and read until the client closes; this bounds that.
    public var lingerClose: Duration

    public init(
        idle: Duration = .seconds(60),
        headerRead: Duration = .seconds(10),
        bodyStall: Duration = .seconds(30),
        writeStall: Duration = .seconds(30),
        lingerClose: Duration = .seconds(2)
    ) {
        self.idle = idle
        self.headerRead = headerRead
        self.bodyStall = bodyStall
        self.writeStall = writeStall
        self.lingerClose = lingerClose
    }

    public static let `default` = ConnectionTimeouts()

    /// Where a connection is, with the instant (monotonic nanoseconds) its clock started.
    public enum Phase: Sendable, Equatable {
        /// Keep-alive, nothing buffered, since the last response was written (or since accept).
        case idle(since: UInt64)
        /// A request head has started arriving; the instant of its first byte.
        case readingHead(since: UInt64)
        /// The head is complete and the body is arriving; the instant of the last read.
        case readingBody(lastRead: UInt64)
        /// Responses are waiting for the socket to drain; the instant of the last send progress.
        case writing(lastProgress: UInt64)
        /// The final response is out and our write side is shut; since when.
        case lingering(since: UInt64)
    }

    public enum Verdict: Sendable, Equatable {
        case keep
        /// Answer 408 Request Timeout with `Connection: close`, then close.
        case requestTimeout
        /// Close without a response (nothing can or need be said).
        case close
    }

    public func verdict(for phase: Phase, now: UInt64) -> Verdict {
        func expired(_ since: UInt64, _ limit: Duration) -> Bool {
            now >= since && now - since >= limit.nanoseconds
        }
        switch phase {
        case .idle(let since): return expired(since, idle) ? .close : .keep
        case .readingHead(let since): return expired(since, headerRead) ? .requestTimeout : .keep
        case .readingBody(let lastRead): return expired(lastRead, bodyStall) ? .requestTimeout : .keep
        case .writing(let lastProgress): return expired(lastProgress, writeStall) ? .close : .keep
        case .lingering(let since): return expired(since, lingerClose) ? .close : .keep
        }
    }
}
