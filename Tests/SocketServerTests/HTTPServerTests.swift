import Glibc
import HTTPTestClient
import HTTPWire
import Testing

@testable import SocketServer

struct HTTPServerTests {
    @Test func keepAlive_AnswersSeveralRequestsOnOneConnection() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        for index in 0..<5 {
            try client.send("GET /n/\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "GET /n/\(index) 0")
            #expect(response.header("Connection")?.lowercased() != "close")
            #expect(response.header("Date") != nil)
        }
    }

    @Test func pipelinedRequests_AreAnsweredInOrder_InOneWrite() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        var batch = ""
        for index in 0..<20 { batch += "GET /p/\(index) HTTP/1.1\r\nHost: t\r\n\r\n" }
        batch += "POST /p/body HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"
        try client.send(batch)
        for index in 0..<20 { #expect(try client.readResponse().text == "GET /p/\(index) 0") }
        #expect(try client.readResponse().text == "POST /p/body 5")
    }

    @Test func head_GetsHeadersWithoutBody() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        try client.send("HEAD /thing HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(bodyless: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "\("HEAD /thing 0".utf8.count)")
        // If HEAD had carried a body, it would be read as the next response's status line.
        #expect(try client.readResponse().text == "GET /after 0")
    }

    @Test func http10_ClosesAfterResponse_UnlessKeepAliveAsked() throws {
        let server = try TestServer()
        defer { server.stop() }
        let plain = try server.client()
        try plain.send("GET /old HTTP/1.0\r\n\r\n")
        let response = try plain.readResponse()
        #expect(response.status == 200)
        #expect(try plain.waitForClose().isEmpty)

        let kept = try server.client()
        try kept.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse().header("Connection")?.lowercased() == "keep-alive")
        try kept.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse().text == "GET /b 0")
    }

    @Test func connectionClose_IsHonoured() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        try client.send("GET /bye HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\nGET /ignored HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(try client.waitForClose().isEmpty)  // the pipelined request after close is not answered
    }

    @Test func expect100Continue_GetsContinueBeforeBodyIsSent() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        try client.send("PUT /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n")
        // The client has sent no body; a server that does not send 100 now leaves this read to time out.
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("hello world")
        let final = try client.readResponse()
        #expect(final.status == 200)
        #expect(final.text == "PUT /upload 11")
    }

    @Test func halfClose_AfterRequests_StillGetsAllAnswers() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        try client.send("GET /h1 HTTP/1.1\r\nHost: t\r\n\r\nGET /h2 HTTP/1.1\r\nHost: t\r\n\r\n")
        client.shutdownWrite()
        #expect(try client.readResponse().text == "GET /h1 0")
        #expect(try client.readResponse().text == "GET /h2 0")
        #expect(try client.waitForClose().isEmpty)
    }

    @Test func abruptCloseMidRequest_ClosesWithoutAnswer_AndServerKeepsServing() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        try client.send("POST /partial HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly-some")
        client.shutdownWrite()
        #expect(try client.waitForClose().isEmpty)
        let next = try server.client()
        try next.send("GET /still-up HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try next.readResponse().status == 200)
    }

    @Test func largeResponse_ToASlowReader_IsDeliveredIntact() throws {
        // 8 MiB is far beyond the socket buffers, so the server must park it, wait for
        // writability and resume, with reading paused meanwhile (the body exceeds the high-water mark).
        let server = try TestServer()
        defer { server.stop() }
        let client = try server.client()
        let size = 8 << 20
        try client.send("GET /big?size=\(size) HTTP/1.1\r\nHost: t\r\n\r\nGET /big?size=3 HTTP/1.1\r\nHost: t\r\n\r\n")
        let big = try client.readResponse()
        #expect(big.body.count == size)
        #expect(big.body.allSatisfy { $0 == UInt8(ascii: "x") })
        #expect(try client.readResponse().text == "xxx")
    }

    @Test func manyConcurrentConnections_AreAllServed() throws {
        let server = try TestServer()
        defer { server.stop() }
        let clients = try (0..<200).map { _ in try server.client() }
        for (index, client) in clients.enumerated() { try client.send("GET /c/\(index) HTTP/1.1\r\nHost: t\r\n\r\n") }
        for (index, client) in clients.enumerated() { #expect(try client.readResponse().text == "GET /c/\(index) 0") }
        #expect(server.server.openConnections == 200)
    }

    @Test func connectionCap_QueuesNewcomersUntilASlotFrees() throws {
        let server = try TestServer { $0.maxConnections = 2 }
        defer { server.stop() }
        let first = try server.client()
        let second = try server.client()
        try first.send("GET /1 HTTP/1.1\r\nHost: t\r\n\r\n")
        try second.send("GET /2 HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try first.readResponse()
        _ = try second.readResponse()
        // The third connect completes in the kernel backlog but is not accepted while two are open.
        let third = try HTTPClient.open(port: server.port, timeoutMilliseconds: 300)
        try third.send("GET /3 HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(throws: HTTPClient.Failure.self) { try third.readResponse() }
        try first.send("GET /bye HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        _ = try first.readResponse()
        _ = try first.waitForClose()
        first.close()  // ends the server's lingering close, which frees the slot
        let patient = try third.readResponse(timeoutMilliseconds: 5000)
        #expect(patient.text == "GET /3 0")
    }
}
