import GSTCore
import SandboxAPI
import VayanaAPI

/// What every route of the composition root receives besides the request and its path parameters:
/// the tenants and scenarios, and each vendor adapter's own context over the same registry, so
/// both vendors read and write one world.
public struct ApplicationContext: Sendable {
    /// The sandbox's version, for the health route.
    public let version: String
    public let configuration: SandboxConfiguration
    public let world: SandboxWorld
    /// Sandbox.co.in's adapter context (shares `world.registry`).
    public let sandbox: SandboxAPIContext
    /// Vayana EAS's adapter context (shares `world.registry`).
    public let vayana: VayanaContext
    /// What the request pipeline records and injects (Observe/, Pipeline/).
    public let journal: Journal
    public let metrics: Metrics
    public let faults: FaultBook
    /// The files the control API may load as scenarios.
    public let scenarioFiles: ScenarioFiles

    public init(version: String = SandboxVersion.current, configuration: SandboxConfiguration, world: SandboxWorld) {
        self.version = version
        self.configuration = configuration
        self.world = world
        sandbox = SandboxAPIContext(registry: world.registry, realTime: world.realTime)
        vayana = VayanaContext(registry: world.registry, realTime: world.realTime)
        journal = Journal(capacity: configuration.journalSize)
        metrics = Metrics()
        faults = FaultBook()
        scenarioFiles = ScenarioFiles(configuration: configuration)
        faults.installScenarioRules(world.scenarios)
    }
}
