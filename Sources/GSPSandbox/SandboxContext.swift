/// What every route handler receives besides the request and its path parameters.
///
/// This is the composition root's context: as tenancy, scenario state, the virtual clock and the
/// journal arrive, they become properties here. Vendor adapters that cannot see this type build
/// their routes over their own context and are adapted with `Route.mapContext(_:)`.
public struct SandboxContext: Sendable {
    /// The sandbox's version, for the health route.
    public let version: String
    public let configuration: SandboxConfiguration

    public init(version: String = SandboxVersion.current, configuration: SandboxConfiguration) {
        self.version = version
        self.configuration = configuration
    }
}
