// A copy of SocketServerTests/Support/TestClient.swift: test targets cannot share sources, and
// this target must not depend on SocketServer (it tests the sandbox from the outside).
import Glibc

/// A blocking TCP client for server tests: every read has a timeout (SO_RCVTIMEO), so a broken
/// server fails a test instead of hanging it, and no test sleeps to wait for anything.
final class TestClient {
    let fd: Int32
    private var buffered: [UInt8] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Response {
        let status: Int
        let headers: [(String, String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    init(port: Int, host: String = "127.0.0.1", timeoutMilliseconds: Int = 5000) throws {
        let isV6 = host.contains(":")
        fd = socket(isV6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutMilliseconds / 1000, tv_usec: (timeoutMilliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let result: Int32
        if isV6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            let error = errno
            Glibc.close(fd)
            throw Failure(description: "connect: errno \(error)")
        }
    }

    private var isClosed = false

    deinit { close() }

    /// Closes our end (the server sees EOF and can finish a lingering close at once).
    func close() {
        guard !isClosed else { return }
        isClosed = true
        Glibc.close(fd)
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// Like `send`, but a peer that already closed (EPIPE/ECONNRESET) is not an error.
    func sendIgnoringReset(_ bytes: [UInt8]) {
        _ = try? send(bytes)
    }

    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes into the buffer; returns false on EOF or reset, throws on timeout.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffered.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 { return false }
        if errno == ECONNRESET { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure(description: "read timed out") }
        throw Failure(description: "recv: errno \(errno)")
    }

    /// Changes the read timeout for the following reads.
    func setReadTimeout(milliseconds: Int) {
        var timeout = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func readResponse(timeoutMilliseconds: Int, bodyless: Bool = false) throws -> Response {
        setReadTimeout(milliseconds: timeoutMilliseconds)
        return try readResponse(bodyless: bodyless)
    }

    /// Reads one response. `bodyless` for HEAD (and 1xx/204/304, which have no body anyway).
    func readResponse(bodyless: Bool = false) throws -> Response {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffered.firstRange(of: terminator)?.upperBound
            if headEnd == nil, try !fill() {
                throw Failure(description: "connection closed before a response head (\(buffered.count) bytes)")
            }
        }
        let head = String(decoding: buffered[..<headEnd!], as: UTF8.self)
        var lines = head.split(separator: "\r\n").map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(head)")
        }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingPrefix(" ").description)
        }
        buffered.removeFirst(headEnd!)
        let hasBody = !bodyless && status >= 200 && status != 204 && status != 304
        let length = hasBody ? Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "0") ?? 0 : 0
        while buffered.count < length {
            guard try fill() else { throw Failure(description: "connection closed inside a body") }
        }
        let body = Array(buffered[..<length])
        buffered.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    /// True when the server closes the connection (EOF or reset) before the read timeout, with no
    /// further bytes (`leftover` lets a caller tolerate bytes it expects).
    func waitForClose() throws -> [UInt8] {
        while try fill() {}
        defer { buffered.removeAll() }
        return buffered
    }
}
