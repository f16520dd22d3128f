import Testing
@testable import HTTPWire

struct HTTPHeadersTests {
    @Test func lookupIsCaseInsensitiveAndOrdered() {
        var headers: HTTPHeaders = ["Host": "a", "X-Multi": "1"]
        headers.add("x-multi", "2")
        #expect(headers["HOST"] == "a")
        #expect(headers.values("X-MULTI") == ["1", "2"])
        #expect(headers.contains("x-multi"))
        #expect(!headers.contains("x-mult"))
        #expect(headers.count == 3)
        headers.set("X-Multi", "3")
        #expect(headers.values("x-multi") == ["3"])
        #expect(headers.map(\.name) == ["Host", "X-Multi"])
    }
}
