import GSTCore
import HTTPWire
import JSON
import VayanaAPI

/// `GET /_sandbox/openapi.json`: an OpenAPI 3.1 document generated from the router's route table,
/// so it cannot drift from what is served. Each route gives a path (its pattern, parameters
/// declared), an operation (`operationId` = the route's operation name), a tag (which API it
/// belongs to), and from `OpenAPIDocument.notes`: summary, query parameters, credentials, request
/// body and every answer with its schema. A route without notes is still listed, summarised by its
/// operation name, with its API's default answers (`OpenAPITests` refuses that for control routes).
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
            "components": ["schemas": .object(componentSchemas), "securitySchemes": .object(securitySchemes)],
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
        let notes = Self.notes[route.operation]
        var parameters: [JSONValue] = route.pattern.parameterNames.map { name in
            let known = pathParameters[name]
            var parameter: [String: JSONValue] = [
                "name": .string(name), "in": "path", "required": true, "schema": known?.schema ?? S.string,
                "description": .string(known?.description ?? "path parameter"),
            ]
            if let example = known?.example { parameter["example"] = .string(example) }
            return .object(parameter)
        }
        for query in notes?.query ?? [] {
            var parameter: [String: JSONValue] = ["name": .string(query.name), "in": "query", "required": .bool(query.required),
                                                  "schema": query.schema]
            if !query.description.isEmpty { parameter["description"] = .string(query.description) }
            parameters.append(.object(parameter))
        }
        for header in notes?.headers ?? [] {
            parameters.append(["name": .string(header), "in": "header", "required": true, "schema": ["type": "string"]])
        }
        let tag = Tag(route.api)
        var answers = notes?.answers ?? defaultAnswers(tag)
        let guarded = tag == .control && !ControlAccess.publicOperations.contains(route.operation)
        if guarded { answers += guardAnswers(changesState: ControlGuardMiddleware.changesState(route.method)) }
        var op: [String: JSONValue] = [
            "operationId": .string(operationID),
            "summary": .string(notes?.summary ?? route.operation),
            "tags": [.string(tag.rawValue)],
            "responses": responses(answers),
        ]
        if let description = notes?.description { op["description"] = .string(description) }
        let security = notes?.security ?? defaultSecurity(tag)
        if !security.isEmpty {
            op["security"] = [.object(Dictionary(uniqueKeysWithValues: security.map { ($0, JSONValue.array([])) }))]
        } else if guarded {
            // The control token is asked for only when the server was started with one.
            op["security"] = [[:], ["ControlToken": []]]
        }
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        switch notes?.body ?? .unspecified {
        case .none: break
        case .json(let schema, let required, let description):
            var body: [String: JSONValue] = ["required": .bool(required), "content": ["application/json": ["schema": schema]]]
            if let description { body["description"] = .string(description) }
            op["requestBody"] = .object(body)
        case .unspecified:
            if [HTTPMethod.post, .put, .patch].contains(route.method) {
                op["requestBody"] = ["required": false, "content": ["application/json": ["schema": S.anyValue]]]
            }
        }
        return .object(op)
    }

    static func responses(_ answers: [Answer]) -> JSONValue {
        var out: [String: JSONValue] = [:]
        for answer in answers {
            precondition(out[String(answer.status)] == nil, "status \(answer.status) documented twice")
            var response: [String: JSONValue] = ["description": .string(answer.description)]
            if let schema = answer.schema { response["content"] = [answer.mediaType: ["schema": schema]] }
            out[String(answer.status)] = .object(response)
        }
        return .object(out)
    }

    static func defaultSecurity(_ tag: Tag) -> [String] {
        switch tag {
        case .sandbox: sandboxAuth
        case .vayana: vayanaAuth
        case .control: []
        }
    }

    /// The answers of an operation without its own: its vendor's envelopes, or for a control route
    /// added without notes, what every control route may answer.
    static func defaultAnswers(_ tag: Tag) -> [Answer] {
        switch tag {
        case .sandbox: sandboxAnswers()
        case .vayana: vayanaAnswers(.v3)
        case .control: [ok(S.anyValue), refused("Bad request."), noTenant]
        }
    }
}
