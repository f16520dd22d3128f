import GSTCore
import GSTNShapes
import JSON
import ScenarioKit

extension FaultBook {
    /// Installs the `faults` blocks of `scenarios` (ids default to `SCENARIO#N`); invalid rules are
    /// skipped here — `validateScenarioRules` reports them at start-up.
    func installScenarioRules(_ scenarios: [Scenario]) {
        for scenario in scenarios {
            guard let rules = try? Self.rules(of: scenario) else { continue }
            for rule in rules { add(rule) }
        }
    }

    /// The rules a scenario's `faults` block declares, each checked.
    static func rules(of scenario: Scenario) throws(FaultRuleError) -> [FaultRule] {
        guard let block = scenario.faults else { return [] }
        guard let items = block.arrayValue else { throw FaultRuleError(path: "$.faults", message: "must be an array of fault rules") }
        var out: [FaultRule] = []
        for (i, item) in items.enumerated() {
            let rule = try FaultRule.parse(item, path: "$.faults[\(i)]", defaultID: "\(scenario.name)#\(i + 1)")
            try rule.validateCode(path: "$.faults[\(i)]")
            out.append(rule)
        }
        return out
    }

    /// Start-up check of every scenario's `faults` block: the sandbox refuses to start on a bad rule.
    public static func validateScenarioRules(_ scenarios: [Scenario]) throws(ScenarioLoadError) {
        var failures: [ScenarioError] = []
        for scenario in scenarios {
            do { _ = try rules(of: scenario) } catch {
                failures.append(ScenarioError(file: scenario.name, issues: [ScenarioIssue(path: .root, message: error.description)]))
            }
        }
        if !failures.isEmpty { throw ScenarioLoadError(failures) }
    }
}

extension FaultRule {
    /// An `error_code` without `message` must be in GSTN's catalogue (`GSTNError+Catalogue.swift`),
    /// which both vendors render.
    func validateCode(path: String) throws(FaultRuleError) {
        if case .errorCode(let code, nil) = respond, !GSTNError.knownCodes.contains(code) {
            throw FaultRuleError(path: "\(path).respond.error_code",
                                 message: "\(code) is not in the catalogue (\(GSTNError.knownCodes.joined(separator: ", "))); give respond.message for other codes")
        }
    }
}
