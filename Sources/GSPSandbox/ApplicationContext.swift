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
    /// Journal, metrics and fault rules of the request pipeline (Observe/).
    public let observer: Observer

    public init(version: String = SandboxVersion.current, configuration: SandboxConfiguration, world: SandboxWorld) {
        self.version = version
        self.configuration = configuration
        self.world = world
        sandbox = SandboxAPIContext(registry: world.registry, realTime: world.realTime)
        vayana = VayanaContext(registry: world.registry, realTime: world.realTime)
        observer = Observer(journalCapacity: configuration.journalSize, realTime: world.realTime)
        observer.installScenarioFaults(world.scenarios)
    }
}
