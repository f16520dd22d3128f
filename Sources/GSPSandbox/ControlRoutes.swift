import GSTCore
import HTTPWire
import JSON
import ScenarioKit

/// The sandbox's own routes under `/_sandbox/` (the control API grows here). Their operations are named
/// `control.*` and their API is `.control`, so nothing mistakes them for the vendor named Sandbox.
enum ControlRoutes {
    static var all: [Route<ApplicationContext>] {
        [health, scenario, openAPI] + TenantControl.routes + ObserveRoutes.all
    }

    /// Readiness probe: 200 as soon as the listener is up. The body never changes, so it is
    /// rendered once and every request shares it.
    static let health: Route<ApplicationContext> = {
        var body = JSONBuilder(capacity: 64)
        body.beginObject(); body.field("status", "ok"); body.field("version", SandboxVersion.current); body.endObject()
        let response = HTTPResponse.json(.ok, body.bytes)
        return Route(.get, "/_sandbox/health", operation: "control.health", api: .control) { _, _, _ in response }
    }()

    /// Discovery: the clock, the credentials, and per taxpayer its login and what each period allows,
    /// read from the live tenant — so users and tests find their way without reading the file.
    /// `?tenant=ID` or an `x-api-key` header picks a tenant; the primary scenario's otherwise.
    static let scenario = Route<ApplicationContext>(.get, "/_sandbox/scenario", operation: "control.scenario", api: .control) { request, _, context in
        let world = context.world
        let tenant: Tenant?
        if let id = request.queryValue("tenant") {
            tenant = world.registry.tenant(id: id)
        } else if let key = request.headers["x-api-key"] {
            tenant = world.registry.tenant(forSandboxKey: key)
        } else {
            tenant = world.primaryTenant
        }
        guard let tenant else { return ControlReply.error(.notFound, "no such tenant") }
        let summary = tenant.read { ScenarioSummary(scenario: world.scenario(for: tenant), state: $0) }
        var json = summary.json
        if case .object(var fields) = json {
            fields["tenant"] = .string(tenant.id)
            json = .object(fields)
        }
        return .json(.ok, JSONWriter.write(json, pretty: true))
    }
}

extension RouteAPI {
    /// The sandbox's own control API (`/_sandbox/…`): the local developer's, never fault-injected.
    package static let control = RouteAPI("control")
}
