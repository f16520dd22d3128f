import JSON
import Testing
import GSTCore
@testable import ScenarioKit

/// The default scenario is what a frontend developer sees first: it must be rich, tell a story,
/// and offer each GSTR-2B / GSTR-1 situation the issue lists.
@Suite struct DefaultScenarioTests {
    let scenario: Scenario
    init() throws { scenario = try DefaultScenario.load() }

    var world: WorldSeed { scenario.world }
    func period(_ s: String) -> ReturnPeriod { ReturnPeriod(mmyyyy: s)! }

    /// SwiftPM embeds Sources/ScenarioKit/Resources/default.json, a link to the file users read; this
    /// fails if the link is ever replaced by a copy that drifts (or by a checkout without symlinks).
    @Test func embeddedCopyEqualsTheFile() throws {
        let file = try Repo.read(Repo.scenarios + "/default.json")
        #expect(DefaultScenario.bytes == file,
                "Sources/ScenarioKit/Resources/default.json must be a symbolic link to Scenarios/default.json")
    }

    @Test func isRich() {
        #expect(world.taxpayers.count >= 3)
        let taxpayers = Set(world.taxpayers.map(\.gstin))
        #expect(world.parties.filter { !taxpayers.contains($0.gstin) }.count >= 25)
        #expect(world.documents.count >= 300)
        for section in IMSSection.allCases {
            #expect(world.documents.contains { $0.section == section }, "no \(section) documents")
        }
        for status in IMSStatus.allCases { #expect(world.documents.contains { $0.ims.status == status }) }
        #expect(world.documents.contains { $0.ims.pendingActionBlocked })
        #expect(world.documents.contains { !$0.filing.filed })
        #expect(world.documents.contains { $0.reverseCharge })
        #expect(world.documents.contains { $0.cess > .zero })
        #expect(world.documents.contains { $0.irn != nil })
        #expect(scenario.warnings.isEmpty)
    }

    @Test func hasCredentialsForBothVendors() {
        #expect(world.credentials.sandboxKeys["key_live_gspsandbox"] == "secret_live_gspsandbox")
        #expect(!world.credentials.vayanaLogins.isEmpty)
        #expect(world.clock == .fixed(epochMilliseconds: 1_746_851_400_000))   // 2025-05-10T10:00:00+05:30
        #expect(world.idSeed != nil)
    }

    /// The three regeneration answers, asked of GSTCore itself on a tenant built from the scenario.
    @Test func offersTheThreeGSTR2BSituations() {
        var state = TenantState(seed: world, realTime: .fixed(0))
        let acme = world.taxpayers[0].gstin
        #expect(state.requestGSTR2BRegeneration(recipient: acme, period: period("022025")) == .invalidPeriodOrGSTR3BFiled)
        #expect(state.requestGSTR2BRegeneration(recipient: acme, period: period("042025"))
                == .draftNotYetAvailable(availableFrom: CivilDate(year: 2025, month: 5, day: 14)!))
        guard case .started = state.requestGSTR2BRegeneration(recipient: acme, period: period("032025")) else {
            Issue.record("032025 should be regenerable"); return
        }
        for p in ["022025", "032025", "042025"] {
            #expect(world.documents.contains { $0.recipient == acme && $0.filing.period == period(p) }, "no inward documents in \(p)")
        }
    }

    @Test func hasAnEmptyGSTR1PeriodAndARichOne() {
        let state = TenantState(seed: world, realTime: .fixed(0))
        let acme = world.taxpayers[0].gstin
        #expect(state.gstr1Documents(supplier: acme, period: period("022025"), section: .b2b).isEmpty)   // RET11416
        let march = state.gstr1Documents(supplier: acme, period: period("032025"), section: .b2b)
        #expect(Set(march.map(\.recipient)).count >= 5)
        #expect(!state.gstr1Documents(supplier: acme, period: period("042025"), section: .b2ba).isEmpty)
        // The benchmark route's body: roughly 4–10 KB of compact JSON in Sandbox's documented shape.
        let size = GSTR1SizeEstimate.bytes(of: march)
        #expect((4_000...10_000).contains(size), "GSTR-1 B2B 032025 would be \(size) bytes")
        for t in world.taxpayers.dropFirst() {
            #expect(!state.gstr1Documents(supplier: t.gstin, period: period("032025"), section: .b2b).isEmpty)
        }
    }

    @Test func taxpayersSellToEachOther() {
        let taxpayers = Set(world.taxpayers.map(\.gstin))
        #expect(world.documents.contains { taxpayers.contains($0.supplier) && taxpayers.contains($0.recipient) })
    }
}

/// Renders documents in the documented GSTR-1 B2B shape (`gstr1_b2b.200.response.json`) only to
/// measure the body size; the real renderer lives in SandboxAPI.
enum GSTR1SizeEstimate {
    static func bytes(of docs: [Document]) -> Int {
        var byCounterparty: [GSTIN: [JSONValue]] = [:]
        for d in docs {
            var inv: [String: JSONValue] = [
                "cflag": "N", "chksum": .string(String(repeating: "0", count: 64)), "flag": "U", "idt": .string(d.date.dashed),
                "inum": .string(d.number), "inv_typ": .string(d.invoiceType.rawValue), "pos": .string(d.placeOfSupply.value),
                "rchrg": d.reverseCharge ? "Y" : "N", "updby": "S", "val": .number(JSONNumber(d.value)),
                "itms": .array(d.items.map { i in
                    ["num": .number(JSONNumber(i.number)), "itm_det": [
                        "camt": .number(JSONNumber(i.cgst)), "csamt": .number(JSONNumber(i.cess)), "iamt": .number(JSONNumber(i.igst)),
                        "rt": .number(JSONNumber(text: i.rate.description)!), "samt": .number(JSONNumber(i.sgst)),
                        "txval": .number(JSONNumber(i.taxableValue)),
                    ]]
                }),
            ]
            if let irn = d.irn { inv["irn"] = .string(irn); inv["irngendate"] = .string(d.irnDate!.dashed); inv["srctyp"] = "e-Invoice" }
            byCounterparty[d.recipient, default: []].append(.object(inv))
        }
        let b2b: [JSONValue] = byCounterparty.keys.sorted().map { ["cfs": "Y", "ctin": .string($0.value), "inv": .array(byCounterparty[$0]!)] }
        let body: JSONValue = ["code": 200, "data": ["data": ["b2b": .array(b2b)], "status_cd": "1"],
                               "timestamp": 1_746_851_400_000, "transaction_id": "00000000-0000-0000-0000-000000000000"]
        return JSONWriter.write(body).count
    }
}
