import Dispatch
import HTTPTestClient
import HTTPWire
import SocketServer
import Testing

/// `RequestWorkload.slow`: the answer is computed off the connection's queue, so the connections
/// sharing that queue keep being served, and still goes out in request order.
struct SlowWorkTests {
    /// `/slow` is declared slow and parks until the test releases it; anything else echoes.
    final class ParkingResponder: HTTPResponder {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)

        func workload(of request: HTTPRequest) -> RequestWorkload {
            request.path == "/slow" ? .slow : .quick
        }

        func respond(to request: HTTPRequest) -> HTTPResponse {
            if request.path == "/slow" {
                entered.signal()
                _ = release.wait(timeout: .now() + .seconds(10))
            }
            return EchoResponder().respond(to: request)
        }
    }

    /// One queue for every connection: were the slow request answered on it, the other
    /// connection's request would wait until the release.
    @Test func slowRequest_LeavesItsQueueFree_AndIsAnsweredInOrder() throws {
        let responder = ParkingResponder()
        let server = try TestServer(responder: responder) { $0.queueCount = 1 }
        defer { server.stop() }
        let pipelining = try server.client()
        try pipelining.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(responder.entered.wait(timeout: .now() + .seconds(5)) == .success)

        let other = try server.client()
        try other.send("GET /other HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try other.readResponse(timeoutMilliseconds: 2000).text == "GET /other 0")

        responder.release.signal()
        #expect(try pipelining.readResponse().text == "GET /slow 0")
        #expect(try pipelining.readResponse().text == "GET /after 0")
        try pipelining.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try pipelining.readResponse().text == "GET /again 0")
    }

    /// A drain waits for slow work in flight and sends its answer with `Connection: close`.
    @Test func shutdownDuringSlowWork_StillDeliversItsAnswer() throws {
        let responder = ParkingResponder()
        let server = try TestServer(responder: responder)
        let client = try server.client()
        try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(responder.entered.wait(timeout: .now() + .seconds(5)) == .success)
        server.server.shutdown()
        #expect(server.server.state == .draining)  // waits on the control queue, where the drain begins
        responder.release.signal()
        let reply = try client.readResponse()
        #expect(reply.text == "GET /slow 0")
        #expect(reply.header("Connection") == "close")
        #expect(try client.waitForClose().isEmpty)
        client.close()  // else the server lingers (up to lingerClose) waiting for our FIN
        #expect(server.server.waitUntilStopped(timeout: .seconds(10)))
    }
}
