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
