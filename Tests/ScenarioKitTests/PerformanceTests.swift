#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import GSTCore
@testable import ScenarioKit

/// Opt-in (`SCENARIO_PERF=1 swift test -c release --filter ScenarioKitTests.PerformanceTests`):
/// generating the 100,000-document scenario, timed. Skipped by default to keep the suite fast.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SCENARIO_PERF"] == "1"))
struct PerformanceTests {
    @Test func generatesOneHundredThousandDocuments() throws {
        let clock = ContinuousClock()
        var scenario: Scenario?
        let elapsed = try clock.measure {
            scenario = try ScenarioLoader.load(path: Repo.scenarios + "/tests/large-100k.json")
        }
        let world = try #require(scenario).world
        #expect(world.documents.count == 100_000)
        #expect(Set(world.documents.map(\.key)).count == 100_000)
        print("large-100k: loaded and generated \(world.documents.count) documents, \(world.parties.count) parties in \(elapsed)")
        let again = try ScenarioLoader.load(path: Repo.scenarios + "/tests/large-100k.json").world
        #expect(again.documents == world.documents)
    }
}
