#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GSTCore
import JSON

/// Reads scenario files: parse (exact numbers, positions), validate everything, generate, and
/// hand back a `Scenario` — or a `ScenarioError` listing every problem as `FILE: $.path: message`.
public enum ScenarioLoader {
    static let topLevelKeys = [
        "$schema", "name", "description", "strict_gstin", "clock", "jobs", "ids", "gstr2b", "credentials",
        "taxpayers", "suppliers", "unregistered_applicants", "documents", "generate", "changes",
    ] + Scenario.reservedKeys

    /// Loads the file at `path`; errors name it as given. With `generate: false` the file is only
    /// validated: `generate` blocks are checked but not run (fast, for `gsp-sandbox validate`).
    /// `documentLimit` refuses a scenario holding more documents, listed plus generated, before
    /// generating any (the control API passes the server's limit; see `load(json:)`).
    public static func load(path: String, generate: Bool = true, documentLimit: Int? = nil) throws(ScenarioError) -> Scenario {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: .root, message: "cannot read the file: \(error)")])
        }
        return try load(bytes: bytes, name: path, generate: generate, documentLimit: documentLimit)
    }

    /// Loads a scenario from bytes; `name` labels errors (a file path, or e.g. "request body").
    /// Without a `name` key in the JSON, the scenario takes the label's base name.
    public static func load(bytes: [UInt8], name: String, generate: Bool = true, documentLimit: Int? = nil,
                            builtWorld: (String) -> WorldSeed? = { _ in nil }) throws(ScenarioError) -> Scenario {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(file: name, issues: [ScenarioIssue(path: .root, message: "invalid JSON at \(error.description)")])
        }
        return try load(json: root, name: name, generate: generate, documentLimit: documentLimit, builtWorld: builtWorld)
    }

    /// Validates an already-parsed scenario (e.g. an inline scenario in a control-API request).
    /// With a `documentLimit`, a scenario whose listed plus generated documents exceed it is refused
    /// before anything is generated: generating costs about 10 µs and 750 bytes per document, so one
    /// small request could otherwise take seconds and gigabytes.
    ///
    /// A file with a `changes` block (a saved tenant) is a recipe plus changes: `builtWorld` may hand
    /// back the recipe's world already built, by its fingerprint, and then nothing is generated.
    public static func load(json root: JSONValue, name: String, generate: Bool = true, documentLimit: Int? = nil,
                            builtWorld: (String) -> WorldSeed? = { _ in nil }) throws(ScenarioError) -> Scenario {
        var d = ScenarioDecoder()
        guard let m = d.object(root, at: .root, allowed: topLevelKeys) else {
            throw ScenarioError(file: name, issues: d.issues)
        }
        if let (v, p) = m["strict_gstin"], let strict = d.bool(v, at: p) { d.strictGSTIN = strict }
        if let (v, p) = m["$schema"] { _ = d.string(v, at: p) }
        let scenarioName = m["name"].flatMap { d.string($0.0, at: $0.1) } ?? baseName(name)
        let description = m["description"].flatMap { d.string($0.0, at: $0.1, nonEmpty: false) }

        var world = WorldSeed()
        if let (v, p) = m["clock"], let c = d.clock(v, at: p) { world.clock = c }
        if let (v, p) = m["jobs"], let j = d.jobs(v, at: p) { world.jobTiming = j }
        if let (v, p) = m["ids"] { world.idSeed = d.idSeed(v, at: p) }
        world.idOwner = scenarioName
        if let (v, p) = m["gstr2b"], let n = d.gstr2bPageSize(v, at: p) { world.gstr2bPageSize = n }
        if let (v, p) = m["credentials"], let c = d.credentials(v, at: p) { world.credentials = c }

        // Dates in the data are checked against the clock only when it is fixed: with real time
        // the answer would change from one run to the next.
        var today: CivilDate?
        if case .fixed(let ms) = world.clock { today = CivilDate(epochMilliseconds: ms) }

        var registry = PartyRegistry()
        if let (v, p) = m["taxpayers"] { d.taxpayers(v, at: p, today: today, into: &registry) }
        if let (v, p) = m["suppliers"] { d.suppliers(v, at: p, into: &registry) }
        let applicants = m["unregistered_applicants"].map { d.unregisteredApplicants($0.0, at: $0.1) } ?? []
        var seen: [DocumentKey: JSONPath] = [:]
        let documents = m["documents"].map { d.documents($0.0, at: $0.1, registry: registry, today: today, seen: &seen) } ?? []
        let specs = m["generate"].map { d.generateBlocks($0.0, at: $0.1, registry: registry, today: today) } ?? []
        if let (v, p) = m["steps"] { _ = d.contractSteps(v, at: p) }
        let changes = m["changes"].flatMap { d.changes($0.0, at: $0.1, registry: registry) }

        guard d.issues.isEmpty else { throw ScenarioError(file: name, issues: d.issues) }
        if let documentLimit {
            let total = documents.count + (generate ? specs.reduce(0) { $0 + $1.documentCount } : 0)
            if total > documentLimit {
                throw ScenarioError(file: name, issues: [ScenarioIssue(path: .root, message:
                    "the scenario holds \(total) documents (listed and generated); the limit here is \(documentLimit)")])
            }
        }

        world.taxpayers = registry.taxpayers
        world.parties = registry.taxpayers.map { Party(gstin: $0.gstin, tradeName: $0.tradeName, registration: registry.taxpayerRegistrations[$0.gstin]) }
            + registry.suppliers
        world.documents = documents
        world.unregisteredApplicants = applicants
        var reserved: [String: JSONValue] = [:]
        for key in Scenario.reservedKeys { reserved[key] = m.members[key] }
        var scenario = Scenario(name: scenarioName, description: description, world: world, strictGSTIN: d.strictGSTIN,
                                reserved: reserved, warnings: d.warnings, generateSpecs: specs)
        if let changes {
            scenario.changes = changes
            let fingerprint = ScenarioExporter.recipeFingerprint(of: scenario)
            scenario.recipeFingerprint = fingerprint
            if let built = builtWorld(fingerprint) {
                scenario.world.documents = built.documents
                scenario.world.parties = built.parties
                return scenario
            }
        }
        guard generate, !specs.isEmpty else { return scenario }
        var context = GenerationContext(taxpayers: registry.taxpayers, declaredSuppliers: registry.suppliers, today: today)
        context.takenGSTINs = Set(registry.declaredAt.keys)
        context.takenNames = Set(world.parties.map(\.tradeName))
        context.takenKeys = Set(seen.keys)
        for p in world.parties { context.tradeNames[p.gstin] = p.tradeName }
        for spec in specs {
            scenario.world.parties += ScenarioGenerator.run(spec, context: &context, into: &scenario.world.documents)
        }
        return scenario
    }

    /// `Scenarios/tests/ims-basic.json` → `ims-basic`.
    static func baseName(_ label: String) -> String {
        let last = label.split(separator: "/").last.map(String.init) ?? label
        return last.hasSuffix(".json") ? String(last.dropLast(5)) : last
    }
}
