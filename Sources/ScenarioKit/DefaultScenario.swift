import GSTCore

/// The scenario a tenant gets when none is named: `Scenarios/default.json`, compiled into the
/// binary by SwiftPM (`resources: [.embedInCode(…)]` in Package.swift, through the link
/// `Resources/default.json`), so a single static executable needs no data files and an edit to
/// the file is in the next build.
public enum DefaultScenario {
    /// The file's exact bytes.
    public static var bytes: [UInt8] { PackageResources.default_json }

    /// Loads (validates and generates) the default scenario. Callers that create many tenants
    /// should load once and reuse `world`: generation is deterministic, so every copy is equal.
    public static func load() throws(ScenarioError) -> Scenario {
        try ScenarioLoader.load(bytes: bytes, name: "Scenarios/default.json")
    }
}
