// Turning a complete head into a request and deciding how its body is framed (RFC 9112 §6).

extension RequestParser {
    /// What the head says about the message, gathered in one pass over the fields.
    private struct FramingFacts {
        var hostCount = 0
        var contentLength: Int?
        var hasTransferEncoding = false
        /// Transfer codings in order; only a lone "chunked" is supported.
        var codingCount = 0
        var lastCodingIsChunked = false
        var close = false
        var keepAlive = false
        var expectsContinue = false
    }

    /// Builds `current` from the head and sets the body phase. Returns whether the client
    /// waits for 100 Continue, or the error that ends the connection.
    mutating func beginMessage(_ bytes: UnsafeRawBufferPointer) -> Result<Bool, WireError> {
        var facts = FramingFacts()
        var headers = HTTPHeaders()
        headers.fields.reserveCapacity(head.fields.count)
        for range in head.fields {
            let name = UnsafeRawBufferPointer(rebasing: bytes[Int(range.nameStart)..<Int(range.nameEnd)])
            let value = UnsafeRawBufferPointer(rebasing: bytes[Int(range.valueStart)..<Int(range.valueEnd)])
            if let error = inspect(name: name, value: value, into: &facts) {
                return .failure(error)
            }
            headers.fields.append(HTTPHeaders.Field(
                name: String(decoding: name, as: UTF8.self),
                value: String(decoding: value, as: UTF8.self)
            ))
        }

        let version = head.version
        // RFC 9112 §3.2: exactly one Host in HTTP/1.1; never more than one.
        if facts.hostCount > 1 { return .failure(WireError(status: .badRequest, reason: "duplicate Host")) }
        if facts.hostCount == 0, version == .http1_1 { return .failure(WireError(status: .badRequest, reason: "missing Host")) }

        var chunked = false
        if facts.hasTransferEncoding {
            // §6.3: both present is a smuggling attempt; an HTTP/1.0 message with TE has faulty framing.
            if facts.contentLength != nil {
                return .failure(WireError(status: .badRequest, reason: "Content-Length with Transfer-Encoding"))
            }
            if version == .http1_0 {
                return .failure(WireError(status: .badRequest, reason: "Transfer-Encoding in HTTP/1.0"))
            }
            if facts.codingCount == 0 {
                return .failure(WireError(status: .badRequest, reason: "empty Transfer-Encoding"))
            }
            guard facts.codingCount == 1, facts.lastCodingIsChunked else {
                return .failure(WireError(status: .notImplemented, reason: "unsupported transfer coding"))
            }
            chunked = true
        }
        let contentLength = facts.contentLength ?? 0
        if contentLength > limits.maxBodyBytes {
            return .failure(WireError(status: .payloadTooLarge, reason: "Content-Length over limit"))
        }

        let method = Self.method(UnsafeRawBufferPointer(rebasing: bytes[0..<head.methodEnd]))
        let targetBytes = UnsafeRawBufferPointer(rebasing: bytes[head.targetStart..<head.targetEnd])
        let (path, query) = HTTPRequest.pathAndQuery(targetBytes)
        // Origin form without a query is the common case: the target is the path.
        let target = query == nil && targetBytes[0] == UInt8(ascii: "/") && path.utf8.count == targetBytes.count
            ? path : String(decoding: targetBytes, as: UTF8.self)
        let keepAlive = version == .http1_1 ? !facts.close : facts.keepAlive && !facts.close
        current = HTTPRequest(
            method: method, target: target, path: path, query: query, version: version,
            headers: headers, body: [], keepAlive: keepAlive
        )
        body = []
        if chunked {
            phase = .chunkSize
            chunkLineLength = 0
            chunkSawDigit = false
            bodyRemaining = 0
        } else if contentLength > 0 {
            phase = .fixedBody
            bodyRemaining = contentLength
            // Reserve what was declared, but not megabytes for a client that may never send them.
            body.reserveCapacity(min(contentLength, 1 << 16))
        } else {
            phase = .idle
        }
        // §10.1.1 of RFC 9110: only HTTP/1.1 clients wait for 100, and only if there is a body.
        return .success(facts.expectsContinue && version == .http1_1 && phase != .idle)
    }

    /// Updates `facts` from one field; returns an error for a malformed framing field.
    private func inspect(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, into facts: inout FramingFacts) -> WireError? {
        switch name.count {
        case 4 where equalsLowercase(name, "host"):
            facts.hostCount += 1
        case 6 where equalsLowercase(name, "expect"):
            if equalsLowercase(value, "100-continue") { facts.expectsContinue = true }
        case 10 where equalsLowercase(name, "connection"):
            forEachListElement(value) { token in
                if equalsLowercase(token, "close") { facts.close = true }
                if equalsLowercase(token, "keep-alive") { facts.keepAlive = true }
            }
        case 14 where equalsLowercase(name, "content-length"):
            // A list of identical values ("5, 5") is accepted as one (RFC 9110 §8.6).
            var malformed = false
            var elements = 0
            forEachListElement(value) { element in
                elements += 1
                guard let length = Self.decimal(element) else { malformed = true; return }
                if let previous = facts.contentLength, previous != length { malformed = true }
                facts.contentLength = length
            }
            if malformed || elements == 0 {
                return WireError(status: .badRequest, reason: "malformed or conflicting Content-Length")
            }
        case 17 where equalsLowercase(name, "transfer-encoding"):
            facts.hasTransferEncoding = true
            forEachListElement(value) { coding in
                facts.codingCount += 1
                facts.lastCodingIsChunked = equalsLowercase(coding, "chunked")
            }
        default:
            break
        }
        return nil
    }

    /// Calls `body` with each non-empty, OWS-trimmed element of a comma-separated list
    /// (RFC 9110 §5.6.1: empty elements are ignored).
    private func forEachListElement(_ value: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count, value[end] != ASCII.comma { end += 1 }
            var s = start
            var e = end
            while s < e, isOWS(value[s]) { s += 1 }
            while e > s, isOWS(value[e - 1]) { e -= 1 }
            if e > s { body(UnsafeRawBufferPointer(rebasing: value[s..<e])) }
            start = end + 1
        }
    }

    /// 1*DIGIT as an Int, saturating at Int.max (any such value is over every body limit).
    static func decimal(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var result = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte &- 0x30))
            result = overflow1 || overflow2 ? Int.max : sum
        }
        return result
    }

    /// Reuses the shared instances for the common methods, so their Strings are not rebuilt.
    static func method(_ bytes: UnsafeRawBufferPointer) -> HTTPMethod {
        switch bytes.count {
        case 3:
            if matches(bytes, "GET") { return .get }
            if matches(bytes, "PUT") { return .put }
        case 4:
            if matches(bytes, "POST") { return .post }
            if matches(bytes, "HEAD") { return .head }
        case 5 where matches(bytes, "PATCH"): return .patch
        case 6 where matches(bytes, "DELETE"): return .delete
        case 7 where matches(bytes, "OPTIONS"): return .options
        default: break
        }
        return HTTPMethod(String(decoding: bytes, as: UTF8.self))
    }

    /// Exact (case-sensitive) comparison with a literal of the same length.
    @inline(__always)
    private static func matches(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        memoryEquals(bytes, literal.utf8Start, literal.utf8CodeUnitCount)
    }
}
