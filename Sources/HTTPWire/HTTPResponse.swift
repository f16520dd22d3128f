/// A response for `ResponseSerializer`. Content-Length, Date and Connection are written by
/// the serializer; set only the other headers.
public struct HTTPResponse: Sendable, Equatable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// How the transport delivers the response; `.immediate` unless a fault rule says otherwise.
    public var delivery: HTTPDelivery = .immediate

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with `Content-Type: application/json`, then `extra` headers.
    public static func json(_ status: HTTPStatus, _ body: [UInt8], headers extra: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        // One allocation, with room for two headers added on the way out (e.g. CORS) as well.
        headers.reserveCapacity(1 + extra.count + 2)
        headers.add("Content-Type", "application/json")
        for (name, value) in extra { headers.add(name, value) }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}

/// Transport-level handling of a response, for fault injection: the responder stays synchronous and
/// the server performs the delay or the drop without blocking its queue.
public enum HTTPDelivery: Sendable, Equatable {
    /// Written as soon as it is produced (the normal case).
    case immediate
    /// Written after this many milliseconds. Responses to later pipelined requests on the same
    /// connection wait behind it, so order is kept; other connections are not affected.
    case delayed(milliseconds: Int)
    /// Not written at all: responses already queued go out, then the connection is closed.
    case dropConnection
}
