import Glibc

/// A small blocking HTTP/1.1 client over one keep-alive TCP connection (POSIX sockets, no
/// Foundation networking), enough to drive a server from a test: every read has a timeout, so a
/// broken server fails the test instead of hanging it. Not thread-safe: one client per task.
///
/// It is the one client of the package: `GSPSandboxTesting` re-exports it for users' tests (and the
/// contract runner), and the package's own tests use it — SocketServer's too, which is why it lives
/// in a target that knows nothing but Glibc. Besides `request`, the package's tests get the raw
/// connection (`open`, `send`, `readResponse`, …: HTTPClient+Wire.swift) to write malformed,
/// partial or pipelined requests.
public final class HTTPClient {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        package init(description: String) { self.description = description }
    }

    public let host: String
    public let port: Int
    let timeoutMilliseconds: Int
    var fd: Int32 = -1
    /// Bytes read but not yet taken by a response.
    var buffered: [UInt8] = []
    /// Set for a client that must never connect; every connection attempt throws it.
    private let unavailable: Failure?

    /// A client that connects on its first request.
    public init(host: String = "127.0.0.1", port: Int, timeoutMilliseconds: Int = 10_000) {
        self.host = host
        self.port = port
        self.timeoutMilliseconds = timeoutMilliseconds
        unavailable = nil
    }

    /// A client for a server that has no socket (an in-process sandbox): every request throws `reason`.
    package init(unavailable reason: String) {
        host = ""
        port = 0
        timeoutMilliseconds = 0
        unavailable = Failure(description: reason)
    }

    /// A client connected now, for tests that hold a connection before (or without) sending on it.
    package static func open(host: String = "127.0.0.1", port: Int, timeoutMilliseconds: Int = 10_000) throws -> HTTPClient {
        let client = HTTPClient(host: host, port: port, timeoutMilliseconds: timeoutMilliseconds)
        try client.connectIfNeeded()
        return client
    }

    deinit { close() }

    /// Closes the connection; the next request opens a new one.
    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
        buffered.removeAll()
    }

    /// Sends one request and reads its response. A connection the server closed meanwhile (idle
    /// timeout) is reopened once. `Host` is the address connected to unless `headers` name one (a
    /// test playing a browser on another name).
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: \(host):\(port)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + body
        let reused = fd >= 0
        do {
            return try exchange(bytes, bodyless: method == "HEAD")
        } catch let error as Failure where reused {
            _ = error
            close()
            return try exchange(bytes, bodyless: method == "HEAD")
        }
    }

    private func exchange(_ bytes: [UInt8], bodyless: Bool) throws -> Response {
        try connectIfNeeded()
        try send(bytes)
        let response = try readResponse(bodyless: bodyless)
        if response.header("Connection")?.lowercased() == "close" { close() }
        return response
    }

    func connectIfNeeded() throws {
        if let unavailable { throw unavailable }
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
}
