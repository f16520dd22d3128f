import Testing
@testable import GSTCore

@Suite("Job timing and atomic application")
struct JobTimingTests: FixtureSuite {
    let inv1 = Fixture.key(.b2b, Fixture.intra, "INV-1")
    let inv2 = Fixture.key(.b2b, Fixture.intra, "INV-2")

    @Test("first poll: nothing changes at submission; the first poll sees the outcome")
    func firstPoll() {
        var s = F.state(timing: .onFirstPoll)
        let id = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r)
        #expect(s.status(inv1) == .noAction)
        guard case .completed(let o)? = s.pollIMSJob(referenceID: id, recipient: r) else { Issue.record("not completed"); return }
        #expect(o.status == .processed)
        #expect(s.status(inv1) == .accepted)
    }

    @Test("first poll: a caller who never polls still sees the effect at its next access")
    func firstPollWithoutPolling() {
        let tenant = Tenant(id: "t", template: WorldTemplate(seed: F.seed(timing: .onFirstPoll), realTime: .fixed(0)))
        _ = tenant.write { $0.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r) }
        #expect(tenant.read { $0.status(inv1) } == .accepted)
    }

    @Test("after N polls: the first N polls see it in progress and the world unchanged")
    func afterPolls() {
        var s = F.state(timing: .afterPolls(2))
        let id = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r)
        #expect(s.pollIMSJob(referenceID: id, recipient: r) == .inProgress)
        s.settleJobs()
        #expect(s.status(inv1) == .noAction)
        #expect(s.pollIMSJob(referenceID: id, recipient: r) == .inProgress)
        #expect(s.status(inv1) == .noAction)
        guard case .completed? = s.pollIMSJob(referenceID: id, recipient: r) else { Issue.record("poll 3 should complete"); return }
        #expect(s.status(inv1) == .accepted)
        #expect(s.job(id)?.polls == 3)
    }

    @Test("after a virtual delay: done once the tenant clock has moved far enough, polled or not")
    func afterDelay() {
        var s = F.state(timing: .afterMilliseconds(5_000))
        let id = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r)
        #expect(s.pollIMSJob(referenceID: id, recipient: r) == .inProgress)
        s.advanceClock(by: 4_999)
        #expect(s.pollIMSJob(referenceID: id, recipient: r) == .inProgress)
        #expect(s.status(inv1) == .noAction)
        s.advanceClock(by: 1)
        #expect(s.status(inv1) == .accepted)           // applied by the clock move itself
        #expect(s.job(id)?.completedAt == F.now + 5_000)
        guard case .completed? = s.pollIMSJob(referenceID: id, recipient: r) else { Issue.record("should be completed"); return }
    }

    @Test("records are validated when the job completes, not when submitted")
    func validatedAtCompletion() {
        var s = F.state(timing: .afterPolls(1))
        let first = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r)
        let second = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .rejected, prev: .accepted)]), recipient: r)
        // Complete the second first: INV-1 is still N, so its prev_status A is wrong.
        _ = s.pollIMSJob(referenceID: second, recipient: r)
        guard case .completed(let o2)? = s.pollIMSJob(referenceID: second, recipient: r) else { Issue.record("second"); return }
        #expect(o2.errors.map(\.reason) == [.previousStatusMismatch])
        _ = s.pollIMSJob(referenceID: first, recipient: r)
        guard case .completed(let o1)? = s.pollIMSJob(referenceID: first, recipient: r) else { Issue.record("first"); return }
        #expect(o1.status == .processed)
        #expect(s.status(inv1) == .accepted)
    }

    @Test("jobs due together complete in submission order")
    func submissionOrder() {
        var s = F.state(timing: .afterMilliseconds(1_000))
        let a = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r)
        let b = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .rejected, prev: .accepted)]), recipient: r)
        s.advanceClock(by: 1_000)
        #expect(s.status(inv1) == .rejected)
        #expect(s.pollIMSJob(referenceID: a, recipient: r)?.outcome?.status == .processed)
        #expect(s.pollIMSJob(referenceID: b, recipient: r)?.outcome?.status == .processed)
    }

    @Test("a job's records change together: before completion none, after it all")
    func allAtOnce() {
        var s = F.state(timing: .afterPolls(1))
        let id = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted),
                                          F.item(.b2b, F.intra, "INV-2", action: .rejected),
                                          F.item(.b2b, F.intra, "NOPE", action: .accepted)]), recipient: r)
        #expect(s.pollIMSJob(referenceID: id, recipient: r) == .inProgress)
        #expect(s.status(inv1) == .noAction && s.status(inv2) == .noAction)
        let v = s.version
        _ = s.takeTransitions()
        _ = s.pollIMSJob(referenceID: id, recipient: r)
        #expect(s.status(inv1) == .accepted && s.status(inv2) == .rejected)
        // The due drafts are generated first (they show the world before the action), then the job.
        let journal = s.takeTransitions().filter { !$0.text.hasPrefix("GSTR-2B ") }
        #expect(journal.count == 3)                      // two records and the job's end
        #expect(journal.allSatisfy { $0.version > v })
        #expect(journal.last?.text == "job \(id) → PE (2 processed, 1 errors)")
    }
}
