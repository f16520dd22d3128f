import GSTCore
import HTTPWire
import JSON
import ScenarioKit
import Synchronization

/// `/_sandbox/tenants`: list, create, reset one or all, delete. A tenant is addressed in the path
/// by its id, or by one of its Sandbox API keys or Vayana org ids.
enum TenantControl {
    static var routes: [Route<ApplicationContext>] {
        [list, show, create, reset, resetAll, delete]
            + ScenarioControl.routes + ClockControl.routes + JobControl.routes + SnapshotControl.routes + LedgerControl.routes
    }

    /// The tenant's id, scenario, logins, clock and counts. Secrets (API secrets, Vayana passwords) only
    /// with `secrets` (`?secrets=true`): a summary is what dashboards and logs show.
    static func summary(_ tenant: Tenant, _ context: ApplicationContext, secrets: Bool = false) -> JSONValue {
        let scenario = context.world.scenario(for: tenant)
        var credentials = ScenarioExporter.credentials(context.world.registry.credentials(of: tenant))
        if !secrets { credentials = withoutSecrets(credentials) }
        return tenant.read { s -> JSONValue in
            var open = 0, done = 0, failed = 0
            for job in s.jobs.values {
                if !job.isCompleted { open += 1 } else if TenantState.isFailure(job.result) { failed += 1 } else { done += 1 }
            }
            return .object([
                "id": .string(tenant.id),
                "scenario": .string(scenario.name),
                "credentials": credentials,
                "clock": ClockControl.clockJSON(s),
                "version": .number(JSONNumber(s.version)),
                "documents": .number(JSONNumber(s.documents.count)),
                "jobs": .object(["open": .number(JSONNumber(open)), "completed": .number(JSONNumber(done)),
                                 "failed": .number(JSONNumber(failed))]),
            ])
        }
    }

    /// The scenario format's credentials block without `api_secret` and `password`.
    static func withoutSecrets(_ credentials: JSONValue) -> JSONValue {
        guard case .object(var vendors) = credentials else { return credentials }
        for (vendor, logins) in vendors {
            guard case .array(let list) = logins else { continue }
            vendors[vendor] = .array(list.map { login in
                guard case .object(var fields) = login else { return login }
                fields["api_secret"] = nil
                fields["password"] = nil
                return .object(fields)
            })
        }
        return .object(vendors)
    }

    /// `?secrets=true` asks for the logins' secrets.
    static func asksForSecrets(_ request: HTTPRequest) -> Bool { request.queryValue("secrets") == "true" }

    static let list = Route<ApplicationContext>(.get, "/_sandbox/tenants", operation: "control.tenants.list", api: .control) { request, _, context in
        let secrets = asksForSecrets(request)
        let tenants = context.world.registry.tenants.map { summary($0, context, secrets: secrets) }
        return ControlReply.json(.object(["tenants": .array(tenants)]))
    }

    static let show = Route<ApplicationContext>(.get, "/_sandbox/tenants/{id}", operation: "control.tenants.get", api: .control) { request, parameters, context in
        ControlReply.withTenant(parameters, context) { ControlReply.json(summary($0, context, secrets: asksForSecrets(request))) }
    }

    /// `{"id": "...", "scenario": "name-or-path"}` or `{"id": "...", "scenario_inline": {...}}`; without
    /// either, the primary scenario.
    static let create = Route<ApplicationContext>(.post, "/_sandbox/tenants", operation: "control.tenants.create", api: .control, workload: .slow) { request, _, context in
        let members: [String: JSONValue]
        switch ControlReply.object(request) {
        case .failure(let f): return f.response
        case .success(let m): members = m
        }
        let unknown = members.keys.filter { !["id", "scenario", "scenario_inline", "credentials"].contains($0) }.sorted()
        guard unknown.isEmpty else {
            return ControlReply.badRequest("unknown key(s) \(unknown.joined(separator: ", ")); expected id, scenario, scenario_inline, credentials")
        }
        guard case .string(let id)? = members["id"], !id.isEmpty, !id.contains("/") else {
            return ControlReply.badRequest("\"id\" must be a non-empty string without \"/\"")
        }
        let loaded: Result<Scenario, ControlFailure>
        // A scenario the server loaded at start is already built: the new tenant forks it.
        var built: WorldTemplate?
        switch (members["scenario"], members["scenario_inline"]) {
        case (.some, .some): return ControlReply.badRequest("give either \"scenario\" or \"scenario_inline\", not both")
        case (.string(let ref)?, nil):
            loaded = ControlReply.loadScenario(reference: ref, context: context)
            built = context.world.templates[ref]
        case (nil, let inline?): loaded = ControlReply.loadInline(inline, label: "scenario_inline", context: context)
        case (nil, nil):
            loaded = .success(context.world.scenarios[0])
            built = context.world.templates[context.world.scenarios[0].name]
        default: return ControlReply.badRequest("\"scenario\" must be a scenario name or file path")
        }
        var scenario: Scenario
        switch loaded {
        case .failure(let f): return f.response
        case .success(let s): scenario = s
        }
        // The scenario's own logins usually belong to the tenant already built from it: `credentials`
        // (the scenario format's block) gives the new tenant its own.
        if let credentials = members["credentials"] {
            switch ControlReply.loadInline(.object(["credentials": credentials]), label: "credentials", context: context) {
            case .failure(let f): return f.response
            case .success(let s): scenario.world.credentials = s.world.credentials
            }
        }
        let template = built?.with(credentials: scenario.world.credentials) ?? context.world.template(for: scenario)
        let tenant: Tenant
        do throws(TenantRegistryError) { tenant = try context.world.registry.createTenant(id: id, template: template) } catch {
            var message = ControlReply.describe(error)
            if case .credentialInUse = error { message += "; give the new tenant its own with \"credentials\": {\"sandbox\": [{\"api_key\", \"api_secret\"}], \"vayana\": [...]}" }
            return ControlReply.badRequest(message)
        }
        context.world.runtimeScenarios.withLock { $0[id] = scenario }
        return ControlReply.json(summary(tenant, context), status: .created)
    }

    static let reset = Route<ApplicationContext>(.post, "/_sandbox/tenants/{id}/reset", operation: "control.tenants.reset", api: .control, workload: .slow) { _, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            tenant.reset()
            restartScenarioFaults(of: [tenant], context: context)
            return ControlReply.json(summary(tenant, context))
        }
    }

    static let resetAll = Route<ApplicationContext>(.post, "/_sandbox/reset", operation: "control.reset", api: .control, workload: .slow) { _, _, context in
        let tenants = context.world.registry.tenants
        for tenant in tenants { tenant.reset() }
        restartScenarioFaults(of: tenants, context: context)
        return ControlReply.json(.object(["reset": .array(tenants.map { .string($0.id) })]))
    }

    /// A reset returns a tenant to its scenario, and the fault rules that scenario declares are part of
    /// it: they start counting (`after`, `times`, seeded draws) from zero again, so every test that
    /// resets first sees the same faults. Rules added at runtime keep their counters.
    static func restartScenarioFaults(of tenants: [Tenant], context: ApplicationContext) {
        var ids: Set<String> = []
        for tenant in tenants {
            let rules = (try? FaultBook.rules(of: context.world.scenario(for: tenant))) ?? []
            ids.formUnion(rules.map(\.id))
        }
        if !ids.isEmpty { context.faults.restart(ids: ids) }
    }

    static let delete = Route<ApplicationContext>(.delete, "/_sandbox/tenants/{id}", operation: "control.tenants.delete", api: .control) { _, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            context.world.registry.deleteTenant(id: tenant.id)
            context.world.runtimeScenarios.withLock { _ = $0.removeValue(forKey: tenant.id) }
            return ControlReply.json(.object(["deleted": .string(tenant.id)]))
        }
    }
}
