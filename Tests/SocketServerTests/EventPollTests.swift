import CEventPoll
import Glibc
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
        poll.ready().map { ($0.token, EventPoll.Interest(rawValue: $0.events)) }
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
