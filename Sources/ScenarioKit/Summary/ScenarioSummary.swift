import GSTCore

/// What a tenant's world offers, for people and tests finding their way without reading the file:
/// credentials, and per taxpayer its login (GSTIN, username, OTP) and, per period, what GSTR-2B
/// regeneration will answer and how many documents each view holds. The composition root serves
/// it at `GET /_sandbox/scenario` (`json`).
///
/// Pure: computed from a `TenantState` (the live world, so an advanced clock or a filed GSTR-3B
/// shows) using GSTCore's own rules (`gstr2bAvailability`), never re-implementing them.
public struct ScenarioSummary: Hashable, Sendable {
    public var name: String
    public var description: String?
    /// The tenant clock, epoch milliseconds, and whether it follows real time.
    public var now: Int64
    public var clockFollowsRealTime: Bool
    public var credentials: TenantCredentials
    public var taxpayers: [TaxpayerSummary]
    public var supplierCount: Int
    public var documentCount: Int
    public var documentsBySection: [IMSSection: Int]

    public struct TaxpayerSummary: Hashable, Sendable {
        public var gstin: GSTIN
        public var tradeName: String
        public var username: String
        public var otp: String
        /// Cash and ITC balances now (the ledgers' balances).
        public var cash: CashAmounts
        public var credit: TaxTotals
        public var periods: [PeriodSummary]
    }

    /// What GSTR-3B of a period takes next, in Sandbox's recipe order.
    public enum GSTR3BStep: String, Hashable, Sendable {
        /// GSTN answers RT-R3BQ1004 until the period's GSTR-1 is filed.
        case fileGSTR1First = "file_gstr1_first"
        /// A quarterly filer's first two months: no GSTR-3B (RT-QRMP1001).
        case quarterly
        case save, offset, file, filed
    }

    public struct PeriodSummary: Hashable, Sendable {
        public var period: ReturnPeriod
        /// What `POST …/gstr-2b/{year}/{month}/regenerate` will answer now.
        public var gstr2b: GSTR2BAvailability
        public var gstr3bFiled: Bool
        public var gstr1Filed: Bool
        /// Monthly returns, or a quarterly filer's quarter (GSTR-1 and GSTR-3B for its last month only).
        public var preference: FilingPreference
        public var gstr3bNext: GSTR3BStep
        /// Documents received in this supplier period, per IMS section.
        public var inward: [IMSSection: Int]
        /// Records still visible in IMS (not removed by GSTR-3B filing), per status.
        public var imsStatus: [IMSStatus: Int]
        /// Documents this taxpayer issued (its GSTR-1), per section; empty b2b → RET11416.
        public var outward: [IMSSection: Int]
        /// Distinct recipients of the outward documents.
        public var outwardCounterparties: Int
    }

    /// The summary of a fresh tenant built from `scenario`, at `realTime` when its clock is real.
    public init(scenario: Scenario, realTime: RealTime = .fixed(0)) {
        self.init(scenario: scenario, state: TenantState(seed: scenario.world, realTime: realTime))
    }

    /// The summary of a live tenant whose world came from `scenario`.
    public init(scenario: Scenario, state: TenantState) {
        name = scenario.name
        description = scenario.description
        now = state.now
        clockFollowsRealTime = state.clock.isFollowingRealTime
        credentials = scenario.world.credentials
        let taxpayerGSTINs = Set(state.taxpayers.keys)
        supplierCount = state.parties.keys.filter { !taxpayerGSTINs.contains($0) }.count
        documentCount = state.documents.count
        var bySection: [IMSSection: Int] = [:]
        for d in state.documents.all { bySection[d.section, default: 0] += 1 }
        documentsBySection = bySection

        // Scenario order, with the live filing state.
        taxpayers = scenario.world.taxpayers.compactMap { declared in
            guard let t = state.taxpayers[declared.gstin] else { return nil }
            return ScenarioSummary.summarize(t, state: state)
        }
    }

    static func summarize(_ t: Taxpayer, state: TenantState) -> TaxpayerSummary {
        var inward: [ReturnPeriod: [IMSSection: Int]] = [:]
        var status: [ReturnPeriod: [IMSStatus: Int]] = [:]
        var outward: [ReturnPeriod: [IMSSection: Int]] = [:]
        var counterparties: [ReturnPeriod: Set<GSTIN>] = [:]
        for d in state.documents.received(by: t.gstin) {
            inward[d.filing.period, default: [:]][d.section, default: 0] += 1
            if !d.ims.removedFromIMS { status[d.filing.period, default: [:]][d.ims.status, default: 0] += 1 }
        }
        for d in state.documents.issued(by: t.gstin) {
            outward[d.filing.period, default: [:]][d.section, default: 0] += 1
            counterparties[d.filing.period, default: []].insert(d.recipient)
        }
        let periods = Set(inward.keys).union(outward.keys).union(t.gstr3bFiled).union(t.gstr1Filed).union(t.ledgers.payments.keys).sorted()
        func next(_ p: ReturnPeriod) -> GSTR3BStep {
            if t.gstr3bFiled.contains(p) { return .filed }
            if !state.takesMonthlyReturns(gstin: t.gstin, period: p) { return .quarterly }
            if !t.gstr1Filed.contains(p) { return .fileGSTR1First }
            if t.ledgers.payments[p] != nil { return .file }
            return state.gstr3bDrafts[RecipientPeriod(recipient: t.gstin, period: p)] == nil ? .save : .offset
        }
        return TaxpayerSummary(
            gstin: t.gstin, tradeName: t.tradeName, username: t.username, otp: t.otp,
            cash: t.ledgers.cashBalance, credit: t.ledgers.creditBalance,
            periods: periods.map { p in
                PeriodSummary(period: p, gstr2b: state.gstr2bAvailability(recipient: t.gstin, period: p),
                              gstr3bFiled: t.gstr3bFiled.contains(p), gstr1Filed: t.gstr1Filed.contains(p),
                              preference: state.filingPreference(gstin: t.gstin, quarter: FinancialQuarter(containing: p)), gstr3bNext: next(p),
                              inward: inward[p] ?? [:], imsStatus: status[p] ?? [:], outward: outward[p] ?? [:],
                              outwardCounterparties: counterparties[p]?.count ?? 0)
            })
    }
}
