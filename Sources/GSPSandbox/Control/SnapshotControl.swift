import GSTCore
import HTTPWire
import JSON
import ScenarioKit

/// `/_sandbox/tenants/{id}/export` and `/import`: a tenant's complete state as a scenario file, and
/// back. An import replaces the tenant's world (a later reset returns to the imported state).
enum SnapshotControl {
    static var routes: [Route<ApplicationContext>] { [export, `import`] }

    static func snapshot(_ tenant: Tenant, _ context: ApplicationContext) -> JSONValue {
        let scenario = context.world.scenario(for: tenant)
        let credentials = context.world.registry.credentials(of: tenant)
        return tenant.read { s in
            ScenarioExporter.export(state: s, seed: tenant.seed, credentials: credentials, name: scenario.name, description: scenario.description,
                                    strictGSTIN: scenario.strictGSTIN)
        }
    }

    static let export = Route<ApplicationContext>(.get, "/_sandbox/tenants/{id}/export", operation: "control.tenants.export", api: .control, workload: .slow) { _, parameters, context in
        ControlReply.withTenant(parameters, context) { ControlReply.json(snapshot($0, context)) }
    }

    static let `import` = Route<ApplicationContext>(.post, "/_sandbox/tenants/{id}/import", operation: "control.tenants.import", api: .control, workload: .slow) { request, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            let value: JSONValue
            do { value = try JSONParser.parse(request.body) } catch {
                return ControlReply.badRequest("request body is not valid JSON", details: ["\(error)"])
            }
            switch ControlReply.loadInline(value, label: "request body", documentLimit: context.configuration.maxScenarioDocuments) {
            case .failure(let f): return f.response
            case .success(let s): return ScenarioControl.install(s, into: tenant, context: context)
            }
        }
    }
}
