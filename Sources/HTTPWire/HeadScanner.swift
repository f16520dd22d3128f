/// Resumable scanner for a request head (request line + field lines + empty line).
///
/// All positions are offsets from the head's first byte; the caller passes a buffer that
/// starts there every time (the caller keeps unfinished heads buffered), and scanning resumes
/// at `scanned`. Limits are checked by position: a byte is rejected for size the moment it
/// arrives past a limit, so the outcome never depends on how the bytes were split into reads.
struct HeadScanner: Sendable {
    /// RFC 9112 §3 lets a server answer 501 to a method longer than any it implements.
    static let maxMethodBytes = 32
    /// "HTTP/x.y"
    static let versionBytes = 8

    enum State: UInt8, Sendable {
        case method, target, version, requestLineLF, lineStart, name, value, valueLF, finalLF
    }

    struct FieldRange: Sendable {
        var nameStart: Int32
        var nameEnd: Int32
        var valueStart: Int32
        var valueEnd: Int32
    }

    enum Outcome {
        case needMore
        case failed(WireError)
        /// Length of the head including its final CRLF.
        case complete(Int)
    }

    var state: State = .method
    var scanned = 0
    var methodEnd = 0
    var targetStart = 0
    var targetEnd = 0
    var versionStart = 0
    var versionEnd = 0
    var version: HTTPVersion = .http1_1
    var headerBlockStart = 0
    var nameStart = 0
    var nameEnd = 0
    var fields: [FieldRange] = []

    /// Readies the scanner for the next request, keeping the field array's storage.
    mutating func reset() {
        state = .method
        scanned = 0
        fields.removeAll(keepingCapacity: true)
    }

    mutating func scan(_ head: UnsafeRawBufferPointer, limits: ParserLimits) -> Outcome {
        let n = head.count
        var j = scanned
        defer { scanned = j }
        while true {
            switch state {
            case .method:
                let limit = min(n, Self.maxMethodBytes)
                while j < limit, isTokenByte(head[j]) { j += 1 }
                guard j < n else { return .needMore }
                let byte = head[j]
                if byte == ASCII.sp, j > 0 {
                    methodEnd = j
                    j += 1
                    targetStart = j
                    state = .target
                } else if j == Self.maxMethodBytes, isTokenByte(byte) {
                    return failure(.notImplemented, "method too long")
                } else {
                    return failure(.badRequest, "invalid method")
                }

            case .target:
                let hardLimit = targetStart + limits.maxRequestTargetBytes
                skipTargetBytes(head, &j, min(n, hardLimit))
                guard j < n else { return .needMore }
                let byte = head[j]
                if byte == ASCII.sp {
                    guard j > targetStart else { return failure(.badRequest, "malformed request line") }
                    targetEnd = j
                    j += 1
                    versionStart = j
                    state = .version
                } else if isTargetByte(byte) {
                    return failure(.uriTooLong, "request target too long")
                } else {
                    return failure(.badRequest, "malformed request line")
                }

            case .version:
                let limit = min(n, versionStart + Self.versionBytes)
                while j < limit, isTargetByte(head[j]) { j += 1 }
                guard j < n else { return .needMore }
                guard head[j] == ASCII.cr else { return failure(.badRequest, "malformed request line") }
                versionEnd = j
                j += 1
                state = .requestLineLF

            case .requestLineLF:
                guard j < n else { return .needMore }
                guard head[j] == ASCII.lf else { return failure(.badRequest, "bare CR") }
                j += 1
                if let error = checkRequestLine(head) { return .failed(error) }
                headerBlockStart = j
                state = .lineStart

            case .lineStart:
                guard j < n else { return .needMore }
                let byte = head[j]
                if byte == ASCII.cr {
                    j += 1
                    state = .finalLF
                } else if j >= headerBlockStart + limits.maxHeaderBytes {
                    return failure(.requestHeaderFieldsTooLarge, "header block too large")
                } else if isOWS(byte) {
                    return failure(.badRequest, "obs-fold or whitespace before field line")
                } else if fields.count >= limits.maxHeaderCount {
                    return failure(.requestHeaderFieldsTooLarge, "too many header fields")
                } else {
                    nameStart = j
                    state = .name
                }

            case .name:
                let hardLimit = headerBlockStart + limits.maxHeaderBytes
                let limit = min(n, hardLimit)
                while j < limit, isTokenByte(head[j]) { j += 1 }
                guard j < n else { return .needMore }
                if j >= hardLimit { return failure(.requestHeaderFieldsTooLarge, "header block too large") }
                let byte = head[j]
                if byte == ASCII.colon, j > nameStart {
                    nameEnd = j
                    j += 1
                    state = .value
                } else if isOWS(byte) {
                    return failure(.badRequest, "whitespace before colon")
                } else {
                    return failure(.badRequest, "invalid header name")
                }

            case .value:
                let hardLimit = headerBlockStart + limits.maxHeaderBytes
                skipFieldValueBytes(head, &j, min(n, hardLimit))
                guard j < n else { return .needMore }
                if j >= hardLimit { return failure(.requestHeaderFieldsTooLarge, "header block too large") }
                guard head[j] == ASCII.cr else { return failure(.badRequest, "control character in field value") }
                j += 1
                state = .valueLF

            case .valueLF:
                guard j < n else { return .needMore }
                if j >= headerBlockStart + limits.maxHeaderBytes {
                    return failure(.requestHeaderFieldsTooLarge, "header block too large")
                }
                guard head[j] == ASCII.lf else { return failure(.badRequest, "bare CR") }
                recordField(head, crIndex: j - 1)
                j += 1
                state = .lineStart

            case .finalLF:
                guard j < n else { return .needMore }
                guard head[j] == ASCII.lf else { return failure(.badRequest, "bare CR") }
                j += 1
                return .complete(j)
            }
        }
    }

    private func failure(_ status: HTTPStatus, _ reason: String) -> Outcome {
        .failed(WireError(status: status, reason: reason))
    }

    /// Stores the field's ranges with OWS trimmed from the value (RFC 9112 §5.1).
    private mutating func recordField(_ head: UnsafeRawBufferPointer, crIndex: Int) {
        var valueStart = nameEnd + 1
        var valueEnd = crIndex
        while valueStart < valueEnd, isOWS(head[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, isOWS(head[valueEnd - 1]) { valueEnd -= 1 }
        fields.append(FieldRange(
            nameStart: Int32(truncatingIfNeeded: nameStart), nameEnd: Int32(truncatingIfNeeded: nameEnd),
            valueStart: Int32(truncatingIfNeeded: valueStart), valueEnd: Int32(truncatingIfNeeded: valueEnd)
        ))
    }

    /// Checks the version, then the target's form. The version comes first so that the
    /// HTTP/2 preface "PRI * HTTP/2.0" gets 505 rather than a complaint about '*'.
    private mutating func checkRequestLine(_ head: UnsafeRawBufferPointer) -> WireError? {
        let v = UnsafeRawBufferPointer(rebasing: head[versionStart..<versionEnd])
        // HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 §2.3).
        guard v.count == Self.versionBytes, memoryEquals(UnsafeRawBufferPointer(rebasing: v[0..<5]), ("HTTP/" as StaticString).utf8Start, 5),
              isDigit(v[5]), v[6] == UInt8(ascii: "."), isDigit(v[7])
        else { return WireError(status: .badRequest, reason: "malformed HTTP version") }
        switch (v[5], v[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): version = .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): version = .http1_0
        default: return WireError(status: .httpVersionNotSupported, reason: "unsupported HTTP version")
        }

        let target = UnsafeRawBufferPointer(rebasing: head[targetStart..<targetEnd])
        if target[0] == UInt8(ascii: "/") { return nil }  // origin-form
        if target.count == 1, target[0] == UInt8(ascii: "*") {
            // asterisk-form is only for a server-wide OPTIONS (RFC 9112 §3.2.4).
            let method = UnsafeRawBufferPointer(rebasing: head[0..<methodEnd])
            return memoryEquals(method, ("OPTIONS" as StaticString).utf8Start, 7) ? nil : WireError(status: .badRequest, reason: "'*' target without OPTIONS")
        }
        // absolute-form: "http://" or "https://" with a non-empty authority (RFC 9112 §3.2.2).
        for scheme: StaticString in ["http://", "https://"] {
            let length = scheme.utf8CodeUnitCount
            if target.count > length, equalsLowercase(UnsafeRawBufferPointer(rebasing: target[0..<length]), scheme) {
                let authorityStart = target[length]
                if authorityStart != UInt8(ascii: "/"), authorityStart != UInt8(ascii: "?"), authorityStart != UInt8(ascii: "#") {
                    return nil
                }
            }
        }
        return WireError(status: .badRequest, reason: "invalid request target")
    }
}
