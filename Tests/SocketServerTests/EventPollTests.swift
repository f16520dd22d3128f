import CEventPoll
import Glibc
import HTTPTestClient
import Testing

@testable import SocketServer

/// The epoll set on its own, over a socket pair: what it reports for each interest.
struct EventPollTests {
    private func socketPair() throws -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0, &fds) == 0)
        return (fds[0], fds[1])
    }

    private func reported(_ poll: EventPoll) -> [(token: UInt64, events: EventPoll.Interest)] {
        poll.wait(timeoutMilliseconds: 0).map { ($0.token, EventPoll.Interest(rawValue: $0.events)) }
    }

    @Test func readInterest_ReportsDataWithItsToken_UntilItIsRead() throws {
        let poll = try EventPoll()
        let (near, far) = try socketPair()
        defer { close(near); close(far) }
        #expect(poll.add(near, interest: .read, token: 42))
        #expect(reported(poll).isEmpty)

        _ = "x".withCString { send(far, $0, 1, 0) }
        let first = reported(poll)
        #expect(first.count == 1)
        #expect(first.first?.token == 42)
        #expect(first.first?.events.contains(.read) == true)
        #expect(reported(poll).count == 1, "level-triggered: unread data is reported again")

        var byte: UInt8 = 0
        #expect(recv(near, &byte, 1, 0) == 1)
        #expect(reported(poll).isEmpty)
    }

    @Test func modify_SwitchesBetweenReadingAndWriting() throws {
        let poll = try EventPoll()
        let (near, far) = try socketPair()
        defer { close(near); close(far) }
        #expect(poll.add(near, interest: .read, token: 1))
        _ = "x".withCString { send(far, $0, 1, 0) }

        poll.modify(near, interest: [], token: 1)
        #expect(reported(poll).isEmpty, "paused: pending data is not reported")

        poll.modify(near, interest: .write, token: 1)
        let writable = reported(poll)
        #expect(writable.first?.events.contains(.write) == true)
        #expect(writable.first?.events.contains(.read) == false)

        poll.remove(near)
        #expect(reported(poll).isEmpty)
    }

    @Test func peerClose_IsReportedAsReadable() throws {
        let poll = try EventPoll()
        let (near, far) = try socketPair()
        defer { close(near) }
        #expect(poll.add(near, interest: .read, token: 9))
        close(far)
        let events = reported(poll)
        #expect(events.first?.token == 9)
        #expect(events.first?.events.contains(.read) == true)  // recv then returns 0: EOF
    }
}

/// The server over its epoll sets while descriptors are closed and their numbers reused at once:
/// a stale registration would hand one connection's readiness (or bytes) to another.
struct DescriptorReuseTests {
    @Test func churningConnections_NeverCrossWithALongLivedOne() throws {
        let server = try TestServer()
        defer { server.stop() }
        let steady = try server.client()
        for round in 0..<200 {
            let passer = try server.client()
            try passer.send("GET /passer/\(round) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            if round % 3 == 0 {
                passer.close()  // gone before its answer is read: the server meets a reset or EPIPE
            } else {
                let answer = try passer.readResponse()
                #expect(answer.text == "GET /passer/\(round) 0")
                passer.close()
            }
            try steady.send("GET /steady/\(round) HTTP/1.1\r\nHost: t\r\n\r\n")
            let mine = try steady.readResponse()
            #expect(mine.status == 200)
            #expect(mine.text == "GET /steady/\(round) 0")
        }
    }
}
