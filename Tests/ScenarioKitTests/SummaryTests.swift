import JSON
import Testing
import GSTCore
@testable import ScenarioKit

/// Discovery: what `GET /_sandbox/scenario` tells a user about the default world.
@Suite struct SummaryTests {
    @Test func describesEachTaxpayerAndWhatEachPeriodAllows() throws {
        let summary = ScenarioSummary(scenario: try DefaultScenario.load())
        #expect(summary.now == 1_746_851_400_000 && !summary.clockFollowsRealTime)
        #expect(summary.taxpayers.count == 3)
        let acme = summary.taxpayers[0]
        #expect(acme.username == "acme.retail" && acme.otp == "575757")
        func allows(_ p: String) -> GSTR2BAvailability? { acme.periods.first { $0.period.mmyyyy == p }?.gstr2b }
        #expect(allows("022025") == .gstr3bFiled)
        #expect(allows("032025") == .regenerable)
        #expect(allows("042025") == .draftNotYetAvailable(availableFrom: CivilDate(year: 2025, month: 5, day: 14)!))
        let feb = acme.periods.first { $0.period.mmyyyy == "022025" }!
        #expect(feb.outward[.b2b, default: 0] == 0)   // the RET11416 period
        #expect((feb.imsStatus[.accepted] ?? 0) == 0 && (feb.imsStatus[.rejected] ?? 0) == 0)   // left IMS with GSTR-3B
        #expect(summary.documentCount >= 300 && summary.supplierCount >= 25)
    }

    /// The GSTR-3B recipe as discovery tells it: balances, and per period the next step of the recipe.
    @Test func showsBalancesAndTheNextGSTR3BStep() throws {
        let scenario = try ScenarioLoader.load(path: Repo.scenarios + "/contracts/gstr3b-recipe.json")
        var state = TenantState(seed: scenario.world, realTime: .fixed(0))
        let me = GSTIN("29AAKFB7315M1Z0")!
        let october = ReturnPeriod(month: 10, year: 2025)!
        func next() -> ScenarioSummary.GSTR3BStep? {
            ScenarioSummary(scenario: scenario, state: state).taxpayers[0].periods.first { $0.period == october }?.gstr3bNext
        }
        let summary = ScenarioSummary(scenario: scenario, state: state)
        #expect(summary.taxpayers[0].cash.igst.tax == Amount(rupees: 10_000))
        #expect(summary.json["taxpayers"]?[0]?["ledgers"]?["cash"]?["igst"]?["tax"] == .number(JSONNumber(text: "10000")!))
        #expect(summary.json["taxpayers"]?[0]?["periods"]?[0]?["gstr3b_next"] == "save")
        #expect(summary.json["taxpayers"]?[0]?["periods"]?[0]?["preference"] == "monthly")
        let id = try state.submitGSTR3BSave(gstin: me, period: october, figures: GSTR3BDraft(outward: GSTR3BLine(taxes: TaxTotals(igst: Amount(rupees: 100)))))
        _ = state.pollReturnJob(referenceID: id, gstin: me)   // the scenario's jobs finish on the first poll
        #expect(next() == .offset)
        var plan = OffsetPlan()
        plan.cash.otherThanReverseCharge.igst.tax = Amount(rupees: 100)
        try state.offsetGSTR3BLiability(gstin: me, period: october, plan: plan)
        #expect(next() == .file)
        _ = try state.fileGSTR3BReturn(gstin: me, period: october)
        #expect(next() == .filed)
    }

    @Test func followsTheLiveClock() throws {
        let scenario = try DefaultScenario.load()
        var state = TenantState(seed: scenario.world, realTime: .fixed(0))
        state.advanceClock(by: 4 * 86_400_000)   // 14 May 2025
        let acme = ScenarioSummary(scenario: scenario, state: state).taxpayers[0]
        #expect(acme.periods.first { $0.period.mmyyyy == "042025" }?.gstr2b == .regenerable)
    }

    @Test func rendersJSONForTheControlAPI() throws {
        let json = ScenarioSummary(scenario: try DefaultScenario.load()).json
        #expect(json["now"] == "2025-05-10T10:00:00+05:30")
        #expect(json["credentials"]?["sandbox"]?[0]?["api_key"] == "key_live_gspsandbox")
        let acme = json["taxpayers"]?[0]
        #expect(acme?["gstin"] == "27AAPCA4821K1ZD" && acme?["username"] == "acme.retail" && acme?["otp"] == "575757")
        let periods = acme?["periods"]?.arrayValue ?? []
        let april = periods.first { $0["period"] == "042025" }
        #expect(april?["gstr2b"] == "not_yet" && april?["gstr2b_available_from"] == "14-05-2025")
        #expect(periods.first { $0["period"] == "032025" }?["gstr2b"] == "regenerable")
        #expect(periods.first { $0["period"] == "022025" }?["gstr2b"] == "gstr3b_filed")
    }

    @Test func formatsInstantsInIST() {
        #expect(ScenarioSummary.rfc3339(1_746_851_400_000) == "2025-05-10T10:00:00+05:30")
        #expect(ScenarioSummary.rfc3339(1_746_851_400_123) == "2025-05-10T10:00:00.123+05:30")
        #expect(ScenarioSummary.rfc3339(0) == "1970-01-01T05:30:00+05:30")
    }
}
