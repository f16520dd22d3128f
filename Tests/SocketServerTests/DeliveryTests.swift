import HTTPTestClient
import HTTPWire
import SocketServer
import Testing

/// `HTTPDelivery`: delayed responses are written later without holding the queue; dropped ones
/// close the connection after what was queued before them.
struct DeliveryTests {
    /// `/delay?ms=N` answers after N ms, `/drop` drops, anything else echoes.
    struct FaultyResponder: HTTPResponder {
        func respond(to request: HTTPRequest) -> HTTPResponse {
            var response = EchoResponder().respond(to: request)
            if request.path == "/delay", let ms = request.queryValue("ms").flatMap(Int.init) {
                response.delivery = .delayed(milliseconds: ms)
            } else if request.path == "/drop" {
                response.delivery = .dropConnection
            }
            return response
        }
    }

    /// One queue for every connection: if the delay blocked it, the second connection would wait too.
    @Test func delayKeepsPipelinedOrderAndDoesNotHoldTheQueue() throws {
        let server = try TestServer(responder: FaultyResponder()) { $0.queueCount = 1 }
        defer { server.stop() }
        let slow = try server.client()
        let started = ContinuousClock.now
        try slow.send("GET /delay?ms=300 HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        let other = try server.client()
        try other.send("GET /other HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try other.readResponse().text == "GET /other 0")
        #expect(ContinuousClock.now - started < .milliseconds(300))
        #expect(try slow.readResponse().text == "GET /delay?ms=300 0")
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(try slow.readResponse().text == "GET /after 0")
        // The connection is still usable afterwards.
        try slow.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try slow.readResponse().text == "GET /again 0")
    }

    @Test func dropWritesWhatCameBeforeThenCloses() throws {
        let server = try TestServer(responder: FaultyResponder())
        defer { server.stop() }
        let client = try server.client()
        try client.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /drop HTTP/1.1\r\nHost: x\r\n\r\nGET /never HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "GET /first 0")
        #expect(try client.waitForClose().isEmpty)
    }

    /// A graceful shutdown that starts while a delayed answer is pending waits for it and sends it
    /// with `Connection: close` (like any answer during a drain), then closes.
    @Test func shutdownDuringADelayStillDeliversIt() throws {
        let server = try TestServer(responder: FaultyResponder()) { $0.queueCount = 1 }
        let client = try server.client()
        try client.send("GET /delay?ms=200 HTTP/1.1\r\nHost: x\r\n\r\n")
        // One queue: once a later connection's request is answered, the earlier one has been read.
        let probe = try server.client()
        try probe.send("GET /probe HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try probe.readResponse()
        server.server.shutdown()
        let reply = try client.readResponse(timeoutMilliseconds: 5000)
        #expect(reply.text == "GET /delay?ms=200 0")
        #expect(reply.header("Connection") == "close")
        #expect(try client.waitForClose().isEmpty)
        #expect(server.server.waitUntilStopped(timeout: .seconds(10)))
    }
}
