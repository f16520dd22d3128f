import HTTPWire

/// Everything `HTTPServer` needs to know before it starts. Defaults suit a local test double.
public struct ServerConfiguration: Sendable {
    /// Numeric IPv4/IPv6 address or `localhost`. Loopback by default: all interfaces
    /// (`0.0.0.0`, `::`) only when asked.
    public var host: String
    /// 0 asks the kernel for a free port; read it back from `HTTPServer.localAddress`.
    public var port: Int
    public var backlog: Int32
    public var parserLimits: ParserLimits
    public var timeouts: ConnectionTimeouts
    /// How often the timeout sweep runs.
    public var sweepInterval: Duration
    /// Most simultaneous connections; past it the listener stops accepting and the kernel backlog
    /// holds newcomers. Clamped at start to what `RLIMIT_NOFILE` allows.
    public var maxConnections: Int
    /// Serial queues connections are spread over; about one per core.
    public var queueCount: Int
    /// Stop reading from a connection while this many response bytes wait to be sent.
    public var outboundHighWaterMark: Int
    /// How long a graceful shutdown waits for in-flight requests before closing everything.
    public var drainTimeout: Duration
    /// How long a graceful shutdown keeps an idle keep-alive connection open, so that a request the
    /// client had already sent when the drain began is still answered (with `Connection: close`)
    /// rather than met with a closed socket. Zero closes idle connections at once.
    public var idleDrainGrace: Duration
    /// Pause before accepting again after EMFILE/ENFILE/ENOBUFS/ENOMEM.
    public var acceptBackoff: Duration
    /// Raise the soft fd limit to the hard limit at start.
    public var raiseFileDescriptorLimit: Bool
    /// Receives rare operational messages (accept back-off, connection cap); nil drops them.
    public var diagnostics: (@Sendable (String) -> Void)?

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        backlog: Int32 = 1024,
        parserLimits: ParserLimits = .default,
        timeouts: ConnectionTimeouts = .default,
        sweepInterval: Duration = .seconds(1),
        maxConnections: Int = 16_384,
        queueCount: Int = ProcessSetup.processorCount,
        outboundHighWaterMark: Int = 1 << 20,
        drainTimeout: Duration = .seconds(10),
        idleDrainGrace: Duration = .milliseconds(250),
        acceptBackoff: Duration = .milliseconds(100),
        raiseFileDescriptorLimit: Bool = true,
        diagnostics: (@Sendable (String) -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.backlog = backlog
        self.parserLimits = parserLimits
        self.timeouts = timeouts
        self.sweepInterval = sweepInterval
        self.maxConnections = maxConnections
        self.queueCount = queueCount
        self.outboundHighWaterMark = outboundHighWaterMark
        self.drainTimeout = drainTimeout
        self.idleDrainGrace = idleDrainGrace
        self.acceptBackoff = acceptBackoff
        self.raiseFileDescriptorLimit = raiseFileDescriptorLimit
        self.diagnostics = diagnostics
    }
}
