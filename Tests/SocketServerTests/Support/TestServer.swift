import HTTPTestClient
import HTTPWire
import SocketServer

/// Starts an `HTTPServer` on 127.0.0.1 port 0 for one test; `stop()` drains it.
struct TestServer {
    let server: HTTPServer
    let port: Int

    init(
        responder: any HTTPResponder = EchoResponder(),
        clock: any ServerClock = MonotonicClock(),
        host: String = "127.0.0.1",
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) throws {
        var configuration = ServerConfiguration(host: host, port: 0, queueCount: 2)
        configuration.drainTimeout = .seconds(5)
        configure(&configuration)
        server = HTTPServer(configuration: configuration, responder: responder, clock: clock)
        try server.start()
        port = server.localAddress!.port
    }

    func client() throws -> HTTPClient { try HTTPClient.open(port: port) }

    /// Graceful shutdown; returns true if the server stopped within the timeout.
    @discardableResult
    func stop() -> Bool {
        server.shutdown()
        return server.waitUntilStopped(timeout: .seconds(10))
    }
}

/// Answers `METHOD PATH body-length` as text, so tests can see what the server passed on.
/// `/big?size=N` answers N bytes of `x`.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/big", let size = request.queryValue("size").flatMap(Int.init) {
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: [UInt8](repeating: UInt8(ascii: "x"), count: size))
        }
        let text = "\(request.method.rawValue) \(request.target) \(request.body.count)"
        return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array(text.utf8))
    }
}
