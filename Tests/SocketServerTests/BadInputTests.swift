import HTTPTestClient
import Testing

@testable import SocketServer

/// One malformed request and the statuses it may be answered with (empty: only a close is possible).
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let statuses: Set<Int>

    init(_ name: String, _ text: String, _ statuses: Set<Int>) {
        self.init(name, Array(text.utf8), statuses)
    }

    init(_ name: String, _ bytes: [UInt8], _ statuses: Set<Int>) {
        self.name = name
        self.bytes = bytes
        self.statuses = statuses
    }

    var testDescription: String { name }

    static let all: [BadInput] = [
        BadInput("CL and TE together", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [400]),
        BadInput("non-numeric Content-Length", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 12a\r\n\r\n", [400]),
        BadInput("conflicting Content-Length", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", [400]),
        BadInput("negative Content-Length", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n", [400]),
        BadInput("obs-fold", "GET / HTTP/1.1\r\nHost: t\r\nX-A: one\r\n two\r\n\r\n", [400]),
        BadInput("space before colon", "GET / HTTP/1.1\r\nHost : t\r\n\r\n", [400]),
        BadInput("control character in value", "GET / HTTP/1.1\r\nHost: t\r\nX-A: a\u{01}b\r\n\r\n", [400]),
        BadInput("NUL in request line", "GET /\u{00} HTTP/1.1\r\nHost: t\r\n\r\n", [400]),
        BadInput("bad chunk size", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", [400]),
        BadInput("unsupported transfer coding", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", [501]),
        BadInput("missing Host on 1.1", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", [400]),
        BadInput("duplicate Host", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", [400]),
        BadInput("invalid method token", "G(T / HTTP/1.1\r\nHost: t\r\n\r\n", [400]),
        BadInput("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", [400, 505]),
        BadInput("unsupported version", "GET / HTTP/3.0\r\nHost: t\r\n\r\n", [505]),
        BadInput("huge request target", "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", [414]),
        BadInput(
            "huge header block",
            "GET / HTTP/1.1\r\nHost: t\r\n" + String(repeating: "X-Pad: " + String(repeating: "p", count: 1000) + "\r\n", count: 70) + "\r\n",
            [431]),
        BadInput("too many header fields", "GET / HTTP/1.1\r\nHost: t\r\n" + (0..<150).map { "X-\($0): v\r\n" }.joined() + "\r\n", [431]),
        BadInput("oversized body", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: \(9 << 20)\r\n\r\nstart", [413]),
        BadInput("garbage bytes", (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 11) }, [400, 501, 505]),
        BadInput("bare LF soup", "\n\n\n\u{7f}\u{7f}\r\n\r\n", [400]),
    ]
}

struct BadInputTests {
    /// Every malformed request gets its status with `Connection: close` and a JSON error body,
    /// then the connection closes; afterwards a normal request on a new connection succeeds.
    @Test(arguments: BadInput.all)
    func malformedRequest_GetsItsErrorAndClose(_ input: BadInput) throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        client.sendIgnoringReset(input.bytes)
        let response = try client.readResponse()
        #expect(input.statuses.contains(response.status), "\(input.name): got \(response.status)")
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.text.hasPrefix(#"{"error":""#))
        _ = try client.waitForClose()

        let next = try server.client()
        try next.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try next.readResponse().text == "GET /ok 0")
    }

    /// The whole battery at once on one server, plus connections that vanish mid-request: none of
    /// it may stall a well-behaved client on another connection.
    @Test func batteryAtOnce_DoesNotStallOtherConnections() throws {
        let server = try TestServer()
        defer { server.stop() }
        let good = try server.client()
        var clients: [HTTPClient] = []
        for input in BadInput.all {
            let client = try server.client()
            client.sendIgnoringReset(input.bytes)
            clients.append(client)
        }
        for _ in 0..<20 {  // abrupt closes in the middle of a head and of a body
            let head = try server.client()
            try head.send("GET /half HTTP/1.1\r\nHo")
            let body = try server.client()
            try body.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 50\r\n\r\nabc")
        }  // both deinit here: closed with the request unfinished
        for round in 0..<10 {
            try good.send("GET /good/\(round) HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try good.readResponse().text == "GET /good/\(round) 0")
        }
        for (client, input) in zip(clients, BadInput.all) {
            let response = try client.readResponse()
            #expect(input.statuses.contains(response.status), "\(input.name): got \(response.status)")
        }
        let fresh = try server.client()
        try fresh.send("GET /fresh HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try fresh.readResponse().status == 200)
    }
}
