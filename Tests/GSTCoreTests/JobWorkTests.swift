import Testing
@testable import GSTCore

/// The extension point of the job model: a kind declared here, outside every feature folder, runs
/// through the same engine (submission, timing, polls, refusal, forced failure, journal) with no
/// change to the engine.
@Suite("A new job kind")
struct JobWorkTests {
    typealias F = Fixture

    /// A toy kind: completing it changes no state and records the count it was given; a negative count
    /// is accepted but refused.
    struct CountJob: JobWork {
        var count: Int
        var refusal: Refusal? { count < 0 ? .negative : nil }
        enum Refusal: Hashable, Sendable { case negative }
        var journalText: String { "count to \(count)" }
        var controlKind: String { "test.count" }
        var controlPeriod: ReturnPeriod? { nil }
        func apply(to state: inout TenantState, gstin: GSTIN) -> Outcome { Outcome(status: .processed, counted: count) }
        func outcome(refusedFor reason: Refusal) -> Outcome { Outcome(status: .error, counted: 0) }
        func forcedFailure() -> Outcome { Outcome(status: .error, counted: 0) }

        struct Outcome: JobOutcome {
            var status: JobStatus
            var counted: Int
            var journalText: String { "\(status.rawValue) (counted \(counted))" }
        }
    }

    @Test("completes by its timing, refuses through the one refusal, fails when forced")
    func runsThroughTheEngine() throws {
        var s = F.state(timing: .afterPolls(1))
        let ok = s.submitJob(CountJob(count: 3), recipient: F.recipient)
        let refused = s.submitJob(CountJob(count: -1), recipient: F.recipient)
        let forced = s.submitJob(CountJob(count: 9), recipient: F.recipient)

        #expect(s.pollJob(ok, of: CountJob.self, for: F.recipient)?.outcome == nil)   // first poll: still running
        #expect(s.pollJob(ok, of: CountJob.self, for: F.recipient)?.outcome == CountJob.Outcome(status: .processed, counted: 3))
        #expect(s.pollJob(ok, of: GSTR2BRegenerationJob.self, for: F.recipient) == nil)   // another kind's poll does not see it

        _ = s.pollJob(refused, of: CountJob.self, for: F.recipient)
        #expect(s.pollJob(refused, of: CountJob.self, for: F.recipient)?.outcome?.status == .error)

        let failed = try s.forceFailJob(forced)
        #expect(failed.result?.status == .error && TenantState.isFailure(failed.result))
        #expect(s.journal.contains { $0.text == "job \(ok) submitted: count to 3 for \(F.recipient.value)" })
        #expect(s.journal.contains { $0.text == "job \(ok) → P (counted 3)" })
    }
}
