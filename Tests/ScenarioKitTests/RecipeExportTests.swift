@testable import GSTCore
import JSON
import ScenarioKit
import Testing

/// A tenant of a generated world exports as its recipe plus a `changes` block, and that file — written
/// as bytes, parsed and loaded — builds the same tenant: by generating again, or by reusing the
/// recipe's world already built (what the sandbox does for a thousand saved forks of one world).
struct RecipeExportTests {
    static let acme = GSTIN("27AAPCA4821K1ZD")!

    /// The default scenario's world after a few changes of every kind the export must carry.
    func changedTenant(_ scenario: Scenario) throws -> (WorldTemplate, TenantState) {
        let template = WorldTemplate(seed: scenario.world, realTime: .fixed(0))
        var state = Tenant(id: "t", template: template).read { $0 }
        let received = state.documents.received(by: Self.acme)
        let generated = try #require(received.first { d in !scenario.world.documents.prefix(scenario.listedDocumentCount).contains { $0.key == d.key } })
        state.documents.upsert({ var d = generated; d.ims.status = .rejected; d.ims.remarks = "short supply"; return d }())
        let listed = try #require(state.documents.issued(by: Self.acme).first)
        state.documents.remove([listed.key])
        try state.fileGSTR3B(gstin: Self.acme, period: try #require(ReturnPeriod(mmyyyy: "032025")))
        state.advanceClock(by: 86_400_000)
        return (template, state)
    }

    func reload(_ json: JSONValue, builtWorld: @escaping (String) -> WorldSeed? = { _ in nil }) throws -> Scenario {
        try ScenarioLoader.load(bytes: JSONWriter.write(json, pretty: true), name: "export", builtWorld: builtWorld)
    }

    @Test func aChangedTenantOfAGeneratedWorldLoadsBackTheSame() throws {
        let scenario = try DefaultScenario.load()
        #expect(!scenario.generateSpecs.isEmpty)
        let (template, state) = try changedTenant(scenario)
        let changes = try #require(template.changes(of: state))
        #expect(changes.removed.count == 1 && changes.taxpayers.map(\.gstin) == [Self.acme])
        let json = ScenarioExporter.export(changes: changes, of: scenario, credentials: scenario.world.credentials)
        #expect(json["changes"]?["clock"]?["now"] == "2025-05-11T10:00:00+05:30")
        // The recipe, not the generated documents: the file lists only what the scenario lists.
        #expect(json["generate"]?.arrayValue?.count == scenario.generateSpecs.count)

        let reloaded = try reload(json)
        #expect(reloaded.generateSpecs == scenario.generateSpecs)
        #expect(reloaded.recipeFingerprint == ScenarioExporter.recipeFingerprint(of: scenario))
        #expect(reloaded.world.documents == scenario.world.documents)
        #expect(reloaded.world.parties == scenario.world.parties)
        let again = Tenant(id: "again", template: WorldTemplate(seed: reloaded.world, realTime: .fixed(0)).applying(try #require(reloaded.changes)))
        let (documents, taxpayers, now) = again.read { ($0.documents.all, $0.taxpayers, $0.now) }
        #expect(Set(documents) == Set(state.documents.all))
        #expect(taxpayers == state.taxpayers && now == state.now)

        // Given the recipe's world already built, nothing is generated and the same world comes back.
        var asked: [String] = []
        let reused = try reload(json) { fingerprint in asked.append(fingerprint); return scenario.world }
        #expect(asked == [reloaded.recipeFingerprint])
        #expect(reused.world.documents == scenario.world.documents)
    }

    @Test func aBadChangesBlockIsRefusedWithItsPath() throws {
        let scenario = try DefaultScenario.load()
        var json = ScenarioExporter.export(changes: WorldChanges(clock: scenario.world.clock), of: scenario,
                                           credentials: scenario.world.credentials).objectValue!
        json["changes"] = ["clock": "real", "removed": [["section": "b2x", "supplier": "27AAPCA4821K1ZD", "number": "1"]],
                           "taxpayers": [["gstin": "29AAACE2222D1Z8", "trade_name": "x", "username": "x", "otp": "123456"]]]
        #expect { try reload(.object(json)) } throws: { error in
            let text = "\(error)"
            return text.contains("$.changes.removed[0].section") && text.contains("$.changes.taxpayers[0].gstin")
        }
    }
}
