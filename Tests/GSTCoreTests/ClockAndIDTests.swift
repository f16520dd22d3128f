import Testing
@testable import GSTCore

@Suite("Tenant clock and id generator")
struct ClockAndIDTests {
    @Test("fixed clock ignores real time; advance and set move it")
    func fixedClock() {
        var c = TenantClock(.fixed(epochMilliseconds: 1_000))
        #expect(c.now(real: 999_999) == 1_000)
        c.advance(by: 500)
        #expect(c.now(real: 0) == 1_500)
        c.set(42)
        #expect(c.now(real: 7) == 42 && !c.isFollowingRealTime)
    }

    @Test("real-time clock follows the injected time, keeps offsets")
    func realClock() {
        var c = TenantClock(.realTime)
        #expect(c.now(real: 10_000) == 10_000)
        c.advance(by: 86_400_000)
        #expect(c.now(real: 10_000) == 86_410_000)
        #expect(c.now(real: 20_000) == 86_420_000)
        c.shift(to: 5, real: 100)
        #expect(c.now(real: 110) == 15)
        c.followRealTime()
        #expect(c.now(real: 3) == 3)
    }

    @Test("a clock never shows an instant outside its range, whatever it was given")
    func clampedToTheRange() {
        let range = TenantClock.validRange
        var c = TenantClock(.realTime)
        c.advance(by: .max)
        #expect(c.now(real: 1_000) == range.upperBound)
        c.followRealTime()
        c.advance(by: .min)
        #expect(c.now(real: -1_000) == range.lowerBound)
        #expect(TenantClock(.fixed(epochMilliseconds: .max)).now(real: 0) == range.upperBound)
    }

    @Test("anchored real time starts at the anchor and does not go back")
    func anchored() {
        let rt = RealTime.anchored(at: 1_700_000_000_000)
        let a = rt.now(), b = rt.now()
        #expect(a >= 1_700_000_000_000 && a < 1_700_000_060_000 && b >= a)
    }

    @Test("tenant state reads the real time only when following it")
    func stateClock() {
        var s = TenantState(seed: WorldSeed(clock: .realTime), realTime: .fixed(123_456))
        #expect(s.now == 123_456)
        s.setClock(to: 5)
        #expect(s.now == 5)
        s.advanceClock(by: 10)
        #expect(s.now == 15)
        s.followRealTime()
        #expect(s.now == 123_456)
    }

    @Test("seeded ids are reproducible and well-formed")
    func seededIDs() {
        var a = IDGenerator(seed: 7), b = IDGenerator(seed: 7)
        let ref = a.referenceID()
        #expect(ref == b.referenceID())
        #expect(ref.utf8.count == 15 && ref.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let tx = a.transactionID()
        #expect(tx == b.transactionID())
        let parts = tx.split(separator: "-").map(\.count)
        #expect(parts == [8, 4, 4, 4, 12])
        let chars = Array(tx)
        #expect(chars[14] == "4")                       // version 4
        #expect("89ab".contains(chars[19]))             // variant 10xx
        #expect(a.referenceID() != ref)
        var c = IDGenerator(seed: 8)
        #expect(c.referenceID() != ref)
    }

    @Test("unseeded ids differ")
    func randomIDs() {
        var g = IDGenerator(seed: nil)
        let ids = Set((0..<100).map { _ in g.referenceID() })
        #expect(ids.count == 100 && !g.isSeeded)
    }

    @Test("hex tokens have the requested length")
    func tokens() {
        var g = IDGenerator(seed: 1)
        #expect(g.hexToken(byteCount: 24).utf8.count == 48)
        #expect(g.hexToken(byteCount: 5).utf8.count == 10)
    }
}

@Suite("Token book")
struct TokenBookTests {
    let gstin = Fixture.recipient

    @Test("valid until expiry, then expired; unknown otherwise")
    func lifetime() {
        var book = TokenBook(seed: 1)
        let t = book.issue(.taxpayer(gstin), lifetime: 6 * 3_600_000, now: 1_000)
        #expect(book.check(t, now: 1_000) == .valid(.taxpayer(gstin)))
        #expect(book.check(t, now: 1_000 + 6 * 3_600_000 - 1) == .valid(.taxpayer(gstin)))
        #expect(book.check(t, now: 1_000 + 6 * 3_600_000) == .expired(.taxpayer(gstin)))
        #expect(book.check("nope", now: 0) == .unknown)
    }

    @Test("refresh extends a valid token and answers it; revoke forgets it")
    func refreshRevoke() {
        var book = TokenBook(seed: 2)
        let t = book.issue(.platform, lifetime: 100, now: 0) { "eyJ" + $0 }
        #expect(t.hasPrefix("eyJ"))
        #expect(book.refresh(t, lifetime: 100, now: 50) == t)
        #expect(book.check(t, now: 149) == .valid(.platform))   // 100 ms from the refresh, not the issue
        #expect(book.check(t, now: 150) == .expired(.platform))
        #expect(book.refresh(t, lifetime: 100, now: 150) == nil)   // expired: no refresh
        #expect(book.revoke(t) == .platform)
        #expect(book.check(t, now: 0) == .unknown)
    }

    @Test("revokeAll by kind and purge of expired tokens")
    func bulk() {
        var book = TokenBook(seed: 3)
        let a = book.issue(.taxpayer(gstin), lifetime: 10, now: 0)
        let b = book.issue(.gstnSession(gstin), lifetime: 10, now: 0)
        let c = book.issue(.platform, lifetime: 1_000, now: 0)
        #expect(book.revokeAll { $0 == .taxpayer(gstin) } == [a])
        #expect(Set(book.purgeExpired(now: 10)) == [b])
        #expect(book.allTokens == [c] && book.count == 1)
    }
}
