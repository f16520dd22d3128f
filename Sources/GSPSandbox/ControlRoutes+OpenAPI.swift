import GSTCore
import HTTPWire
import JSON

extension ControlRoutes {
    /// `GET /_sandbox/openapi.json`: the OpenAPI 3.1 document of every built-in route, generated
    /// from the route table on each call (rare, a few milliseconds), so it always lists what is served.
    static let openAPI = Route<ApplicationContext>(.get, "/_sandbox/openapi.json", operation: "control.openapi", api: .control) { _, _, context in
        .json(.ok, JSONWriter.write(OpenAPIDocument.json(routes: SandboxApplication.builtInRoutes, version: context.version), pretty: true))
    }
}
