import Testing
@testable import HTTPWire

struct RequestParserTests {
    @Test func simpleGet() throws {
        let requests = ParserVerifier.requests("GET /v1/items?gstin=27AAA&x=1 HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: k\r\n\r\n")
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == .get)
        #expect(request.target == "/v1/items?gstin=27AAA&x=1")
        #expect(request.path == "/v1/items")
        #expect(request.query == "gstin=27AAA&x=1")
        #expect(request.version == .http1_1)
        #expect(request.headers["x-api-key"] == "k")
        #expect(request.body.isEmpty)
        #expect(request.keepAlive)
    }

    @Test func headersKeepOrderDuplicatesAndTrimOWS() throws {
        let request = try #require(ParserVerifier.requests(
            "GET / HTTP/1.1\r\nHost: h\r\nB: 1\r\na:\t two words \t\r\nb: 2\r\nEmpty:\r\nSpaces:   \r\n\r\n"
        ).first)
        #expect(request.headers.map(\.name) == ["Host", "B", "a", "b", "Empty", "Spaces"])
        #expect(request.headers.map(\.value) == ["h", "1", "two words", "2", "", ""])
        #expect(request.headers.values("B") == ["1", "2"])
    }

    @Test func contentLengthBody() throws {
        let request = try #require(ParserVerifier.requests(
            "POST /gst HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n", "hello world"
        ).first)
        #expect(request.method == .post)
        #expect(request.body == Array("hello world"))
    }

    @Test func repeatedIdenticalContentLengthIsAccepted() throws {
        for header in ["Content-Length: 5, 5", "Content-Length: 5\r\nContent-Length: 5", "Content-Length: 5,5,"] {
            let request = try #require(ParserVerifier.requests("PUT / HTTP/1.1\r\nHost: h\r\n\(header)\r\n\r\n", "abcde").first)
            #expect(request.body == Array("abcde"))
        }
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let request = try #require(ParserVerifier.requests(
            "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n",
            "5;name=value;flag\r\nhello\r\n", "6 ; q=\"x y\"\r\n world\r\n", "A\r\n0123456789\r\n",
            "0\r\nExpires: never\r\nX-Checksum: abc\r\n\r\n"
        ).first)
        #expect(request.body == Array("hello world0123456789"))
        #expect(!request.headers.contains("Expires"))
    }

    @Test func chunkedCodingIsCaseInsensitiveAndUppercaseHex() throws {
        let request = try #require(ParserVerifier.requests(
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: CHUNKED\r\n\r\n", "0000a\r\n0123456789\r\n0\r\n\r\n"
        ).first)
        #expect(request.body.count == 10)
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let requests = ParserVerifier.requests(
            "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n",
            "POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc",
            "POST /3 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n",
            "HEAD /4 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
        )
        #expect(requests.map(\.path) == ["/1", "/2", "/3", "/4"])
        #expect(requests.map(\.body) == [[], Array("abc"), Array("xy"), []])
        #expect(requests.map(\.keepAlive) == [true, true, true, false])
    }

    @Test func errorAfterValidRequestsIsTerminal() {
        var parser = RequestParser()
        let events = parser.feed(Array("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost : h\r\n\r\n"))
        #expect(events.count == 2)
        #expect(events.last == .error(WireError(status: .badRequest, reason: "whitespace before colon")))
        #expect(parser.feed(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n")).isEmpty)
        #expect(!parser.hasPartialRequest)
    }

    @Test func headRequest() throws {
        let request = try #require(ParserVerifier.requests("HEAD /x HTTP/1.1\r\nHost: h\r\n\r\n").first)
        #expect(request.method == .head)
        #expect(request.method.description == "HEAD")
    }

    @Test func customMethodToken() throws {
        let request = try #require(ParserVerifier.requests("M-SEARCH / HTTP/1.1\r\nHost: h\r\n\r\n").first)
        #expect(request.method == HTTPMethod("M-SEARCH"))
    }

    @Test(arguments: [
        ("HTTP/1.1", "", true), ("HTTP/1.1", "Connection: close\r\n", false),
        ("HTTP/1.1", "Connection: Upgrade, CLOSE\r\n", false), ("HTTP/1.1", "Connection: keep-alive\r\n", true),
        ("HTTP/1.0", "", false), ("HTTP/1.0", "Connection: keep-alive\r\n", true),
        ("HTTP/1.0", "Connection: Keep-Alive\r\n", true), ("HTTP/1.0", "Connection: keep-alive, close\r\n", false),
    ])
    func persistence(version: String, header: String, keepAlive: Bool) throws {
        let request = try #require(ParserVerifier.requests("GET / \(version)\r\nHost: h\r\n\(header)\r\n").first)
        #expect(request.keepAlive == keepAlive)
        #expect(request.version == (version == "HTTP/1.0" ? .http1_0 : .http1_1))
    }

    @Test func http10WithoutHostIsAccepted() throws {
        let request = try #require(ParserVerifier.requests("GET /old HTTP/1.0\r\n\r\n").first)
        #expect(request.version == .http1_0)
        #expect(!request.keepAlive)
    }

    @Test func leadingEmptyLinesAreSkipped() {
        let requests = ParserVerifier.requests("\r\n\r\nGET /a HTTP/1.1\r\nHost: h\r\n\r\n", "\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(requests.map(\.path) == ["/a", "/b"])
    }

    @Test func absoluteForm() throws {
        let cases: [(String, String, String?)] = [
            ("http://example.com/api/v1?x=1", "/api/v1", "x=1"),
            ("https://example.com:8443", "/", nil),
            ("HTTP://example.com?q", "/", "q"),
            ("http://user@example.com/p#frag", "/p", nil),
        ]
        for (target, path, query) in cases {
            let request = try #require(ParserVerifier.requests("GET \(target) HTTP/1.1\r\nHost: example.com\r\n\r\n").first)
            #expect(request.target == target)
            #expect(request.path == path)
            #expect(request.query == query)
        }
    }

    @Test func asteriskFormForOptions() throws {
        let request = try #require(ParserVerifier.requests("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").first)
        #expect(request.method == .options)
        #expect(request.path == "*")
        #expect(request.query == nil)
    }

    @Test func obsTextInValueIsKept() throws {
        let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\nX-Name: caf") + [0xC3, 0xA9] + Array("\r\n\r\n")
        let events = ParserVerifier.events([bytes])
        guard case .request(let request)? = events.first else { Issue.record("no request"); return }
        #expect(request.headers["x-name"] == "café")
    }
}
