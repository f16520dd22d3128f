import Glibc

/// The raw connection, for the package's transport tests: bytes out as written (malformed, partial,
/// pipelined), responses in one at a time, and how the server ends the connection.
extension HTTPClient {
    package func send(_ text: String) throws { try send(Array(text.utf8)) }

    package func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// Like `send`, but a peer that already closed (EPIPE/ECONNRESET) is not an error.
    package func sendIgnoringReset(_ bytes: [UInt8]) {
        _ = try? send(bytes)
    }

    /// Half-closes: the server sees EOF on its read side and may still answer.
    package func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Changes the read timeout for the following reads.
    package func setReadTimeout(milliseconds: Int) {
        var timeout = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    package func readResponse(timeoutMilliseconds: Int, bodyless: Bool = false) throws -> Response {
        setReadTimeout(milliseconds: timeoutMilliseconds)
        return try readResponse(bodyless: bodyless)
    }

    /// Reads one response. `bodyless` for HEAD (and 1xx/204/304, which have no body anyway).
    package func readResponse(bodyless: Bool = false) throws -> Response {
        while true {
            if let response = try Response.take(from: &buffered, bodyless: bodyless) { return response }
            guard try fill() else {
                throw Failure(description: Response.holdsHead(buffered)
                    ? "connection closed inside a body"
                    : "connection closed before a response head (\(buffered.count) bytes)")
            }
        }
    }

    /// Reads until the server closes the connection (EOF or reset) and returns what came before
    /// the close; throws when the read timeout passes first.
    package func waitForClose() throws -> [UInt8] {
        while try fill() {}
        defer { buffered.removeAll() }
        return buffered
    }

    /// Reads more bytes into the buffer; false on EOF or reset, throws on timeout.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffered.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure(description: "read timed out") }
        throw Failure(description: "recv: errno \(errno)")
    }
}
