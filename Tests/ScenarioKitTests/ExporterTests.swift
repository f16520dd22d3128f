import GSTCore
import JSON
import ScenarioKit
import Testing

/// A tenant's state written as a scenario loads back into the same world.
struct ExporterTests {
    func export(_ scenario: Scenario, _ state: TenantState) -> JSONValue {
        ScenarioExporter.export(state: state, seed: scenario.world, credentials: scenario.world.credentials,
                                name: scenario.name, description: scenario.description)
    }

    @Test func exportLoadsBackIntoTheSameWorld() throws {
        let scenario = try DefaultScenario.load()
        var state = TenantState(seed: scenario.world, realTime: .fixed(0))
        state.advanceClock(by: 3_600_000)
        let json = export(scenario, state)
        #expect(json["clock"]?["now"] == "2025-05-10T11:00:00+05:30")

        let reloaded = try ScenarioLoader.load(json: json, name: "export")
        #expect(reloaded.name == scenario.name)
        #expect(reloaded.world.credentials == scenario.world.credentials)
        #expect(reloaded.world.jobTiming == scenario.world.jobTiming)
        #expect(reloaded.world.idSeed == scenario.world.idSeed)
        #expect(reloaded.world.gstr2bPageSize == scenario.world.gstr2bPageSize)
        let again = TenantState(seed: reloaded.world, realTime: .fixed(0))
        #expect(Set(again.documents.all) == Set(state.documents.all))
        #expect(again.taxpayers == state.taxpayers)
        #expect(again.parties == state.parties)
        #expect(export(reloaded, again) == json)
    }

    @Test func jobTimingAndRealClockAreWrittenInTheLoaderFormat() throws {
        var seed = WorldSeed(jobTiming: .afterMilliseconds(1_500))
        seed.clock = .realTime
        let state = TenantState(seed: seed, realTime: .fixed(1_746_851_400_000))
        let json = ScenarioExporter.export(state: state, seed: seed, credentials: seed.credentials, name: "x")
        #expect(json["jobs"]?["after_seconds"] == .number(JSONNumber(text: "1.500")!))
        #expect(json["clock"] == "real")
        let reloaded = try ScenarioLoader.load(json: json, name: "x")
        #expect(reloaded.world.jobTiming == .afterMilliseconds(1_500))
        #expect(reloaded.world.clock == .realTime)
    }
}

/// The `ledgers` block: opening balances credited on the scenario clock; an export writes them with
/// every later entry, the GSTR-3B payments and the filing receipts, which load back identical.
struct LedgerScenarioTests {
    @Test func ledgersPaymentsAndReceiptsRoundTrip() throws {
        let scenario = try ScenarioLoader.load(path: Repo.scenarios + "/contracts/gstr3b-recipe.json")
        var state = TenantState(seed: scenario.world, realTime: .fixed(0))
        let me = try #require(GSTIN("29AAKFB7315M1Z0"))
        let october = ReturnPeriod(month: 10, year: 2025)!
        let opening = state.ledgers(of: me)
        #expect(opening.cash.count == 1 && opening.cash[0].description == "Opening balance" && opening.cash[0].at == state.now)
        // A challan, a paid and filed GSTR-3B, an hour apart.
        state.advanceClock(by: 3_600_000)
        try state.depositCash(gstin: me, amounts: CashAmounts(cess: MinorHeads(fee: Amount(paise: 250))), reference: "CPIN1")
        let id = try state.submitGSTR3BSave(gstin: me, period: october, figures: GSTR3BDraft(
            outward: GSTR3BLine(taxes: TaxTotals(igst: Amount(rupees: 18_000), cgst: Amount(rupees: 1_800), sgst: Amount(rupees: 1_800))),
            netITC: TaxTotals(igst: Amount(rupees: 9_000), cgst: Amount(rupees: 900), sgst: Amount(rupees: 900))))
        _ = state.pollReturnJob(referenceID: id, gstin: me)
        var plan = OffsetPlan()
        plan.credit.igstByIGST = Amount(rupees: 9_000); plan.credit.cgstByCGST = Amount(rupees: 900); plan.credit.sgstBySGST = Amount(rupees: 900)
        plan.cash.otherThanReverseCharge = CashAmounts(igst: MinorHeads(tax: Amount(rupees: 9_000)), cgst: MinorHeads(tax: Amount(rupees: 900)),
                                                       sgst: MinorHeads(tax: Amount(rupees: 900)))
        state.advanceClock(by: 3_600_000)
        try state.offsetGSTR3BLiability(gstin: me, period: october, plan: plan)
        let ack = try state.fileGSTR3BReturn(gstin: me, period: october)

        let json = ScenarioExporter.export(state: state, seed: scenario.world, credentials: scenario.world.credentials, name: "x")
        #expect(json["taxpayers"]?[0]?["ledgers"]?["cash"]?["igst"]?["tax"] == .number(JSONNumber(text: "10000")!))   // the opening, as given
        let again = TenantState(seed: try ScenarioLoader.load(json: json, name: "x").world, realTime: .fixed(0))
        #expect(again.ledgers(of: me) == state.ledgers(of: me))
        #expect(again.taxpayers[me]?.filingReceipts == state.taxpayers[me]?.filingReceipts)
        #expect(again.filedReturns(gstin: me).contains { $0.arn == String(ack.prefix(15)) && $0.form == .gstr3b })
        #expect(again.ledgers(of: me).payments[october]?.plan == plan)
    }

    @Test func badLedgerBlocksAreRefusedWithTheirPaths() {
        func with(_ ledgers: String) -> String {
            #"{"name":"t","taxpayers":[{"gstin":"29AAKFB7315M1Z0","trade_name":"B","username":"u","otp":"123456","ledgers":"#
                + ledgers + "}]}"
        }
        #expect(errors(with(#"{"cash":{"igst":{"tax":-1}}}"#)).joined().contains("ledgers.cash.igst.tax"))
        #expect(errors(with(#"{"cash":{"vat":{}}}"#)).joined().contains("vat"))
        #expect(errors(with(#"{"itc":{"igst":1.234}}"#)).joined().contains("ledgers.itc.igst"))
        #expect(errors(with(#"{"cash":{"cgst":{"interest":5}},"itc":{"cess":9}}"#)) == [])
        // A saved log is replayed: an entry that would overdraw the ledger does not load.
        let overdraw = #"{"cash":{"igst":{"tax":10}},"opened_at":"2025-01-01T00:00:00+05:30","entries":[{"ledger":"cash","at":"2025-01-02","reference":"D","description":"d","type":"Dr","amounts":{"igst":{"tax":11}}}]}"#
        #expect(errors(with(overdraw)).joined().contains("ledgers.entries[0]: this entry would take the ledger below zero"))
        #expect(errors(with(#"{"opened_at":"2025-01-01","entries":[{"ledger":"bank","at":"2025-01-02","reference":"D","description":"d","type":"Cr","amounts":{}}]}"#))
            .joined().contains("ledger"))
    }
}

/// Registration details, filing preferences, AATO and unregistered applicants: loaded, validated with
/// their paths, and exported so they load back the same.
struct RegistryScenarioTests {
    static let file = #"""
    {"name":"registry","clock":{"now":"2025-11-15T11:00:00+05:30"},
     "taxpayers":[{"gstin":"29AAKFB7315M1Z0","trade_name":"Bharat Components LLP","username":"u","otp":"123456",
                   "registration":{"constitution":"Partnership","einvoice":true},
                   "preferences":{"2025-26":{"Q3":"Q","Q4":"M"}},"aato":{"2024-25":45000000.5}}],
     "suppliers":[{"gstin":"33AADCK2964R1Z0","trade_name":"Kaveri Textiles Private Limited",
                   "registration":{"status":"Cancelled","registered_on":"01-07-2017","cancelled_on":"31-03-2025","nature_of_business":["Retail Business"]}}],
     "unregistered_applicants":[{"enrolment_number":"332200000001ES9","name":"Dev","pan":"SRIFP2884S","state_code":"33","status":"C",
                                 "enrolled_on":"28-09-2022","cancelled_on":"01-01-2025","address":{"pincode":"600033","city":"Chennai"},
                                 "mobile":"9898989898","email":"dev@example.com"}]}
    """#

    @Test func loadsAndExportsTheSame() throws {
        let scenario = try ScenarioLoader.load(bytes: Array(Self.file.utf8), name: "registry.json")
        let state = TenantState(seed: scenario.world, realTime: .fixed(0))
        let supplier = try #require(state.registration(GSTIN("33AADCK2964R1Z0")!))
        #expect(supplier.status == "Cancelled" && supplier.cancelledOn == CivilDate(year: 2025, month: 3, day: 31) && supplier.natureOfBusiness == ["Retail Business"])
        let me = try #require(GSTIN("29AAKFB7315M1Z0"))
        #expect(state.registration(me)?.constitution == "Partnership" && state.registration(me)?.eInvoicing == true)
        #expect(state.filingPreference(gstin: me, quarter: FinancialQuarter(yearStart: 2025, quarter: 3)!) == .quarterly)
        #expect(state.aggregateTurnover(gstin: me, yearStart: 2024).declared == Amount(paise: 4_500_000_050))
        #expect(state.unregisteredApplicant("332200000001ES9")?.active == false)

        let json = ScenarioExporter.export(state: state, seed: scenario.world, credentials: scenario.world.credentials, name: "registry")
        let again = try ScenarioLoader.load(json: json, name: "again")
        #expect(again.world.parties == scenario.world.parties)
        #expect(again.world.taxpayers.map(\.preferences) == scenario.world.taxpayers.map(\.preferences))
        #expect(again.world.taxpayers.map(\.declaredTurnover) == scenario.world.taxpayers.map(\.declaredTurnover))
        #expect(again.world.unregisteredApplicants == scenario.world.unregisteredApplicants)
    }

    @Test func badBlocksAreRefusedWithTheirPaths() {
        func problems(_ replace: String, with: String) -> String {
            let parts = Self.file.split(separator: replace, maxSplits: 1, omittingEmptySubsequences: false)
            return errors(parts.joined(separator: with)).joined(separator: "\n")
        }
        #expect(problems(#""cancelled_on":"31-03-2025","#, with: "").contains("needs cancelled_on"))
        #expect(problems(#""status":"Cancelled""#, with: #""status":"Gone""#).contains("registration.status"))
        #expect(problems(#""Q3":"Q""#, with: #""Q5":"Q""#).contains("Q5"))
        #expect(problems(#""2024-25":45000000.5"#, with: #""2024-26":1"#).contains("2024-26"))
        #expect(problems(#""pincode":"600033""#, with: #""pincode":"6000""#).contains("pincode"))
        #expect(problems(#""enrolment_number":"332200000001ES9""#, with: #""enrolment_number":"x""#).contains("enrolment_number"))
        #expect(problems(#""status":"C","#, with: "").contains("cancelled_on"))
    }
}
