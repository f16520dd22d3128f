/// Writes responses as bytes, head and body in one buffer, so the server can send a batch of
/// pipelined responses with a single `send`.
public enum ResponseSerializer {
    /// The interim response for `Expect: 100-continue`.
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Appends the whole response: status line, Date, Content-Length (not for 1xx/204/304),
    /// Connection (keep-alive or close), Content-Type if set, the other headers, then the body
    /// (omitted for HEAD, 1xx, 204 and 304; Content-Length is kept for HEAD).
    ///
    /// The status line always says HTTP/1.1, also to HTTP/1.0 clients (RFC 9110 §6.2: a server
    /// sends its highest conforming version); `version` only matters through `keepAlive`.
    /// Date, Content-Length, Connection and Transfer-Encoding in `response.headers` are ignored:
    /// the serializer owns framing. CR, LF and other controls in header names and values are
    /// replaced by spaces so a handler can never split a response.
    public static func write(
        _ response: HTTPResponse,
        requestMethod: HTTPMethod,
        version: HTTPVersion,
        keepAlive: Bool,
        date: [UInt8],
        into buffer: inout [UInt8]
    ) {
        let code = response.status.code
        let bodyForbidden = (100..<200).contains(code) || code == 204 || code == 304
        let omitBody = bodyForbidden || requestMethod == .head
        buffer.reserveCapacity(buffer.count + 128 + (omitBody ? 0 : response.body.count))

        appendStatusLine(response.status, to: &buffer)
        buffer.append(contentsOf: StaticBytes.date)
        buffer.append(contentsOf: date)
        buffer.append(contentsOf: StaticBytes.crlf)
        if !bodyForbidden {
            buffer.append(contentsOf: StaticBytes.contentLength)
            appendDecimal(response.body.count, to: &buffer)
            buffer.append(contentsOf: StaticBytes.crlf)
        }
        buffer.append(contentsOf: keepAlive ? StaticBytes.connectionKeepAlive : StaticBytes.connectionClose)
        if let contentType = response.headers["content-type"] {
            buffer.append(contentsOf: StaticBytes.contentType)
            appendSanitized(contentType, to: &buffer)
            buffer.append(contentsOf: StaticBytes.crlf)
        }
        for field in response.headers.fields where !isSerializerOwned(field.name) {
            appendSanitized(field.name, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(0x20)
            appendSanitized(field.value, to: &buffer)
            buffer.append(contentsOf: StaticBytes.crlf)
        }
        buffer.append(contentsOf: StaticBytes.crlf)
        if !omitBody {
            buffer.append(contentsOf: response.body)
        }
    }

    private static func isSerializerOwned(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: asciiCaseInsensitiveEquals(name, "date")
        case 10: asciiCaseInsensitiveEquals(name, "connection")
        case 12: asciiCaseInsensitiveEquals(name, "content-type")
        case 14: asciiCaseInsensitiveEquals(name, "content-length")
        case 17: asciiCaseInsensitiveEquals(name, "transfer-encoding")
        default: false
        }
    }

    static func appendStatusLine(_ status: HTTPStatus, to buffer: inout [UInt8]) {
        if status.code >= 100, status.code < 600, status.reasonPhrase == HTTPStatus.reasonPhrase(for: status.code) {
            buffer.append(contentsOf: statusLines[status.code - 100])
        } else {
            buffer.append(contentsOf: renderStatusLine(status))
        }
    }

    /// Precomputed "HTTP/1.1 NNN Reason\r\n" for every code 100...599, built once.
    static let statusLines: [[UInt8]] = (100..<600).map { renderStatusLine(HTTPStatus(code: $0)) }

    static func renderStatusLine(_ status: HTTPStatus) -> [UInt8] {
        var line = Array("HTTP/1.1 ".utf8)
        // The status-code is exactly three digits (RFC 9112 §4); clamp nonsense instead of trapping.
        let code = min(max(status.code, 100), 999)
        appendDecimal(code, to: &line)
        line.append(0x20)
        appendSanitized(status.reasonPhrase, to: &line)
        line.append(contentsOf: StaticBytes.crlf)
        return line
    }

    private static func appendSanitized(_ text: String, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: text.utf8)
        for index in start..<buffer.count where buffer[index] < 0x20 && buffer[index] != 0x09 || buffer[index] == 0x7F {
            buffer[index] = 0x20
        }
    }
}

/// Appends a non-negative integer as ASCII decimal digits, without going through String.
func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
    precondition(value >= 0)
    if value < 10 {
        buffer.append(UInt8(truncatingIfNeeded: 0x30 + value))
        return
    }
    var digits = 0
    var remaining = value
    while remaining > 0 { digits += 1; remaining /= 10 }
    let end = buffer.count + digits
    buffer.append(contentsOf: repeatElement(0x30, count: digits))
    remaining = value
    var index = end - 1
    while remaining > 0 {
        buffer[index] = UInt8(truncatingIfNeeded: 0x30 + remaining % 10)
        remaining /= 10
        index -= 1
    }
}

enum StaticBytes {
    static let crlf: [UInt8] = [0x0D, 0x0A]
    static let date: [UInt8] = Array("Date: ".utf8)
    static let contentLength: [UInt8] = Array("Content-Length: ".utf8)
    static let contentType: [UInt8] = Array("Content-Type: ".utf8)
    static let connectionKeepAlive: [UInt8] = Array("Connection: keep-alive\r\n".utf8)
    static let connectionClose: [UInt8] = Array("Connection: close\r\n".utf8)
}
