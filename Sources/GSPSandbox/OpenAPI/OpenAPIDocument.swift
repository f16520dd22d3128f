import GSTCore
import HTTPWire
import JSON
import VayanaAPI

/// `GET /_sandbox/openapi.json`: an OpenAPI 3.1 document generated from the router's route table,
/// so it cannot drift from what is served. Each route gives a path (its pattern, parameters
/// declared), an operation (`operationId` = the route's operation name), a tag (which API it
/// belongs to), and a summary and query parameters from `OpenAPIDocument.notes` where written;
/// a route without notes (e.g. a control route added later) is still listed, summarised by its
/// operation name.
public enum OpenAPIDocument {
    /// The document for these routes (normally `SandboxApplication.builtInRoutes`).
    public static func json<Context>(routes: [Route<Context>], version: String) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        var seenOperationIDs: Set<String> = []
        for route in routes {
            let path = route.pattern.description
            var item = paths[path]?.objectValue ?? [:]
            var operationID = route.operation
            var n = 2
            while !seenOperationIDs.insert(operationID).inserted { operationID = "\(route.operation).\(n)"; n += 1 }
            item[route.method.rawValue.lowercased()] = operation(route, operationID: operationID)
            paths[path] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "GSP Sandbox",
                "version": .string(version),
                "summary": "A local, stateful emulator of the Sandbox.co.in GST Compliance API and Vayana EAS GSTN routes, with a control API.",
                "description": .string(infoDescription),
                "license": ["name": "See the repository", "identifier": "MIT"],
            ],
            "servers": [["url": "http://127.0.0.1:8080", "description": "gsp-sandbox serve (default port)"]],
            "tags": .array(Tag.allCases.map { ["name": .string($0.rawValue), "description": .string($0.description)] }),
            "paths": .object(paths),
            "components": [
                "schemas": [
                    "Any": ["description": "A vendor JSON document; see the vendor's own documentation for its shape."],
                    "ControlError": [
                        "type": "object", "properties": ["error": ["type": "string"]],
                        "description": "A control-API refusal: what was wrong.",
                    ],
                ],
            ],
        ]
    }

    static let infoDescription = """
        Every route below is served by one `gsp-sandbox` process. Sandbox.co.in routes answer in the \
        `{code, data, timestamp, transaction_id}` envelope, Vayana routes in the EAS envelope \
        `{status, data, error, info, additionalInfo, alert}`; control routes under `/_sandbox/` answer plain JSON. \
        Generated from the router's route table.
        """

    /// Which API a route belongs to.
    enum Tag: String, CaseIterable {
        case control = "control"
        case sandbox = "sandbox.co.in"
        case vayana = "vayana-eas"

        var description: String {
            switch self {
            case .control: "The sandbox's own control API (tenants, scenarios, clock, discovery)."
            case .sandbox: "Sandbox.co.in GST Compliance API (api.sandbox.co.in)."
            case .vayana: "Vayana Network EAS: theodore login and the GSTN taxpayer API passthrough."
            }
        }

        init(_ api: RouteAPI) {
            switch api {
            case .control: self = .control
            case .vayana: self = .vayana
            default: self = .sandbox
            }
        }
    }

    static func operation<Context>(_ route: Route<Context>, operationID: String) -> JSONValue {
        let path = route.pattern.description
        let notes = Self.notes[route.operation]
        var parameters: [JSONValue] = route.pattern.parameterNames.map { name in
            ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"],
             "description": .string(pathParameterDescriptions[name] ?? "path parameter")]
        }
        for query in notes?.query ?? [] {
            var parameter: [String: JSONValue] = ["name": .string(query.name), "in": "query", "required": .bool(query.required),
                                                  "schema": ["type": "string"]]
            if !query.description.isEmpty { parameter["description"] = .string(query.description) }
            parameters.append(.object(parameter))
        }
        for header in notes?.headers ?? [] {
            parameters.append(["name": .string(header), "in": "header", "required": true, "schema": ["type": "string"]])
        }
        let tag = Tag(route.api)
        var op: [String: JSONValue] = [
            "operationId": .string(operationID),
            "summary": .string(notes?.summary ?? route.operation),
            "tags": [.string(tag.rawValue)],
            "responses": responses(tag: tag),
        ]
        if let description = notes?.description { op["description"] = .string(description) }
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        if [HTTPMethod.post, .put, .patch].contains(route.method), notes?.body ?? true {
            op["requestBody"] = [
                "required": .bool(notes?.body == true),
                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Any"]]],
            ]
        }
        return .object(op)
    }

    static func responses(tag: Tag) -> JSONValue {
        let json: JSONValue = ["application/json": ["schema": ["$ref": "#/components/schemas/Any"]]]
        switch tag {
        case .control:
            return [
                "200": ["description": "Done; the body describes the result.", "content": json],
                "400": ["description": "Bad request; state unchanged.",
                        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/ControlError"]]]],
            ]
        case .sandbox:
            return [
                "200": ["description": "Business outcome or business error (`data.status_cd` \"1\" / \"0\").", "content": json],
                "401": ["description": "Missing or foreign credentials.", "content": json],
                "403": ["description": "Bad credentials, invalid or expired token.", "content": json],
                "422": ["description": "Invalid parameter or body.", "content": json],
            ]
        case .vayana:
            return [
                "200": ["description": "Success (`status` \"1\").", "content": json],
                "400": ["description": "Client request error (err-* catalogue).", "content": json],
                "401": ["description": "Bad login.", "content": json],
                "403": ["description": "Invalid user token.", "content": json],
                "502": ["description": "A GSTN error passed through (`err-gstn-returned-error`).", "content": json],
            ]
        }
    }
}
