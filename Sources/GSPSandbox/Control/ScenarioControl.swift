import GSTCore
import HTTPWire
import JSON
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
        return ControlReply.loadInline(.object(members), label: "request body", context: context)
    }

    /// Why a scenario was not loaded into a tenant (nothing changed).
    enum InstallError: Error {
        case invalidFault(String)
        case refused(TenantRegistryError)

        var description: String {
            switch self {
            case .invalidFault(let text): text
            case .refused(let error): ControlReply.describe(error)
            }
        }
    }

    /// Replaces the world of the tenant `id` by `scenario`'s and installs the scenario's fault rules
    /// (same ids replace the rules an earlier load of it installed); a later reset returns to it.
    /// Used by `PUT …/scenario` and by `serve --watch`. A bad fault rule refuses the whole load.
    static func install(_ scenario: Scenario, intoTenant id: String, context: ApplicationContext) throws(InstallError) -> Tenant {
        let rules: [FaultRule]
        do throws(FaultRuleError) { rules = try FaultBook.rules(of: scenario) } catch {
            throw .invalidFault("\(scenario.name): \(error.description)")
        }
        let fresh: Tenant
        do throws(TenantRegistryError) { fresh = try context.world.registry.replaceTenant(id: id, template: context.world.template(for: scenario)) } catch {
            throw .refused(error)
        }
        context.world.runtimeScenarios.withLock { $0[id] = scenario }
        for rule in rules {
            _ = context.faults.remove(id: rule.id)
            _ = context.faults.add(rule)
        }
        return fresh
    }

    /// `install`, answered: the tenant's summary, or 400 changing nothing.
    static func install(_ scenario: Scenario, into tenant: Tenant, context: ApplicationContext) -> HTTPResponse {
        do throws(InstallError) {
            return ControlReply.json(TenantControl.summary(try install(scenario, intoTenant: tenant.id, context: context), context))
        } catch {
            if case .invalidFault(let text) = error { return ControlReply.badRequest("invalid scenario", details: [text]) }
            return ControlReply.badRequest(error.description)
        }
    }

    static let load = Route<ApplicationContext>(.put, "/_sandbox/tenants/{id}/scenario", operation: "control.tenants.scenario", api: .control, workload: .slow) { request, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            switch scenario(from: request, context: context) {
            case .failure(let f): return f.response
            case .success(let s): return install(s, into: tenant, context: context)
            }
        }
    }
}
