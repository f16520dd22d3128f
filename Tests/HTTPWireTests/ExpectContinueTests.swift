import Testing
@testable import HTTPWire

struct ExpectContinueTests {
    static let head = "POST /upload HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"

    @Test func headAloneAsksForContinue() throws {
        var parser = RequestParser()
        #expect(parser.feed(Array(Self.head)) == [.continueExpected])
        #expect(parser.hasPartialRequest)
        #expect(!parser.isReadingHead)
        let events = parser.feed(Array("body"))
        guard case .request(let request)? = events.first else { Issue.record("no request"); return }
        #expect(request.body == Array("body"))
        #expect(request.headers["expect"] == "100-continue")
    }

    @Test func noContinueWhenBodyBytesCameWithTheHead() {
        var parser = RequestParser()
        let events = parser.feed(Array(Self.head + "b"))
        #expect(events.isEmpty)
        #expect(parser.feed(Array("ody")).count == 1)
    }

    @Test func chunkedAndCaseInsensitive() {
        var parser = RequestParser()
        let head = "PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-Continue\r\n\r\n"
        #expect(parser.feed(Array(head)) == [.continueExpected])
    }

    @Test func ignoredForHTTP10AndForEmptyBodies() {
        var parser = RequestParser()
        #expect(parser.feed(Array("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")).isEmpty)
        var parser2 = RequestParser()
        let events = parser2.feed(Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n"))
        #expect(events.count == 1)
        #expect(events.first != .continueExpected)
    }

    @Test func oversizedBodyIsRefusedInsteadOfContinued() {
        var parser = RequestParser(limits: ParserLimits(maxBodyBytes: 3))
        #expect(parser.feed(Array(Self.head)) == [.error(WireError(status: .payloadTooLarge, reason: "Content-Length over limit"))])
    }

    @Test func pipelinedAfterAnotherRequest() {
        var parser = RequestParser()
        let events = parser.feed(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n" + Self.head))
        #expect(events.count == 2)
        #expect(events.last == .continueExpected)
    }
}

struct ParserProgressTests {
    @Test func partialRequestTracking() {
        var parser = RequestParser()
        #expect(!parser.hasPartialRequest && parser.isReadingHead)
        _ = parser.feed(Array("\r\n"))
        #expect(!parser.hasPartialRequest)
        _ = parser.feed(Array("GE"))
        #expect(parser.hasPartialRequest && parser.isReadingHead)
        _ = parser.feed(Array("T / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n"))
        #expect(parser.hasPartialRequest && !parser.isReadingHead)
        #expect(parser.feed(Array("ok")).count == 1)
        #expect(!parser.hasPartialRequest && parser.isReadingHead)
    }

    @Test func storageIsReusedAcrossFeeds() {
        // A head split over many reads is resumed, not rescanned: 64 KiB fed byte by byte stays fast.
        var parser = RequestParser()
        let input = Array(ParserLimitsTests.get(fields: ParserLimitsTests.headerBlock(bytes: 65536)))
        var count = 0
        for byte in input { count += parser.feed([byte]).count }
        #expect(count == 1)
    }
}
