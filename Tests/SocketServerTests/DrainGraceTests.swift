import Dispatch
import HTTPTestClient
import Testing

@testable import SocketServer

/// A graceful shutdown answers every request that had fully arrived: on idle keep-alive connections
/// (kept open for `idleDrainGrace`) and behind an in-flight request on a pipelining one.
struct DrainGraceTests {
    /// Returns once the drain has begun on the control queue and on every worker queue.
    func shutdownAndWaitForTheDrain(_ server: TestServer) {
        server.server.shutdown()
        #expect(server.server.state == .draining)  // runs after beginDrain on the control queue
        _ = server.server.connectionPhases()  // runs after each worker's beginDrain
    }

    @Test func aRequestOnAnIdleConnection_SentAfterTheDrainBegan_IsAnsweredWithClose() throws {
        let server = try TestServer { $0.idleDrainGrace = .seconds(5) }
        let client = try server.client()
        try client.send("GET /before HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().header("Connection") == "keep-alive")

        shutdownAndWaitForTheDrain(server)
        try client.send("GET /during HTTP/1.1\r\nHost: t\r\n\r\n")
        let reply = try client.readResponse()
        #expect(reply.text == "GET /during 0")
        #expect(reply.header("Connection") == "close")
        #expect(try client.waitForClose().isEmpty)
        client.close()
        #expect(server.server.waitUntilStopped(timeout: .seconds(5)))
    }

    @Test func anIdleConnection_ClosesWhenTheGraceEnds() throws {
        let grace = Duration.milliseconds(200)
        let server = try TestServer { $0.idleDrainGrace = grace }
        let client = try server.client()
        try client.send("GET /before HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try client.readResponse()

        let started = ContinuousClock.now
        shutdownAndWaitForTheDrain(server)
        #expect(try client.waitForClose().isEmpty)
        #expect(ContinuousClock.now - started >= grace)
        #expect(server.server.waitUntilStopped(timeout: .seconds(5)))
    }

    @Test func pipelinedRequestsParsedBehindAnInFlightOne_AreAllAnswered_TheLastWithClose() throws {
        let responder = SlowWorkTests.ParkingResponder()
        let server = try TestServer(responder: responder)
        let client = try server.client()
        try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\nGET /a HTTP/1.1\r\nHost: t\r\n\r\nGET /b HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(responder.entered.wait(timeout: .now() + .seconds(5)) == .success)

        shutdownAndWaitForTheDrain(server)
        responder.release.signal()
        for path in ["/slow", "/a"] {
            let reply = try client.readResponse()
            #expect(reply.text == "GET \(path) 0")
            #expect(reply.header("Connection") == "keep-alive")
        }
        let last = try client.readResponse()
        #expect(last.text == "GET /b 0")
        #expect(last.header("Connection") == "close")
        #expect(try client.waitForClose().isEmpty)
        client.close()
        #expect(server.server.waitUntilStopped(timeout: .seconds(5)))
    }
}
