import Dispatch
import HTTPTestClient
import HTTPWire
import Testing

@testable import SocketServer

/// A responder that parks `/slow` until the test releases it, and says when it has started.
final class GateResponder: HTTPResponder {
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)

    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/slow" {
            entered.signal()
            _ = release.wait(timeout: .now() + .seconds(10))
        }
        return HTTPResponse(status: .ok, body: Array("done \(request.path)".utf8))
    }
}

struct ShutdownTests {
    @Test func gracefulShutdown_FinishesInFlightRequest_ClosesIdleOnes_AndStops() throws {
        let gate = GateResponder()
        let server = try TestServer(responder: gate)
        let idle = try server.client()  // first connection: worker 0
        try idle.send("GET /warm HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        let busy = try server.client()  // second connection: worker 1
        try busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(gate.entered.wait(timeout: .now() + .seconds(5)) == .success)

        server.server.shutdown()
        #expect(try idle.waitForClose().isEmpty)  // idle keep-alive connection: closed after the grace
        #expect(server.server.state == .draining)

        gate.release.signal()
        let response = try busy.readResponse()
        #expect(response.text == "done /slow")
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(try busy.waitForClose().isEmpty)
        busy.close()  // else the server lingers (up to lingerClose) waiting for our FIN
        #expect(server.server.waitUntilStopped(timeout: .seconds(5)))
        #expect(server.server.state == .stopped)
        #expect(throws: HTTPClient.Failure.self) { try HTTPClient.open(port: server.port) }
    }

    @Test func drainDeadline_ForceClosesAConnectionStuckMidRequest() throws {
        let server = try TestServer { $0.drainTimeout = .milliseconds(200) }
        let stuck = try server.client()
        try stuck.send("GET /never-finished HTTP/1.1\r\nHost: t\r\n")
        server.server.shutdown()
        #expect(try stuck.waitForClose().isEmpty)
        #expect(server.server.waitUntilStopped(timeout: .seconds(5)))
    }

    @Test func shutdownOfAnIdleServer_StopsPromptly_AndRepeatsAreHarmless() throws {
        let server = try TestServer()
        server.server.shutdown()
        server.server.shutdown()
        #expect(server.server.waitUntilStopped(timeout: .seconds(5)))
        server.server.shutdown()
        #expect(server.server.state == .stopped)
    }

    @Test func shutdownBeforeStart_LeavesTheServerStopped() {
        let server = HTTPServer(configuration: .init(port: 0), responder: EchoResponder())
        server.shutdown()
        #expect(server.waitUntilStopped(timeout: .seconds(1)))
        #expect(server.state == .stopped)
        #expect(throws: ServerError.self) { try server.start() }
    }
}
