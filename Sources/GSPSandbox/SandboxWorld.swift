import GSTCore
import JSON
import ScenarioKit
import Synchronization

/// The scenarios a sandbox serves and the tenants built from them.
///
/// Each scenario becomes one tenant, addressed by the Sandbox API keys and Vayana organisations its
/// credentials name. The first scenario is the *primary* one: any `key_test_…` API key gets its own
/// fresh copy of it, so parallel test suites isolate themselves by picking a random key.
public final class SandboxWorld: Sendable {
    public let registry: TenantRegistry
    /// In the order given; `scenarios[0]` is the primary scenario.
    public let scenarios: [Scenario]
    /// The wall clock tenants read when their scenario follows real time.
    public let realTime: RealTime
    /// Scenarios given to tenants at runtime (control API create / load / import), by tenant id.
    let runtimeScenarios = Mutex<[String: Scenario]>([:])
    /// Each start-up scenario built once, by scenario name: its tenant, the `key_test_` forks (the
    /// primary's) and tenants the control API creates from it all fork it.
    public let templates: [String: WorldTemplate]
    /// Generated worlds built once each, by recipe.
    private let builtWorlds: BuiltWorlds

    /// Builds the tenants. Two scenarios that claim the same tenant name or credentials are a
    /// configuration error, reported like a scenario validation error.
    public init(scenarios: [Scenario], realTime: RealTime) throws(ScenarioLoadError) {
        precondition(!scenarios.isEmpty, "a sandbox serves at least one scenario")
        self.scenarios = scenarios
        self.realTime = realTime
        // The primary scenario is built once: its tenant and every key_test_ tenant fork it.
        let builtWorlds = BuiltWorlds(realTime: realTime)
        self.builtWorlds = builtWorlds
        registry = TenantRegistry(realTime: realTime, testTenantTemplate: builtWorlds.template(for: scenarios[0]))
        var templates: [String: WorldTemplate] = [:]
        for (n, scenario) in scenarios.enumerated() where templates[scenario.name] == nil {
            templates[scenario.name] = n == 0 ? registry.testTenantTemplate : builtWorlds.template(for: scenario)
        }
        self.templates = templates
        for scenario in scenarios {
            do {
                try registry.createTenant(id: scenario.name, template: templates[scenario.name]!)
            } catch {
                let message: String
                switch error {
                case .duplicateTenantID(let id): message = "another scenario is already named \"\(id)\""
                case .credentialInUse(let key): message = "credential \"\(key)\" already belongs to another scenario"
                case .unknownTenant(let id): message = "unknown tenant \(id)"
                }
                throw ScenarioLoadError([ScenarioError(file: scenario.name, issues: [ScenarioIssue(path: .root, message: message)])])
            }
        }
    }

    /// The template a tenant of `scenario` forks. A scenario with `changes` (a saved tenant) forks the
    /// world its recipe builds, built once per recipe, with the changes on top; a generated scenario's
    /// world is remembered by its recipe for such saved tenants to find.
    public func template(for scenario: Scenario) -> WorldTemplate { builtWorlds.template(for: scenario) }

    /// The built world of a recipe, if this sandbox holds one (`ScenarioLoader.load(json:builtWorld:)`).
    public func builtWorld(recipe fingerprint: String) -> WorldSeed? { builtWorlds.seed(recipe: fingerprint) }

    /// A tenant's state as a scenario file. A tenant of a generated world is written as its recipe and
    /// its changes (O(changes)) unless `whole` asks for every document; any other is written whole.
    public func export(_ tenant: Tenant, whole: Bool = false) -> JSONValue {
        let scenario = scenario(for: tenant)
        let credentials = registry.credentials(of: tenant)
        let template = tenant.template
        if !whole, !scenario.generateSpecs.isEmpty, template.root.seed.documents.count == scenario.world.documents.count,
           let changes = tenant.read({ template.changes(of: $0) }) {
            return ScenarioExporter.export(changes: changes, of: scenario, credentials: credentials)
        }
        return tenant.read { s in
            ScenarioExporter.export(state: s, seed: tenant.seed, credentials: credentials, name: scenario.name,
                                    description: scenario.description, strictGSTIN: scenario.strictGSTIN)
        }
    }

    /// Loads scenario files in order, or the built-in default scenario when `paths` is empty.
    /// Every file is validated; all problems of all files are reported together.
    public static func loadScenarios(paths: [String]) throws(ScenarioLoadError) -> [Scenario] {
        if paths.isEmpty {
            do { return [try DefaultScenario.load()] } catch { throw ScenarioLoadError([error]) }
        }
        var scenarios: [Scenario] = []
        var failures: [ScenarioError] = []
        for path in paths {
            do { scenarios.append(try ScenarioLoader.load(path: path)) } catch { failures.append(error) }
        }
        guard failures.isEmpty else {
            throw ScenarioLoadError(failures)
        }
        return scenarios
    }

    /// Each tenant's id and document count, for start-up logs.
    public func documentCounts() -> [(tenant: String, documents: Int)] {
        registry.tenants.map { tenant in (tenant.id, tenant.read { $0.documents.count }) }
    }

    /// The tenant built from the primary scenario.
    public var primaryTenant: Tenant? { registry.tenant(id: scenarios[0].name) }

    /// The scenario a tenant's world came from: its own for scenario tenants, the primary one for
    /// fresh `key_test_` tenants.
    public func scenario(for tenant: Tenant) -> Scenario {
        runtimeScenarios.withLock { $0[tenant.id] } ?? scenarios.first { $0.name == tenant.id } ?? scenarios[0]
    }
}

/// Scenarios the sandbox refused: every problem of every file, one `FILE: $.path: message` line each.
public struct ScenarioLoadError: Error, Sendable, CustomStringConvertible {
    public let errors: [ScenarioError]
    public init(_ errors: [ScenarioError]) { self.errors = errors }
    public var lines: [String] { errors.flatMap(\.lines) }
    public var description: String { lines.joined(separator: "\n") }
}
