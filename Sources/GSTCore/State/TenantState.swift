/// Everything one tenant's world holds, as a pure value: parties, taxpayers, documents with their IMS
/// state, GSTR-3B filings, tokens, asynchronous jobs, GSTR-2B snapshots, the id generator and the clock.
///
/// All behaviour is `mutating` methods that do no I/O; time comes from the tenant clock (given the
/// injected `RealTime`). `Tenant` wraps one of these in a lock. Every change bumps `version`
/// (adapters cache rendered responses per version) and appends a `StateTransition` to a journal the
/// caller drains with `takeTransitions()`.
public struct TenantState: Sendable {
    /// Bumped on every change of world state; never decreases, not even across a reset.
    public internal(set) var version: UInt64 = 0
    public internal(set) var clock: TenantClock
    /// Injected wall clock, read only when the tenant clock follows real time.
    public let realTime: RealTime

    public internal(set) var parties: [GSTIN: Party]
    public internal(set) var taxpayers: [GSTIN: Taxpayer]
    public internal(set) var documents: DocumentStore
    /// Sessions and access tokens. Token changes do not bump `version` (nothing rendered depends on them).
    public var tokens: TokenBook
    public internal(set) var jobs: [String: Job] = [:]
    /// Generated GSTR-2Bs, fixed until regenerated.
    public internal(set) var gstr2bSnapshots: [RecipientPeriod: GSTR2B] = [:]
    /// GSTR-1 returns touched through save / reset / proceed / file (see GSTR1/).
    public internal(set) var gstr1Returns: [SupplierPeriod: GSTR1Return] = [:]
    /// Saved GSTR-3B figures per taxpayer and period.
    public internal(set) var gstr3bDrafts: [RecipientPeriod: GSTR3BDraft] = [:]
    /// Reference ids, transaction ids.
    public var ids: IDGenerator
    public let jobTiming: JobTiming
    public let gstr2bPageSize: Int

    /// Unregistered applicants by enrolment number (upper case); fixed by the world.
    public let unregisteredApplicants: [String: UnregisteredApplicant]

    /// The template's shared drafts (`SharedDrafts`); nil for a state built on its own.
    var sharedDrafts: SharedDrafts?

    var jobSequence: UInt64 = 0
    /// Ids of jobs not yet completed, so settling is O(open jobs).
    var openJobs: [String] = []
    var journal: [StateTransition] = []

    /// The journal keeps at most this many undrained transitions (oldest dropped first), so a
    /// composition root that never drains it cannot grow memory without bound.
    public static let journalLimit = 10_000

    public init(seed: WorldSeed, realTime: RealTime, tokenSeed: UInt64? = nil) {
        clock = TenantClock(seed.clock)
        self.realTime = realTime
        var parties: [GSTIN: Party] = [:]
        for p in seed.parties { parties[p.gstin] = p }
        var taxpayers: [GSTIN: Taxpayer] = [:]
        for t in seed.taxpayers {
            taxpayers[t.gstin] = t
            if parties[t.gstin] == nil { parties[t.gstin] = Party(gstin: t.gstin, tradeName: t.tradeName) }
        }
        self.parties = parties
        self.taxpayers = taxpayers
        documents = DocumentStore(seed.documents)
        tokens = TokenBook(seed: tokenSeed)
        ids = IDGenerator(seed: seed.idSeed)
        jobTiming = seed.jobTiming
        gstr2bPageSize = max(1, seed.gstr2bPageSize)
        unregisteredApplicants = Dictionary(seed.unregisteredApplicants.map { ($0.enrolmentNumber.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for t in seed.taxpayers {
            guard let opening = t.openingBalances, t.ledgers.isEmpty else { continue }
            let at = now
            self.taxpayers[t.gstin]?.ledgers.open(with: opening, at: at)
        }
        // Periods the seed already declares filed: their accepted/rejected records are out of IMS.
        for t in seed.taxpayers {
            for p in t.gstr3bFiled { _ = removeDecidedRecordsFromIMS(recipient: t.gstin, period: p) }
        }
    }

    // MARK: Time

    /// The tenant's time, epoch milliseconds.
    public var now: Int64 { clock.now(real: clock.isFollowingRealTime ? realTime.now() : 0) }
    /// The tenant's date in IST.
    public var today: CivilDate { CivilDate(epochMilliseconds: now) }

    /// Freezes the tenant clock at `epochMilliseconds`.
    public mutating func setClock(to epochMilliseconds: Int64) {
        clock.set(epochMilliseconds)
        // The clamped instant: the value asked for may be any Int64, and its date would overflow.
        record("clock set to \(today) (\(now))")
        settleJobs()
    }

    /// Moves the tenant clock by `ms` (either mode).
    public mutating func advanceClock(by ms: Int64) {
        clock.advance(by: ms)
        record("clock advanced by \(ms) ms")
        settleJobs()
    }

    /// Makes the tenant clock follow wall time.
    public mutating func followRealTime() {
        clock.followRealTime()
        record("clock follows real time")
        settleJobs()
    }

    // MARK: Journal

    /// Bumps the version and journals `text`.
    mutating func record(_ text: String) {
        version &+= 1
        journal.append(StateTransition(at: now, version: version, text: text))
        if journal.count > Self.journalLimit { journal.removeFirst(journal.count - Self.journalLimit) }
    }

    /// Returns the transitions recorded since the last call, oldest first, and forgets them.
    public mutating func takeTransitions() -> [StateTransition] {
        defer { journal.removeAll() }
        return journal
    }

    // MARK: Lookups

    /// The trade name GSTR-2B prints for a GSTIN (`trdnm`); empty when the world does not know it.
    public func tradeName(of gstin: GSTIN) -> String { parties[gstin]?.tradeName ?? "" }

    /// A fresh transaction id for a response. Does not bump `version`.
    public mutating func nextTransactionID() -> String { ids.transactionID() }
}
