import Testing
@testable import HTTPWire

/// Every limit exactly at its boundary (accepted) and one past it (rejected).
struct ParserLimitsTests {
    static func get(target: String = "/", fields: String = "Host: h\r\n") -> String {
        "GET \(target) HTTP/1.1\r\n\(fields)\r\n"
    }

    /// A header block of exactly `bytes` bytes (field lines with their CRLFs): Host + one filler.
    static func headerBlock(bytes: Int) -> String {
        let host = "Host: h\r\n"
        let fillerValue = bytes - host.utf8.count - "X: \r\n".utf8.count
        return host + "X: " + String(repeating: "v", count: fillerValue) + "\r\n"
    }

    @Test func defaultsMatchTheContract() {
        let limits = ParserLimits.default
        #expect(limits.maxRequestTargetBytes == 8192)
        #expect(limits.maxHeaderBytes == 65536)
        #expect(limits.maxHeaderCount == 100)
        #expect(limits.maxBodyBytes == 8 << 20)
        #expect(limits.maxChunkLineBytes == 1024)
    }

    @Test func requestTarget() {
        let atLimit = "/" + String(repeating: "a", count: 8191)
        #expect(ParserVerifier.requests(Self.get(target: atLimit)).first?.path == atLimit)
        #expect(ParserVerifier.errorStatus([Array(Self.get(target: atLimit + "a"))]) == 414)
        // Rejected while the line is still arriving, without waiting for its end.
        var parser = RequestParser()
        #expect(parser.feed(Array("GET " + atLimit + "a")).count == 1)
    }

    @Test func headerBytes() {
        #expect(ParserVerifier.requests(Self.get(fields: Self.headerBlock(bytes: 65536))).count == 1)
        #expect(ParserVerifier.errorStatus([Array(Self.get(fields: Self.headerBlock(bytes: 65537)))]) == 431)
    }

    @Test func headerBytesWithSmallLimitAtEveryFieldPosition() {
        // Crossing the limit on the name, the value, the CR or the LF must all give 431.
        let limits = ParserLimits(maxHeaderBytes: 40)
        for size in 30...45 {
            let input = Self.get(fields: Self.headerBlock(bytes: size))
            let events = ParserVerifier.events([Array(input)], limits: limits)
            if size <= 40 {
                #expect(events.count == 1 && events.first.map { if case .request = $0 { true } else { false } } == true)
            } else {
                #expect(events == [.error(WireError(status: .requestHeaderFieldsTooLarge, reason: "header block too large"))])
            }
        }
        let colonPastLimit = "GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "N", count: 40) + ": v\r\n\r\n"
        #expect(ParserVerifier.errorStatus([Array(colonPastLimit)], limits: limits) == 431)
    }

    @Test func headerCount() {
        let fields = (1...99).map { "X-\($0): v\r\n" }.joined()
        #expect(ParserVerifier.requests(Self.get(fields: "Host: h\r\n" + fields)).first?.headers.count == 100)
        #expect(ParserVerifier.errorStatus([Array(Self.get(fields: "Host: h\r\n" + fields + "X-100: v\r\n"))]) == 431)
    }

    @Test func contentLengthBody() {
        let limits = ParserLimits(maxBodyBytes: 100)
        let body = String(repeating: "b", count: 100)
        let head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: "
        #expect(ParserVerifier.requests(head + "100\r\n\r\n", body, limits: limits).first?.body.count == 100)
        // Over the limit: refused at the end of the head, without reading the body.
        var parser = RequestParser(limits: limits)
        #expect(parser.feed(Array(head + "101\r\n\r\n")) == [.error(WireError(status: .payloadTooLarge, reason: "Content-Length over limit"))])
    }

    @Test func contentLengthWithDefaultLimit() {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: "
        #expect(ParserVerifier.errorStatus([Array(head + "\(8 << 20 + 1)\r\n\r\n")]) == 413)
        #expect(ParserVerifier.errorStatus([Array(head + "99999999999999999999999999\r\n\r\n")]) == 413)
        var parser = RequestParser()
        let events = parser.feed(Array(head + "\(8 << 20)\r\n\r\n") + [UInt8](repeating: 0x61, count: 8 << 20))
        guard case .request(let request)? = events.first else { Issue.record("no request"); return }
        #expect(request.body.count == 8 << 20)
    }

    @Test func chunkedBody() {
        let limits = ParserLimits(maxBodyBytes: 20)
        let head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        let ten = String(repeating: "c", count: 10)
        #expect(ParserVerifier.requests(head, "a\r\n\(ten)\r\n", "a\r\n\(ten)\r\n0\r\n\r\n", limits: limits).first?.body.count == 20)
        #expect(ParserVerifier.errorStatus([Array(head), Array("a\r\n\(ten)\r\n"), Array("b\r\n\(ten)c\r\n0\r\n\r\n")], limits: limits) == 413)
        // A size line far beyond any limit is refused at the digit that crosses it, never overflowing.
        #expect(ParserVerifier.errorStatus([Array(head + "fffffffffffffffffffffff\r\n")]) == 413)
    }

    @Test func chunkLine() {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        let atLimit = "1;" + String(repeating: "e", count: 1022)  // 1024 bytes before CRLF
        #expect(ParserVerifier.requests(head + atLimit + "\r\nx\r\n0\r\n\r\n").first?.body == Array("x"))
        #expect(ParserVerifier.errorStatus([Array(head + atLimit + "e\r\nx\r\n0\r\n\r\n")]) == 400)
        let digitsAtLimit = String(repeating: "0", count: 1023) + "1"
        #expect(ParserVerifier.requests(head + digitsAtLimit + "\r\nx\r\n0\r\n\r\n").first?.body == Array("x"))
        #expect(ParserVerifier.errorStatus([Array(head + "0" + digitsAtLimit + "\r\nx\r\n0\r\n\r\n")]) == 400)
    }

    @Test func trailerSectionCountsAgainstHeaderBytes() {
        let limits = ParserLimits(maxHeaderBytes: 100)
        let head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
        let trailer = { (bytes: Int) in "T: " + String(repeating: "t", count: bytes - 5) + "\r\n" }
        #expect(ParserVerifier.requests(head + trailer(100) + "\r\n", limits: limits).count == 1)
        #expect(ParserVerifier.errorStatus([Array(head + trailer(101) + "\r\n")], limits: limits) == 431)
    }
}
