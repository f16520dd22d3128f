import Glibc
import HTTPTestClient
import HTTPWire
import Synchronization
import Testing

@testable import SocketServer

/// A client that pipelines requests and never reads must not make the server compute (and hold in
/// memory) an answer for every request it sent: past the high-water mark of unsent output the
/// connection stops answering, and goes on in order once the client reads.
struct BackpressureTests {
    /// Answers `/n/K` with `size` bytes that start with `K;`, and counts the answers computed.
    final class NumberedResponder: HTTPResponder {
        let size: Int
        let answered = Atomic<Int>(0)
        init(size: Int) { self.size = size }

        func respond(to request: HTTPRequest) -> HTTPResponse {
            answered.add(1, ordering: .relaxed)
            let tag = Array("\(request.path.split(separator: "/").last ?? "");".utf8)
            var body = [UInt8](repeating: UInt8(ascii: "x"), count: size)
            body.replaceSubrange(0..<tag.count, with: tag)
            return HTTPResponse(status: .ok, body: body)
        }
    }

    @Test func aClientThatDoesNotRead_GetsAnswersComputedOnlyUpToTheHighWaterMark_ThenAllInOrder() throws {
        let size = 64 * 1024
        let highWaterMark = 128 * 1024
        let responder = NumberedResponder(size: size)
        let server = try TestServer(responder: responder) { $0.outboundHighWaterMark = highWaterMark }
        defer { server.stop() }
        let client = try server.client()
        // 400 answers of 64 KiB are 25 MiB: far more than the kernel's socket buffers take.
        let total = 400
        try client.send((0..<total).map { "GET /n/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())

        let deadline = ContinuousClock.now + .seconds(10)
        var backlog: ConnectionBacklog?
        while ContinuousClock.now < deadline {
            backlog = server.server.connectionBacklogs().first { $0.heldRequests > 0 }
            if backlog != nil { break }
        }
        let held = try #require(backlog, "the connection never held a request back")
        #expect(held.unsentBytes <= highWaterMark + size)  // the output buffer stays bounded
        #expect(responder.answered.load(ordering: .relaxed) < total)

        // Once the client reads, every request is answered, in order.
        for index in 0..<total {
            let response = try client.readResponse()
            #expect(response.text.hasPrefix("\(index);"))
        }
        #expect(responder.answered.load(ordering: .relaxed) == total)
    }
}
