import GSTCore
import HTTPWire
import ScenarioKit
import Synchronization

/// `PUT /_sandbox/tenants/{id}/scenario`: loads a scenario into a tenant without a restart. The body
/// is a scenario (inline) or `{"path": FILE}` / `{"scenario": NAME-OR-PATH}`; the tenant keeps its
/// id and logins, and a later reset goes back to this scenario.
enum ScenarioControl {
    static var routes: [Route<ApplicationContext>] { [load] }

    static func scenario(from request: HTTPRequest, context: ApplicationContext) -> Result<Scenario, ControlFailure> {
        let members: [String: JSONValue]
        switch ControlReply.object(request) {
        case .failure(let f): return .failure(f)
        case .success(let m): members = m
        }
        if members.count == 1, case .string(let ref)? = members["path"] ?? members["scenario"] {
            return ControlReply.loadScenario(reference: ref, context: context)
        }
        return ControlReply.loadInline(.object(members), label: "request body")
    }

    /// Replaces `tenant`'s world by `scenario`'s, or answers 400 changing nothing.
    static func install(_ scenario: Scenario, into tenant: Tenant, context: ApplicationContext) -> HTTPResponse {
        // The scenario's fault rules come with it; a bad rule refuses the whole load.
        let rules: [FaultRule]
        do throws(FaultRuleError) { rules = try Observer.scenarioRules(scenario) } catch {
            return ControlReply.badRequest("invalid scenario", details: ["\(scenario.name): \(error.description)"])
        }
        let fresh: Tenant
        do throws(TenantRegistryError) { fresh = try context.world.registry.replaceTenant(id: tenant.id, seed: scenario.world) } catch {
            return ControlReply.badRequest(ControlReply.describe(error))
        }
        context.world.runtimeScenarios.withLock { $0[tenant.id] = scenario }
        for rule in rules {  // same ids replace the rules an earlier load of this scenario installed
            _ = context.observer.faults.remove(id: rule.id)
            _ = context.observer.faults.add(rule)
        }
        return ControlReply.json(TenantControl.summary(fresh, context))
    }

    static let load = Route<ApplicationContext>(.put, "/_sandbox/tenants/{id}/scenario", operation: "sandbox.tenants.scenario") { request, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            switch scenario(from: request, context: context) {
            case .failure(let f): return f.response
            case .success(let s): return install(s, into: tenant, context: context)
            }
        }
    }
}
