import HTTPTestClient
import Testing

@testable import SocketServer

/// Timeouts are driven by a `ManualClock` and an explicit `sweepTimeouts()`, so nothing here
/// sleeps; the server's own sweep timer also runs, but sees no time pass on the manual clock.
struct TimeoutTests {
    let timeouts = ConnectionTimeouts(
        idle: .seconds(30), headerRead: .seconds(5), bodyStall: .seconds(5),
        writeStall: .seconds(5), lingerClose: .seconds(2))

    func makeServer(_ clock: ManualClock) throws -> TestServer {
        try TestServer(clock: clock) { $0.timeouts = timeouts }
    }

    /// Waits (bounded, by polling the server's own view) until some connection is in a phase.
    func waitUntil(_ server: TestServer, _ predicate: (ConnectionTimeouts.Phase) -> Bool) throws {
        for _ in 0..<100_000 {
            if server.server.connectionPhases().contains(where: predicate) { return }
        }
        throw HTTPClient.Failure(description: "the server never reached the expected phase")
    }

    @Test func idleKeepAliveConnection_IsClosedAfterIdleTimeout() throws {
        let clock = ManualClock()
        let server = try makeServer(clock)
        defer { server.stop() }
        let client = try server.client()
        try client.send("GET /x HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try client.readResponse()

        clock.advance(by: .seconds(29))
        server.server.sweepTimeouts()
        try client.send("GET /still-open HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)

        clock.advance(by: .seconds(30))
        server.server.sweepTimeouts()
        #expect(try client.waitForClose().isEmpty)
    }

    @Test func slowHeaders_Get408_EvenWhenBytesKeepTrickling() throws {
        let clock = ManualClock()
        let server = try makeServer(clock)
        defer { server.stop() }
        let quiet = try server.client()  // connected, nothing sent: idle, not reading a head
        let client = try server.client()
        try client.send("GET /slow HTTP/1.1\r\n")
        try waitUntil(server) { if case .readingHead = $0 { true } else { false } }
        for header in ["Host: t\r\n", "X-A: 1\r\n", "X-B: 2\r\n", "X-C: 3\r\n"] {
            clock.advance(by: .seconds(1))
            try client.send(header)
            server.server.sweepTimeouts()  // 4 s after the first byte, at most 1 s after the last
        }
        clock.advance(by: .seconds(1))
        server.server.sweepTimeouts()  // 5 s after the first byte
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(try client.waitForClose().isEmpty)

        try quiet.send("GET /quiet HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try quiet.readResponse().status == 200)  // 5 s idle < 30 s idle timeout
    }

    @Test func stalledBody_Gets408() throws {
        let clock = ManualClock()
        let server = try makeServer(clock)
        defer { server.stop() }
        let client = try server.client()
        try client.send("POST /b HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n12345")
        try waitUntil(server) { if case .readingBody = $0 { true } else { false } }
        clock.advance(by: .seconds(4))
        server.server.sweepTimeouts()
        #expect(server.server.connectionPhases().contains { if case .readingBody = $0 { true } else { false } })
        clock.advance(by: .seconds(1))
        server.server.sweepTimeouts()
        #expect(try client.readResponse().status == 408)
    }
}
