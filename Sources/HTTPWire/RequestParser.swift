/// Incremental HTTP/1.1 request parser: bytes in, complete requests out (RFC 9112).
///
/// - Works on raw bytes; Strings are built only for the final method, target and field values.
/// - When a read holds whole requests, they are parsed straight from the caller's buffer; only
///   the unfinished head at the end of a read is copied into `pending` and resumed from where
///   scanning stopped, so drip-fed heads cost O(n), not O(n²).
/// - Every error is decided at a byte position from the bytes before it, so the events do not
///   depend on how the input was split into reads (the fuzz harness checks exactly that). The
///   one exception is `.continueExpected`, which by definition depends on whether body bytes
///   arrived together with the head.
/// - Line ends must be CRLF: a bare CR or a bare LF is a 400 everywhere.
public struct RequestParser: Sendable {
    public let limits: ParserLimits

    /// Where the parser is between requests.
    enum Phase: UInt8, Sendable {
        case idle            // before a request line; leading CRLFs are skipped here
        case idleCR          // saw CR of a leading empty line
        case head            // inside request line or header fields (see `head` state)
        case fixedBody       // Content-Length body, `bodyRemaining` to go
        case chunkSize       // hex digits of a chunk-size line
        case chunkExtension  // after the size, up to CR (extensions are tolerated and ignored)
        case chunkSizeLF
        case chunkData       // `bodyRemaining` bytes of the current chunk to go
        case chunkDataCR
        case chunkDataLF
        case trailerLineStart
        case trailerName
        case trailerValue
        case trailerLF
        case trailerFinalLF
        case dead            // after an error: nothing more is parsed
    }

    var phase: Phase = .idle
    /// Bytes of an unfinished head, starting at its first byte.
    var pending: [UInt8] = []
    /// Resumable state of the request line and header scan.
    var head = HeadScanner()
    /// The parsed head of the request whose body is being read.
    var current: HTTPRequest?
    var body: [UInt8] = []
    var bodyRemaining = 0
    var chunkLineLength = 0
    var chunkSawDigit = false
    var trailerBytes = 0

    public init(limits: ParserLimits = .default) {
        self.limits = limits
    }

    /// True when some bytes of an unfinished request have been received (its head or body):
    /// the server applies the header-read deadline then, and the idle timeout otherwise.
    public var hasPartialRequest: Bool {
        switch phase {
        case .idle, .idleCR, .dead: false
        default: true
        }
    }

    /// True while the parser waits for or reads a request head (not a body).
    public var isReadingHead: Bool {
        switch phase {
        case .idle, .idleCR, .head: true
        default: false
        }
    }

    /// Parses `bytes` and returns every event now complete, in wire order. After an `.error`
    /// the parser is dead and returns `[]`.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [ParseEvent] {
        var events: [ParseEvent] = []
        guard phase != .dead, bytes.count > 0 else { return events }
        if pending.isEmpty {
            let keepFrom = run(bytes, events: &events)
            if phase != .dead, keepFrom < bytes.count {
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[keepFrom...]))
            }
        } else {
            // Swap the storage out so `run` can mutate `self` while reading it.
            var buffer: [UInt8] = []
            swap(&buffer, &pending)
            buffer.append(contentsOf: bytes)
            let keepFrom = buffer.withUnsafeBytes { run($0, events: &events) }
            if phase != .dead {
                buffer.removeSubrange(0..<keepFrom)
                swap(&buffer, &pending)
            }
        }
        return events
    }

    public mutating func feed(_ bytes: [UInt8]) -> [ParseEvent] {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Runs the state machine over `p`; returns the index from which bytes must be kept
    /// (the start of an unfinished head), or `p.count` when everything was consumed.
    mutating func run(_ p: UnsafeRawBufferPointer, events: inout [ParseEvent]) -> Int {
        var i = 0
        let end = p.count
        while i < end {
            switch phase {
            case .idle:
                // RFC 9112 §2.2: ignore empty lines received before a request line.
                if p[i] == ASCII.cr {
                    phase = .idleCR
                    i += 1
                } else if p[i] == ASCII.lf {
                    return fail(.badRequest, "bare LF", &events)
                } else {
                    phase = .head
                    head.reset()
                }
            case .idleCR:
                guard p[i] == ASCII.lf else { return fail(.badRequest, "bare CR", &events) }
                phase = .idle
                i += 1
            case .head:
                let headBytes = UnsafeRawBufferPointer(rebasing: p[i...])
                switch head.scan(headBytes, limits: limits) {
                case .needMore:
                    return i
                case .failed(let error):
                    events.append(.error(error))
                    die()
                    return end
                case .complete(let length):
                    let headEnd = i + length
                    switch beginMessage(UnsafeRawBufferPointer(rebasing: p[i..<headEnd])) {
                    case .failure(let error):
                        events.append(.error(error))
                        die()
                        return end
                    case .success(let expectsContinue):
                        if phase == .idle {
                            finishRequest(&events)
                        } else if expectsContinue && headEnd == end {
                            events.append(.continueExpected)
                        }
                    }
                    i = headEnd
                }
            case .dead:
                return end
            default:
                if let error = readBody(p, &i, &events) {
                    events.append(.error(error))
                    die()
                    return end
                }
            }
        }
        return phase == .head ? i : end
    }

    mutating func fail(_ status: HTTPStatus, _ reason: String, _ events: inout [ParseEvent]) -> Int {
        events.append(.error(WireError(status: status, reason: reason)))
        die()
        return 0
    }

    mutating func die() {
        phase = .dead
        pending = []
        body = []
        current = nil
    }

    /// Emits the current request with the collected body and gets ready for the next one.
    mutating func finishRequest(_ events: inout [ParseEvent]) {
        guard var request = current.take() else { return }
        swap(&request.body, &body)
        events.append(.request(consume request))
        phase = .idle
    }
}
