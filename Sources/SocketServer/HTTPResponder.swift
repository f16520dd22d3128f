import HTTPWire

/// Turns a request into a response. The server calls it synchronously on the connection's serial
/// queue, once per request and in arrival order, so it must not block for long: a slow responder
/// stalls every connection that shares the queue. Shared state belongs behind a `Mutex`.
///
/// A request that can take long (an export, an import) is declared `.slow` by `workload(of:)`:
/// the server then calls `respond(to:)` for it on its slow-work thread instead, one such request at
/// a time, and still writes the answer in request order.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Where the server computes the answer to `request`. Called on the connection's queue for
    /// every request, so it must be cheap. The default: `.quick`, on the connection's queue.
    func workload(of request: HTTPRequest) -> RequestWorkload
}

extension HTTPResponder {
    public func workload(of request: HTTPRequest) -> RequestWorkload { .quick }
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
