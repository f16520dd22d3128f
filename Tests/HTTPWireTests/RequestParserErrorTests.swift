import Testing
@testable import HTTPWire

/// Each malformed input must end in one terminal error with the expected status, identically
/// for every way of splitting it.
struct RequestParserErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let status: Int
        var testDescription: String { name }
        init(_ name: String, _ input: String, _ status: Int) {
            self.name = name
            self.input = input
            self.status = status
        }
    }

    static let host = "Host: h\r\n"

    static let framing: [Case] = [
        Case("CL with TE", "POST / HTTP/1.1\r\n\(host)Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        Case("TE with CL", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n", 400),
        Case("conflicting CL fields", "POST / HTTP/1.1\r\n\(host)Content-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
        Case("conflicting CL list", "POST / HTTP/1.1\r\n\(host)Content-Length: 5, 6\r\n\r\n", 400),
        Case("non-digit CL", "POST / HTTP/1.1\r\n\(host)Content-Length: 5a\r\n\r\n", 400),
        Case("signed CL", "POST / HTTP/1.1\r\n\(host)Content-Length: +5\r\n\r\n", 400),
        Case("negative CL", "POST / HTTP/1.1\r\n\(host)Content-Length: -1\r\n\r\n", 400),
        Case("empty CL", "POST / HTTP/1.1\r\n\(host)Content-Length: \r\n\r\n", 400),
        Case("CL with inner space", "POST / HTTP/1.1\r\n\(host)Content-Length: 1 2\r\n\r\n", 400),
        Case("hex CL", "POST / HTTP/1.1\r\n\(host)Content-Length: 0x10\r\n\r\n", 400),
        Case("obs-fold", "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n  continued\r\n\r\n", 400),
        Case("tab obs-fold", "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n\tcontinued\r\n\r\n", 400),
        Case("whitespace before first field", "GET / HTTP/1.1\r\n \(host)\r\n", 400),
        Case("space before colon", "GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400),
        Case("tab before colon", "GET / HTTP/1.1\r\n\(host)X-A\t: 1\r\n\r\n", 400),
        Case("NUL in value", "GET / HTTP/1.1\r\n\(host)X-A: a\u{0}b\r\n\r\n", 400),
        Case("ESC in value", "GET / HTTP/1.1\r\n\(host)X-A: a\u{1B}b\r\n\r\n", 400),
        Case("DEL in value", "GET / HTTP/1.1\r\n\(host)X-A: a\u{7F}b\r\n\r\n", 400),
        Case("bare CR in value", "GET / HTTP/1.1\r\n\(host)X-A: a\rb\r\n\r\n", 400),
        Case("bare LF line end", "GET / HTTP/1.1\r\n\(host)X-A: a\n\r\n", 400),
        Case("bare LF request line", "GET / HTTP/1.1\n\(host)\r\n", 400),
        Case("bare LF head end", "GET / HTTP/1.1\r\n\(host)\n", 400),
        Case("bare LF before request", "\nGET / HTTP/1.1\r\n\(host)\r\n", 400),
        Case("bare CR before request", "\rGET / HTTP/1.1\r\n\(host)\r\n", 400),
        Case("missing Host", "GET / HTTP/1.1\r\nX-A: 1\r\n\r\n", 400),
        Case("duplicate Host", "GET / HTTP/1.1\r\n\(host)host: h2\r\n\r\n", 400),
        Case("duplicate Host 1.0", "GET / HTTP/1.0\r\n\(host)\(host)\r\n", 400),
        Case("invalid method char", "G@T / HTTP/1.1\r\n\(host)\r\n", 400),
        Case("lowercase-invalid method", "GE(T / HTTP/1.1\r\n\(host)\r\n", 400),
        Case("method too long", "\(String(repeating: "A", count: 33)) / HTTP/1.1\r\n\(host)\r\n", 501),
        Case("invalid header name", "GET / HTTP/1.1\r\n\(host)X(A): 1\r\n\r\n", 400),
        Case("empty header name", "GET / HTTP/1.1\r\n\(host): 1\r\n\r\n", 400),
        Case("name without colon", "GET / HTTP/1.1\r\n\(host)NoColon\r\n\r\n", 400),
        Case("non-ASCII header name", "GET / HTTP/1.1\r\n\(host)Caf\u{E9}: 1\r\n\r\n", 400),
        Case("double space after method", "GET  / HTTP/1.1\r\n\(host)\r\n", 400),
        Case("double space before version", "GET /  HTTP/1.1\r\n\(host)\r\n", 400),
        Case("trailing space after version", "GET / HTTP/1.1 \r\n\(host)\r\n", 400),
        Case("leading space", " GET / HTTP/1.1\r\n\(host)\r\n", 400),
        Case("tab separator", "GET\t/ HTTP/1.1\r\n\(host)\r\n", 400),
        Case("no version", "GET /\r\n\(host)\r\n", 400),
        Case("lowercase version", "GET / http/1.1\r\n\(host)\r\n", 400),
        Case("version garbage", "GET / HTTP/1.x\r\n\(host)\r\n", 400),
        Case("version too long", "GET / HTTP/1.10\r\n\(host)\r\n", 400),
        Case("short version", "GET / HTTP/2\r\n\(host)\r\n", 400),
        Case("control in target", "GET /a\u{1}b HTTP/1.1\r\n\(host)\r\n", 400),
        Case("non-ASCII target", "GET /caf\u{E9} HTTP/1.1\r\n\(host)\r\n", 400),
        Case("relative target", "GET foo HTTP/1.1\r\n\(host)\r\n", 400),
        Case("asterisk without OPTIONS", "GET * HTTP/1.1\r\n\(host)\r\n", 400),
        Case("authority form", "CONNECT h:443 HTTP/1.1\r\n\(host)\r\n", 400),
        Case("absolute form empty authority", "GET http:///x HTTP/1.1\r\n\(host)\r\n", 400),
        Case("unknown scheme", "GET ftp://h/x HTTP/1.1\r\n\(host)\r\n", 400),
        Case("TE in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        Case("empty TE", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: \r\n\r\n", 400),
    ]

    static let chunked: [Case] = chunkCases.map { name, body in
        Case(name, "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n\(body)", 400)
    }

    static let chunkCases: [(String, String)] = [
        ("chunk size not hex", "g\r\nx\r\n0\r\n\r\n"),
        ("chunk size empty", "\r\nx\r\n0\r\n\r\n"),
        ("chunk size negative", "-1\r\nx\r\n0\r\n\r\n"),
        ("chunk size 0x prefix", "0x1\r\nx\r\n0\r\n\r\n"),
        ("chunk size then garbage", "1x\r\nx\r\n0\r\n\r\n"),
        ("missing CRLF after data", "1\r\nxy\r\n0\r\n\r\n"),
        ("LF only after data", "1\r\nx\n0\r\n\r\n"),
        ("CR without LF after data", "1\r\nx\rz0\r\n\r\n"),
        ("bare LF after size", "1\nx\r\n0\r\n\r\n"),
        ("control in extension", "1;a=\u{1}\r\nx\r\n0\r\n\r\n"),
        ("chunk line too long", "1;\(String(repeating: "e", count: 1100))\r\nx\r\n0\r\n\r\n"),
        ("too many size digits", "\(String(repeating: "0", count: 1025))1\r\nx\r\n0\r\n\r\n"),
        ("obs-fold in trailer", "0\r\nA: 1\r\n b\r\n\r\n"),
        ("invalid trailer name", "0\r\nA B: 1\r\n\r\n"),
        ("control in trailer", "0\r\nA: \u{0}\r\n\r\n"),
        ("bare LF in trailer", "0\r\nA: 1\n\r\n"),
        ("bare LF at end", "0\r\n\n"),
    ]

    static let unsupported: [Case] = [
        Case("gzip, chunked", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip, chunked\r\n\r\n", 501),
        Case("identity", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: identity\r\n\r\n", 501),
        Case("chunked, gzip", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, gzip\r\n\r\n", 501),
        Case("chunked twice", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
        Case("HTTP/2.0", "GET / HTTP/2.0\r\n\(host)\r\n", 505),
        Case("HTTP/0.9", "GET / HTTP/0.9\r\n\(host)\r\n", 505),
        Case("HTTP/1.2", "GET / HTTP/1.2\r\n\(host)\r\n", 505),
        Case("HTTP/3.0", "GET / HTTP/3.0\r\n\(host)\r\n", 505),
        Case("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505),
    ]

    @Test(arguments: framing + chunked + unsupported)
    func rejects(_ testCase: Case) {
        #expect(ParserVerifier.errorStatus([Array(testCase.input)]) == testCase.status)
    }

    @Test func errorCarriesReason() {
        var parser = RequestParser()
        let events = parser.feed(Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"))
        #expect(events == [.error(WireError(status: .badRequest, reason: "Content-Length with Transfer-Encoding"))])
        #expect(parser.feed(Array("x")).isEmpty)
    }

    @Test func errorIsReportedBeforeTheHeadEnds() {
        // A bad byte is rejected when it arrives; the server need not wait for the blank line.
        var parser = RequestParser()
        #expect(parser.feed(Array("GET / HTTP/1.1\r\nX-A: \u{0}")).count == 1)
    }
}
