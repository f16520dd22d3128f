// Reading message bodies: Content-Length bodies and the chunked coding (RFC 9112 §6.3, §7.1).

extension RequestParser {
    /// Advances through body bytes of `p` from `i`. Returns an error to end the connection;
    /// appends the request to `events` when its body is complete.
    mutating func readBody(_ p: UnsafeRawBufferPointer, _ i: inout Int, _ events: inout [ParseEvent]) -> WireError? {
        let end = p.count
        while i < end {
            switch phase {
            case .fixedBody, .chunkData:
                // Bulk copy: the only place body bytes are moved.
                let take = min(bodyRemaining, end - i)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[i..<(i + take)]))
                i += take
                bodyRemaining -= take
                if bodyRemaining == 0 {
                    if phase == .fixedBody {
                        finishRequest(&events)
                        return nil
                    }
                    phase = .chunkDataCR
                }

            case .chunkSize:
                while i < end, let digit = hexValue(p[i]) {
                    if chunkLineLength >= limits.maxChunkLineBytes {
                        return WireError(status: .badRequest, reason: "chunk line too long")
                    }
                    // The running size is checked against what the body may still take, so a
                    // huge size line is refused at the digit that crosses the limit.
                    let (times16, overflow1) = bodyRemaining.multipliedReportingOverflow(by: 16)
                    let (size, overflow2) = times16.addingReportingOverflow(Int(digit))
                    if overflow1 || overflow2 || size > limits.maxBodyBytes - body.count {
                        return WireError(status: .payloadTooLarge, reason: "chunked body over limit")
                    }
                    bodyRemaining = size
                    chunkLineLength += 1
                    chunkSawDigit = true
                    i += 1
                }
                guard i < end else { return nil }
                let byte = p[i]
                guard chunkSawDigit else { return WireError(status: .badRequest, reason: "malformed chunk size") }
                if byte == ASCII.cr {
                    phase = .chunkSizeLF
                    i += 1
                } else if byte == ASCII.semicolon || isOWS(byte) {
                    phase = .chunkExtension
                } else {
                    return WireError(status: .badRequest, reason: "malformed chunk size")
                }

            case .chunkExtension:
                // chunk-ext is tolerated without being interpreted; only its bytes are policed.
                let room = limits.maxChunkLineBytes - chunkLineLength
                let limit = i + min(end - i, max(room, 0))
                let start = i
                while i < limit, isFieldValueByte(p[i]) { i += 1 }
                chunkLineLength += i - start
                guard i < end else { return nil }
                if p[i] == ASCII.cr {
                    phase = .chunkSizeLF
                    i += 1
                } else if isFieldValueByte(p[i]) {
                    return WireError(status: .badRequest, reason: "chunk line too long")
                } else {
                    return WireError(status: .badRequest, reason: "control character in chunk extension")
                }

            case .chunkSizeLF:
                guard p[i] == ASCII.lf else { return WireError(status: .badRequest, reason: "bare CR") }
                i += 1
                chunkLineLength = 0
                chunkSawDigit = false
                if bodyRemaining == 0 {
                    phase = .trailerLineStart
                    trailerBytes = 0
                } else {
                    phase = .chunkData
                    body.reserveCapacity(body.count + min(bodyRemaining, 1 << 16))
                }

            case .chunkDataCR:
                guard p[i] == ASCII.cr else { return WireError(status: .badRequest, reason: "missing CRLF after chunk data") }
                phase = .chunkDataLF
                i += 1

            case .chunkDataLF:
                guard p[i] == ASCII.lf else { return WireError(status: .badRequest, reason: "missing CRLF after chunk data") }
                phase = .chunkSize
                i += 1

            case .trailerLineStart, .trailerName, .trailerValue, .trailerLF, .trailerFinalLF:
                if let error = readTrailer(p, &i, &events) { return error }
                if phase == .idle { return nil }

            default:
                return nil
            }
        }
        return nil
    }

    /// Trailer fields are validated like header fields, counted against `maxHeaderBytes`
    /// (431 past it), then dropped: nothing in this server reads them.
    private mutating func readTrailer(_ p: UnsafeRawBufferPointer, _ i: inout Int, _ events: inout [ParseEvent]) -> WireError? {
        let end = p.count
        let tooLarge = WireError(status: .requestHeaderFieldsTooLarge, reason: "trailer section too large")
        while i < end {
            let byte = p[i]
            switch phase {
            case .trailerLineStart:
                if byte == ASCII.cr {
                    phase = .trailerFinalLF
                    i += 1
                    continue
                }
                if trailerBytes >= limits.maxHeaderBytes { return tooLarge }
                if isOWS(byte) { return WireError(status: .badRequest, reason: "obs-fold in trailer") }
                guard isTokenByte(byte) else { return WireError(status: .badRequest, reason: "invalid trailer name") }
                phase = .trailerName
            case .trailerName:
                if trailerBytes >= limits.maxHeaderBytes { return tooLarge }
                if byte == ASCII.colon {
                    phase = .trailerValue
                } else if !isTokenByte(byte) {
                    return WireError(status: .badRequest, reason: "invalid trailer name")
                }
                trailerBytes += 1
                i += 1
            case .trailerValue:
                let limit = i + min(end - i, max(limits.maxHeaderBytes - trailerBytes, 0))
                let start = i
                while i < limit, isFieldValueByte(p[i]) { i += 1 }
                trailerBytes += i - start
                guard i < end else { return nil }
                if trailerBytes >= limits.maxHeaderBytes { return tooLarge }
                guard p[i] == ASCII.cr else { return WireError(status: .badRequest, reason: "control character in trailer") }
                phase = .trailerLF
                trailerBytes += 1
                i += 1
            case .trailerLF:
                if trailerBytes >= limits.maxHeaderBytes { return tooLarge }
                guard byte == ASCII.lf else { return WireError(status: .badRequest, reason: "bare CR") }
                phase = .trailerLineStart
                trailerBytes += 1
                i += 1
            case .trailerFinalLF:
                guard byte == ASCII.lf else { return WireError(status: .badRequest, reason: "bare CR") }
                i += 1
                finishRequest(&events)
                return nil
            default:
                return nil
            }
        }
        return nil
    }
}
