@testable import GSPSandbox
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

    /// The control API is described, not guessed: each control route has its own notes (so a new one
    /// cannot ship with the generic answers), a write says what body it takes, and every answer with
    /// a body has a real schema.
    @Test func everyControlOperationHasItsOwnBodyAndAnswers() throws {
        let doc = OpenAPIDocument.json(routes: SandboxApplication.builtInRoutes, version: "t")
        for route in SandboxApplication.builtInRoutes where route.api == .control {
            let notes = try #require(OpenAPIDocument.notes[route.operation], "\(route.operation) has no notes")
            #expect(notes.answers != nil, "\(route.operation) relies on the default answers")
            if [.post, .put, .patch, .delete].contains(route.method), case .unspecified = notes.body {
                Issue.record("\(route.operation): say its body, or .none")
            }
            let op = try #require(doc["paths"]?[route.pattern.description]?[route.method.rawValue.lowercased()])
            let responses = try #require(op["responses"]?.objectValue)
            for (status, response) in responses {
                let content = try #require(response["content"]?.objectValue, "\(route.operation) \(status)")
                #expect(content.values.allSatisfy { $0["schema"] != [:] && $0["schema"] != nil }, "\(route.operation) \(status) has no schema")
                if status != "200", status != "201" {
                    #expect(content["application/json"]?["schema"] == ["$ref": "#/components/schemas/ControlError"], "\(route.operation) \(status)")
                }
            }
            if route.pattern.parameterNames.contains("id") {
                #expect(responses["404"] != nil, "\(route.operation) can answer 404 for an unknown id")
            }
        }
    }

    /// Every `$ref` names a schema the document has, so validators and fuzzers can resolve it.
    @Test func everyReferenceResolves() throws {
        let doc = OpenAPIDocument.json(routes: SandboxApplication.builtInRoutes, version: "t")
        let schemas = try #require(doc["components"]?["schemas"]?.objectValue)
        var refs: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let fields):
                if let ref = fields["$ref"]?.stringValue { refs.insert(ref) }
                fields.values.forEach(collect)
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(doc)
        #expect(!refs.isEmpty)
        for ref in refs {
            let name = try #require(ref.split(separator: "/").last.map(String.init))
            #expect(ref == "#/components/schemas/\(name)" && schemas[name] != nil, "\(ref)")
        }
    }

    /// Vendor operations answer in their vendor's envelope, with the statuses their gate can give.
    @Test func vendorOperationsDocumentTheirEnvelopes() throws {
        let doc = OpenAPIDocument.json(routes: SandboxApplication.builtInRoutes, version: "t")
        let invoices = try #require(doc["paths"]?["/gst/compliance/tax-payer/invoices"]?["get"]?["responses"])
        #expect(invoices["200"]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/SandboxEnvelope"])
        for status in ["400", "401", "403", "422"] {
            #expect(invoices[status]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/SandboxPlatformError"])
        }
        let getinv = try #require(doc["paths"]?["/basic/gstn/{flynn-version}/taxpayerapi/{gstn-api-version}/returns/ims/GETINV"]?["get"])
        #expect(getinv["responses"]?["502"]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/EASFailure"])
        #expect(getinv["security"] == [["VayanaOrg": [], "VayanaUserToken": []]])
        let login = try #require(doc["paths"]?["/theodore/apis/v1/authtokens"]?["post"])
        #expect(login["responses"]?["401"]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/EASv1Failure"])
        #expect(login["security"] == nil)
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
