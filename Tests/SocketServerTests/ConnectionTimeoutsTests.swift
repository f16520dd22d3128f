import Testing

@testable import SocketServer

struct ConnectionTimeoutsTests {
    let timeouts = ConnectionTimeouts(
        idle: .seconds(60), headerRead: .seconds(10), bodyStall: .seconds(30),
        writeStall: .seconds(20), lingerClose: .seconds(2))
    let second: UInt64 = 1_000_000_000

    @Test func idleConnection_IsKept_UntilIdleTimeoutElapses() {
        let start: UInt64 = 100 * second
        #expect(timeouts.verdict(for: .idle(since: start), now: start + 59 * second) == .keep)
        #expect(timeouts.verdict(for: .idle(since: start), now: start + 60 * second) == .close)
    }

    @Test func headerDeadline_CountsFromFirstByte_SoTricklingDoesNotExtendIt() {
        let firstByte: UInt64 = 5 * second
        #expect(timeouts.verdict(for: .readingHead(since: firstByte), now: firstByte + 9 * second) == .keep)
        #expect(timeouts.verdict(for: .readingHead(since: firstByte), now: firstByte + 10 * second) == .requestTimeout)
    }

    @Test func bodyStall_CountsFromLastRead() {
        #expect(timeouts.verdict(for: .readingBody(lastRead: 0), now: 29 * second) == .keep)
        #expect(timeouts.verdict(for: .readingBody(lastRead: 0), now: 30 * second) == .requestTimeout)
    }

    @Test func unreadResponse_ClosesAfterWriteStall() {
        #expect(timeouts.verdict(for: .writing(lastProgress: second), now: 20 * second) == .keep)
        #expect(timeouts.verdict(for: .writing(lastProgress: second), now: 21 * second) == .close)
    }

    @Test func lingeringClose_IsBounded() {
        #expect(timeouts.verdict(for: .lingering(since: 0), now: 1 * second) == .keep)
        #expect(timeouts.verdict(for: .lingering(since: 0), now: 2 * second) == .close)
    }

    @Test func durationsBeyondUInt64Nanoseconds_SaturateInsteadOfWrapping() {
        #expect(Duration.seconds(18_446_744_074).nanoseconds == .max)
        #expect(Duration.seconds(Int.max).nanoseconds == .max)
        #expect(Duration.seconds(18_446_744_073).nanoseconds == 18_446_744_073_000_000_000)
        #expect(Duration.seconds(-1).nanoseconds == 0)
        let forever = ConnectionTimeouts(idle: .seconds(Int.max), headerRead: .seconds(10), bodyStall: .seconds(30),
                                         writeStall: .seconds(20), lingerClose: .seconds(2))
        #expect(forever.verdict(for: .idle(since: 0), now: .max - 1) == .keep)
    }

    @Test func timestampInTheFuture_IsNotTreatedAsExpired() {
        #expect(timeouts.verdict(for: .idle(since: 100 * second), now: 1 * second) == .keep)
    }
}
