import GSTCore
import HTTPWire
import JSON
import ScenarioKit

/// `/_sandbox/tenants/{id}/export` and `/import`: a tenant's complete state as a scenario file, and
/// back. An import replaces the tenant's world (a later reset returns to the imported state).
enum SnapshotControl {
    static var routes: [Route<ApplicationContext>] { [export, `import`] }

    static let export = Route<ApplicationContext>(.get, "/_sandbox/tenants/{id}/export", operation: "control.tenants.export", api: .control, workload: .slow) { request, parameters, context in
        ControlReply.withTenant(parameters, context) { ControlReply.json(context.world.export($0, whole: request.queryValue("full") == "true")) }
    }

    static let `import` = Route<ApplicationContext>(.post, "/_sandbox/tenants/{id}/import", operation: "control.tenants.import", api: .control, workload: .slow) { request, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            let value: JSONValue
            do { value = try JSONParser.parse(request.body) } catch {
                return ControlReply.badRequest("request body is not valid JSON", details: ["\(error)"])
            }
            switch ControlReply.loadInline(value, label: "request body", context: context) {
            case .failure(let f): return f.response
            case .success(let s): return ScenarioControl.install(s, into: tenant, context: context)
            }
        }
    }
}
