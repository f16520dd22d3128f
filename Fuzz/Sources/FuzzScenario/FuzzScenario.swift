// libFuzzer entry point for the scenario loader: every scenario reaches it from a file (`--scenario`,
// `--state-file`) or a control-API body (create, load, import). Properties checked on every input:
//   1. no trap: the input is refused with at least one issue, or loaded;
//   2. a loaded scenario becomes a tenant whose export loads again (the server can always reload
//      what it accepted), and exporting that reloaded tenant gives the same scenario.
// Generation runs only when the blocks ask for few documents, so one input stays fast; the
// generator's own limits are the loader's business, not a per-input timeout's.
import GSTCore
import JSON
import ScenarioKit

/// Documents a `generate` block may ask for before the harness only validates it.
let maxGeneratedDocuments = 200
/// Any fixed wall time: tenants whose scenario says `"clock": "real"` read it.
let wallClock = RealTime.fixed(1_747_000_000_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))

    let checked: Scenario
    do {
        checked = try ScenarioLoader.load(bytes: bytes, name: "fuzz.json", generate: false)
    } catch {
        precondition(!error.issues.isEmpty, "a refused scenario names no problem")
        return 0
    }
    guard checked.generateSpecs.reduce(0, { $0 + $1.documentCount }) <= maxGeneratedDocuments else { return 0 }
    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(bytes: bytes, name: "fuzz.json")
    } catch {
        preconditionFailure("validates without generating but not with: \(error)")
    }

    let exported = export(scenario)
    let reloaded: Scenario
    do {
        reloaded = try ScenarioLoader.load(json: exported, name: "export.json")
    } catch {
        preconditionFailure("the export of a loaded scenario does not load: \(error)\n\(JSONWriter.string(exported))")
    }
    precondition(export(reloaded) == exported, "export → load → export changed the scenario")
    return 0
}

/// The scenario as the control API's export writes it: built into a tenant, then written back.
func export(_ scenario: Scenario) -> JSONValue {
    let tenant = Tenant(id: scenario.name, template: WorldTemplate(seed: scenario.world, realTime: wallClock))
    return tenant.read { state in
        ScenarioExporter.export(state: state, seed: tenant.seed, credentials: scenario.world.credentials,
                                name: scenario.name, description: scenario.description, strictGSTIN: scenario.strictGSTIN)
    }
}
