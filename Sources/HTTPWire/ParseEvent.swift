/// Why the parser gave up: the status to answer with and a short diagnostic.
public struct WireError: Error, Hashable, Sendable {
    public let status: HTTPStatus
    /// Short diagnostic for logs, e.g. "Content-Length with Transfer-Encoding".
    public let reason: String

    public init(status: HTTPStatus, reason: String) {
        self.status = status
        self.reason = reason
    }
}

/// What `RequestParser.feed` reports, in wire order.
public enum ParseEvent: Sendable, Equatable {
    /// A complete request, body included.
    case request(HTTPRequest)
    /// The head of an HTTP/1.1 request with `Expect: 100-continue` is complete and no body byte
    /// has arrived yet: write `ResponseSerializer.continueResponse` now, then keep reading.
    case continueExpected
    /// Terminal: answer with `status` and `Connection: close`, then close. The parser is dead.
    case error(WireError)
}
