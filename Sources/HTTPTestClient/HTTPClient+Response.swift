extension HTTPClient {
    /// A response as read off the wire.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        /// The first header of that name (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }
}

extension HTTPClient.Response {
    private static let headTerminator: [UInt8] = Array("\r\n\r\n".utf8)

    /// Whether `bytes` hold a whole response head (so what is missing is body).
    static func holdsHead(_ bytes: [UInt8]) -> Bool { bytes.firstRange(of: headTerminator) != nil }

    /// Takes one response, framed by Content-Length, off the front of `bytes`; nil (and `bytes`
    /// untouched) while they hold less than a whole response. `bodyless` for HEAD (1xx, 204 and 304
    /// have no body anyway). Pure, so a response serialized in memory is read the same way as one
    /// from a socket.
    package static func take(from bytes: inout [UInt8], bodyless: Bool) throws -> HTTPClient.Response? {
        guard let headEnd = bytes.firstRange(of: headTerminator)?.upperBound else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.split(separator: "\r\n").map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw HTTPClient.Failure(description: "bad status line in \(head)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        let hasBody = !bodyless && status >= 200 && status != 204 && status != 304
        let length = hasBody ? Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0 : 0
        guard bytes.count - headEnd >= length else { return nil }
        let body = Array(bytes[headEnd..<(headEnd + length)])
        bytes.removeFirst(headEnd + length)
        return HTTPClient.Response(status: status, headers: headers, body: body)
    }
}
