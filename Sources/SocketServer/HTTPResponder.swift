import HTTPWire

/// Turns a request into a response. The server calls it synchronously on the connection's serial
/// queue, once per request and in arrival order, so it must not block for long: a slow responder
/// stalls every connection that shares the queue. Shared state belongs behind a `Mutex`.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// A responder made from a closure, for tests and small tools.
public struct ClosureResponder: HTTPResponder {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.body = body
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        body(request)
    }
}
