import GSTCore
import ScenarioKit
import Synchronization

/// Generated worlds built once each, by recipe fingerprint (`ScenarioExporter.recipeFingerprint`): a
/// saved tenant of one (an export, the state file) loads as a fork of it plus its changes, so a
/// thousand saved forks of a 100,000-document world build that world once. Entries live as long as
/// the process: a few distinct recipes at most, and their tenants share them anyway.
final class BuiltWorlds: Sendable {
    private let byRecipe = Mutex<[String: WorldTemplate]>([:])
    private let realTime: RealTime

    init(realTime: RealTime) { self.realTime = realTime }

    /// The template a tenant of `scenario` forks. A scenario with `changes` (a saved tenant) forks the
    /// world its recipe builds, with the changes on top; a generated scenario's world is remembered by
    /// its recipe for such saved tenants to find. Any other scenario is built on its own.
    func template(for scenario: Scenario) -> WorldTemplate {
        guard !scenario.generateSpecs.isEmpty || scenario.changes != nil else { return WorldTemplate(seed: scenario.world, realTime: realTime) }
        let fingerprint = scenario.recipeFingerprint ?? ScenarioExporter.recipeFingerprint(of: scenario)
        // Built outside the lock (seconds for a big world); if two loads race, the first one kept wins.
        let built = byRecipe.withLock { $0[fingerprint] } ?? WorldTemplate(seed: scenario.world, realTime: realTime)
        let shared = byRecipe.withLock { kept in
            if let first = kept[fingerprint] { return first }
            kept[fingerprint] = built
            return built
        }
        let template = shared.with(credentials: scenario.world.credentials)
        return scenario.changes.map(template.applying) ?? template
    }

    func seed(recipe fingerprint: String) -> WorldSeed? { byRecipe.withLock { $0[fingerprint]?.seed } }
}
