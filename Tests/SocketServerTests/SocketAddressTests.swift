import HTTPTestClient
import Testing

@testable import SocketServer

struct SocketAddressTests {
    @Test(arguments: [
        ("127.0.0.1", 8080, "127.0.0.1:8080"),
        ("localhost", 80, "127.0.0.1:80"),
        ("0.0.0.0", 1, "0.0.0.0:1"),
        ("::1", 8080, "[::1]:8080"),
        ("[::1]", 9, "[::1]:9"),
        ("::", 0, "[::]:0"),
    ])
    func numericHosts_AreParsed(host: String, port: Int, expected: String) throws {
        #expect(try SocketAddress(host: host, port: port).description == expected)
    }

    @Test(arguments: [("example.com", 80), ("127.0.0.1", 70000), ("127.0.0.1", -1), ("", 80)])
    func badHostsAndPorts_AreRefused(host: String, port: Int) {
        #expect(throws: ServerError.self) { try SocketAddress(host: host, port: port) }
    }

    @Test func ipv6Listener_BindsAndAnswers() throws {
        let server: TestServer
        do {
            server = try TestServer(host: "::1")
        } catch {
            // Some CI containers have no IPv6 loopback; that is the machine, not the server.
            withKnownIssue("IPv6 loopback unavailable: \(error)") { throw error }
            return
        }
        defer { server.stop() }
        #expect(server.server.localAddress?.family == .ipv6)
        let client = try HTTPClient.open(host: "::1", port: server.port)
        try client.send("GET /six HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "GET /six 0")
    }

    @Test func portZero_PicksAFreePort_ThatIsReadBack() throws {
        let first = try TestServer()
        let second = try TestServer()
        defer { first.stop(); second.stop() }
        #expect(first.port > 0 && second.port > 0 && first.port != second.port)
    }

    @Test func bindingATakenPort_FailsWithAddressInUse() throws {
        let first = try TestServer()
        defer { first.stop() }
        let second = HTTPServer(configuration: .init(port: first.port), responder: EchoResponder())
        #expect(throws: ServerError.self) { try second.start() }
    }
}
