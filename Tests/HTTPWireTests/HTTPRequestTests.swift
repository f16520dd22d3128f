import Testing
@testable import HTTPWire

struct HTTPRequestTests {
    static func request(_ target: String, headers: HTTPHeaders = ["Host": "h"], version: HTTPVersion = .http1_1) -> HTTPRequest {
        HTTPRequest(method: .get, target: target, version: version, headers: headers, body: [])
    }

    @Test func queryDecoding() {
        let request = Self.request("/otp/verify?otp=12%2034&name=A+B&empty=&flag&utf=caf%C3%A9&dup=1&dup=2&bad=%zz%4&&")
        #expect(request.path == "/otp/verify")
        #expect(request.queryValue("otp") == "12 34")
        #expect(request.queryValue("name") == "A B")
        #expect(request.queryValue("empty") == "")
        #expect(request.queryValue("flag") == "")
        #expect(request.queryValue("utf") == "café")
        #expect(request.queryValue("dup") == "1")
        #expect(request.queryValue("bad") == "%zz%4")
        #expect(request.queryValue("missing") == nil)
        #expect(request.queryItems.map(\.name) == ["otp", "name", "empty", "flag", "utf", "dup", "dup", "bad"])
    }

    @Test func encodedNamesAndEquals() {
        let request = Self.request("/?a%5Bb%5D=x%3Dy=z&%2B=plus")
        #expect(request.queryValue("a[b]") == "x=y=z")
        #expect(request.queryValue("+") == "plus")
    }

    @Test(arguments: [
        ("/", "/", nil), ("/a/b", "/a/b", nil), ("/a?", "/a", ""), ("/a?x=1?y", "/a", "x=1?y"),
        ("/%2Fraw", "/%2Fraw", nil), ("http://h", "/", nil), ("https://h:1/p?q", "/p", "q"), ("*", "*", nil),
    ] as [(String, String, String?)])
    func pathAndQuery(target: String, path: String, query: String?) {
        let request = Self.request(target)
        #expect(request.path == path)
        #expect(request.query == query)
    }

    @Test func noQueryGivesNoItems() {
        #expect(Self.request("/x").queryItems.isEmpty)
        #expect(Self.request("/x").queryValue("a") == nil)
    }

    @Test func publicInitDerivesKeepAlive() {
        #expect(Self.request("/").keepAlive)
        #expect(!Self.request("/", headers: ["Connection": "close"]).keepAlive)
        #expect(!Self.request("/", version: .http1_0).keepAlive)
        #expect(Self.request("/", headers: ["connection": "Keep-Alive"], version: .http1_0).keepAlive)
    }

    @Test func statusReasonPhrases() {
        #expect(HTTPStatus.ok.reasonPhrase == "OK")
        #expect(HTTPStatus.payloadTooLarge.code == 413)
        #expect(HTTPStatus.uriTooLong.reasonPhrase == "URI Too Long")
        #expect(HTTPStatus.requestHeaderFieldsTooLarge.code == 431)
        #expect(HTTPStatus.httpVersionNotSupported.reasonPhrase == "HTTP Version Not Supported")
        #expect(HTTPStatus(code: 299).reasonPhrase == "Unknown")
    }
}
