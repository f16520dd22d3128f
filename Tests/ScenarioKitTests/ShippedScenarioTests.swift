import Testing
import GSTCore
@testable import ScenarioKit

/// Every scenario in `Scenarios/` loads cleanly, and the default one is as rich as promised.
@Suite struct ShippedScenarioTests {
    @Test(arguments: try Repo.shippedScenarioPaths())
    func loadsWithoutErrorsOrWarnings(path: String) throws {
        // The 100k scenario is validated here and generated only in the opt-in performance check.
        let scenario = try ScenarioLoader.load(path: path, generate: !path.hasSuffix("large-100k.json"))
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        #expect(!scenario.world.taxpayers.isEmpty)
        #expect(scenario.name == ScenarioLoader.baseName(path))
    }

    @Test func shipsTheFocusedTestScenarios() throws {
        let names = try Repo.shippedScenarioPaths().map(ScenarioLoader.baseName)
        for expected in ["default", "ims-basic", "2b-timeline", "gstr1-b2b", "large-100k"] {
            #expect(names.contains(expected))
        }
    }

    @Test func largeScenarioAsksForOneHundredThousandDocumentsOnOneTaxpayer() throws {
        let s = try ScenarioLoader.load(path: Repo.scenarios + "/tests/large-100k.json", generate: false)
        let total = s.generateSpecs.reduce(0) { $0 + $1.documentCount }
        #expect(total == 100_000)
        #expect(s.world.taxpayers.count == 1)
        #expect(s.world.documents.isEmpty)   // not generated with generate: false
    }

    @Test func imsBasicCoversEverySectionAndStatus() throws {
        let s = try ScenarioLoader.load(path: Repo.scenarios + "/tests/ims-basic.json")
        #expect(Set(s.world.documents.map(\.section)) == Set(IMSSection.allCases))
        #expect(Set(s.world.documents.map(\.ims.status)) == Set(IMSStatus.allCases))
        #expect(s.world.documents.contains { $0.ims.pendingActionBlocked })
        #expect(s.world.credentials.vayanaLogins.count == 1)
    }

    @Test func timelineScenarioCrossesTheDraftDateWithinHours() throws {
        let s = try ScenarioLoader.load(path: Repo.scenarios + "/tests/2b-timeline.json")
        var state = TenantState(seed: s.world, realTime: .fixed(0))
        let bharat = s.world.taxpayers[0].gstin
        let april = ReturnPeriod(mmyyyy: "042025")!
        #expect(state.requestGSTR2BRegeneration(recipient: bharat, period: april)
                == .draftNotYetAvailable(availableFrom: CivilDate(year: 2025, month: 5, day: 14)!))
        #expect(state.requestGSTR2BRegeneration(recipient: bharat, period: ReturnPeriod(mmyyyy: "022025")!)
                == .invalidPeriodOrGSTR3BFiled)
        state.advanceClock(by: 6 * 3_600_000)
        guard case .started = state.requestGSTR2BRegeneration(recipient: bharat, period: april) else {
            Issue.record("042025 should be regenerable on the 14th"); return
        }
        #expect(s.world.jobTiming == .afterPolls(2))
    }
}

/// The README's example scenario must stay valid.
@Test func readmeExampleLoads() throws {
    let readme = String(decoding: try Repo.read(Repo.scenarios + "/README.md"), as: UTF8.self)
    let block = try #require(readme.split(separator: "```").first { $0.hasPrefix("json\n") })
    let scenario = try ScenarioLoader.load(bytes: Array(block.dropFirst(5).utf8), name: "README.md")
    #expect(scenario.world.documents.count == 201)
    #expect(scenario.name == "my-flow")
}
