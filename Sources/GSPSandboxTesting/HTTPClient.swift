import GSTCore
import Glibc
import JSON

/// A small blocking HTTP/1.1 client over one keep-alive TCP connection (POSIX sockets, no
/// Foundation networking), enough to drive a sandbox from a test: every read has a timeout, so a
/// broken server fails the test instead of hanging it. Not thread-safe: one client per task.
public final class HTTPClient {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A response as read off the wire.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        /// The first header of that name (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as JSON; nil when it is not JSON.
        public var json: JSONValue? { try? JSONParser.parse(body) }
    }

    public let host: String
    public let port: Int
    private let timeoutMilliseconds: Int
    private var fd: Int32 = -1
    private var buffered: [UInt8] = []

    public init(host: String = "127.0.0.1", port: Int, timeoutMilliseconds: Int = 10_000) {
        self.host = host
        self.port = port
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    deinit { close() }

    /// Closes the connection; the next request opens a new one.
    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
        buffered.removeAll()
    }

    /// Sends one request and reads its response. A connection the server closed meanwhile (idle
    /// timeout) is reopened once.
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + body
        let reused = fd >= 0
        do {
            try connectIfNeeded()
            try send(bytes)
            return try readResponse(bodyless: method == "HEAD")
        } catch let error as Failure where reused {
            _ = error
            close()
            try connectIfNeeded()
            try send(bytes)
            return try readResponse(bodyless: method == "HEAD")
        }
    }

    /// Sends a JSON body (`Content-Type: application/json`) and returns the response.
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], json: JSONValue) throws -> Response {
        var headers = headers
        if !headers.contains(where: { $0.0.lowercased() == "content-type" }) { headers.append(("Content-Type", "application/json")) }
        return try request(method, target, headers: headers, body: JSONWriter.write(json))
    }

    private func connectIfNeeded() throws {
        guard fd < 0 else { return }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        let socketFD = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutMilliseconds / 1000, tv_usec: (timeoutMilliseconds % 1000) * 1000)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(socketFD, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        guard connect(socketFD, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let error = errno
            Glibc.close(socketFD)
            throw Failure(description: "connect to \(host):\(port): errno \(error)")
        }
        fd = socketFD
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// Reads more bytes; false on EOF or reset, throws on timeout.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffered.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure(description: "read timed out after \(timeoutMilliseconds) ms") }
        throw Failure(description: "recv: errno \(errno)")
    }

    /// One response framed by Content-Length (the sandbox always sends one).
    private func readResponse(bodyless: Bool) throws -> Response {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffered.firstRange(of: terminator)?.upperBound
            if headEnd == nil, try !fill() { throw Failure(description: "connection closed before a response") }
        }
        let head = String(decoding: buffered[..<headEnd!], as: UTF8.self)
        var lines = head.split(separator: "\r\n").map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line: \(head)") }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        buffered.removeFirst(headEnd!)
        let hasBody = !bodyless && status >= 200 && status != 204 && status != 304
        let length = hasBody ? Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0 : 0
        while buffered.count < length {
            guard try fill() else { throw Failure(description: "connection closed inside a body") }
        }
        let body = Array(buffered[..<length])
        buffered.removeFirst(length)
        if headers.contains(where: { $0.name.lowercased() == "connection" && $0.value.lowercased() == "close" }) { close() }
        return Response(status: status, headers: headers, body: body)
    }
}
