import GSPSandbox
import GSTCore
import HTTPWire
import JSON
import Testing

/// `GET /_sandbox/openapi.json` lists every route of the router, each once, with its parameters.
struct OpenAPITests {
    @Test func listsEveryRouteOfTheRouter() throws {
        let sandbox = try LiveSandbox()
        let reply = try sandbox.call("GET", "/_sandbox/openapi.json")
        #expect(reply.status == 200)
        let doc = reply.json
        #expect(doc["openapi"] == "3.1.0")
        #expect(doc["info"]?["version"]?.stringValue == SandboxVersion.current)
        let paths = try #require(doc["paths"]?.objectValue)
        let routes = sandbox.server.application.router.routes
        var operationIDs: Set<String> = []
        for route in routes {
            let operation = paths[route.pattern.description]?[route.method.rawValue.lowercased()]
            #expect(operation?["operationId"]?.stringValue == route.operation, "\(route.method) \(route.pattern)")
            #expect(operation?["summary"]?.stringValue?.isEmpty == false)
            let declared = operation?["parameters"]?.arrayValue?.filter { $0["in"] == "path" }.compactMap { $0["name"]?.stringValue } ?? []
            #expect(declared == route.pattern.parameterNames, "\(route.pattern)")
            operationIDs.insert(route.operation)
        }
        let documented = paths.values.reduce(0) { $0 + ($1.objectValue?.count ?? 0) }
        #expect(documented == routes.count)
        #expect(operationIDs.count == routes.count)
        #expect(operationIDs.isSuperset(of: ["control.health", "control.scenario", "control.openapi", "gstr2b.regenerate", "vayana.returns"]))
        #expect(paths["/_sandbox/openapi.json"]?["get"]?["tags"] == ["control"])
        #expect(paths["/basic/gstn/{flynn-version}/taxpayerapi/{gstn-api-version}/returns"]?["get"]?["tags"] == ["vayana-eas"])
    }

    @Test func unknownOperationsAreStillDocumented() {
        let route = Route<Int>(.post, "/_sandbox/tenants/{id}/widgets", operation: "sandbox.widgets.create") { _, _, _ in HTTPResponse() }
        let doc = OpenAPIDocument.json(routes: [route], version: "t")
        let op = doc["paths"]?["/_sandbox/tenants/{id}/widgets"]?["post"]
        #expect(op?["operationId"] == "sandbox.widgets.create")
        #expect(op?["summary"] == "sandbox.widgets.create")
        #expect(op?["parameters"]?[0]?["name"] == "id")
        #expect(op?["requestBody"]?["required"] == false)
    }
}
