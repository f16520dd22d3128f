import Testing
@testable import HTTPWire

struct ResponseSerializerTests {
    static let date = Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8)

    static func write(_ response: HTTPResponse, method: HTTPMethod = .get, version: HTTPVersion = .http1_1, keepAlive: Bool = true) -> String {
        var buffer: [UInt8] = []
        ResponseSerializer.write(response, requestMethod: method, version: version, keepAlive: keepAlive, date: date, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test func jsonResponse() {
        let response = HTTPResponse.json(.ok, Array(#"{"code":200}"#.utf8))
        #expect(Self.write(response) == """
        HTTP/1.1 200 OK\r
        Date: Sun, 06 Nov 1994 08:49:37 GMT\r
        Content-Length: 12\r
        Connection: keep-alive\r
        Content-Type: application/json\r
        \r
        {"code":200}
        """)
    }

    @Test func headersInOrderAndFramingHeadersOwnedBySerializer() {
        var headers: HTTPHeaders = ["X-B": "2"]
        headers.add("Content-Length", "999")
        headers.add("x-a", "1")
        headers.add("Connection", "upgrade")
        headers.add("content-type", "text/plain")
        headers.add("Date", "yesterday")
        headers.add("Transfer-Encoding", "chunked")
        let text = Self.write(HTTPResponse(status: .notFound, headers: headers, body: Array("nope".utf8)), keepAlive: false)
        #expect(text == "HTTP/1.1 404 Not Found\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 4\r\nConnection: close\r\nContent-Type: text/plain\r\nX-B: 2\r\nx-a: 1\r\n\r\nnope")
    }

    @Test func headKeepsContentLengthButNoBody() {
        let text = Self.write(HTTPResponse(body: Array("0123456789".utf8)), method: .head)
        #expect(text == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 10\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test(arguments: [204, 304, 101])
    func noContentLengthOrBody(code: Int) {
        let text = Self.write(HTTPResponse(status: HTTPStatus(code: code), body: Array("x".utf8)))
        #expect(text == "HTTP/1.1 \(code) \(HTTPStatus(code: code).reasonPhrase)\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test func http10StillGetsHTTP11StatusLine() {
        let text = Self.write(HTTPResponse(status: .created), version: .http1_0, keepAlive: true)
        #expect(text.hasPrefix("HTTP/1.1 201 Created\r\n"))
        #expect(text.contains("Content-Length: 0\r\nConnection: keep-alive\r\n"))
    }

    @Test func appendsToExistingBufferForBatching() {
        var buffer = Array("previous".utf8)
        ResponseSerializer.write(HTTPResponse(status: .noContent), requestMethod: .get, version: .http1_1, keepAlive: true, date: Self.date, into: &buffer)
        ResponseSerializer.write(HTTPResponse(body: [0x41]), requestMethod: .get, version: .http1_1, keepAlive: false, date: Self.date, into: &buffer)
        let text = String(decoding: buffer, as: UTF8.self)
        #expect(text.hasPrefix("previousHTTP/1.1 204 No Content\r\n"))
        #expect(text.hasSuffix("Connection: close\r\n\r\nA"))
    }

    @Test func headerInjectionIsNeutralised() {
        let response = HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: x", "Bad\nName": "v"])
        let text = Self.write(response)
        #expect(text.contains("X-Evil: a  Set-Cookie: x\r\n"))
        #expect(text.contains("Bad Name: v\r\n"))
    }

    @Test func unknownAndCustomStatuses() {
        #expect(Self.write(HTTPResponse(status: HTTPStatus(code: 599))).hasPrefix("HTTP/1.1 599 Unknown\r\n"))
        #expect(Self.write(HTTPResponse(status: .unprocessableEntity)).hasPrefix("HTTP/1.1 422 Unprocessable Content\r\n"))
        #expect(Self.write(HTTPResponse(status: .tooManyRequests)).hasPrefix("HTTP/1.1 429 Too Many Requests\r\n"))
    }

    @Test func continueResponseBytes() {
        #expect(ResponseSerializer.continueResponse == Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }

    @Test(arguments: [0, 7, 10, 99, 100, 12345, 8 << 20, Int.max])
    func decimalDigits(value: Int) {
        var buffer: [UInt8] = [0x78]
        appendDecimal(value, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x\(value)")
    }
}

struct HTTPDateTests {
    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_700_000_000, "Tue, 14 Nov 2023 22:13:20 GMT"),
        (1_735_689_599, "Tue, 31 Dec 2024 23:59:59 GMT"),
        (4_102_444_800, "Fri, 01 Jan 2100 00:00:00 GMT"),
        (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
        (-2_208_988_800, "Mon, 01 Jan 1900 00:00:00 GMT"),
        (Int.max, "Fri, 31 Dec 9999 23:59:59 GMT"),
        (Int.min, "Mon, 01 Jan 0001 00:00:00 GMT"),
    ])
    func knownInstants(seconds: Int, expected: String) {
        #expect(String(decoding: HTTPDate.imfFixdate(epochSeconds: seconds), as: UTF8.self) == expected)
    }
}
