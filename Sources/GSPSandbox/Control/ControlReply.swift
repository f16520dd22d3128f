import GSTCore
import HTTPWire
import JSON
import ScenarioKit

/// Shared pieces of the control API: JSON replies, the 400 body, request bodies and tenant lookup.
enum ControlReply {
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        .json(status, JSONWriter.write(value, pretty: true))
    }

    /// `{"error": message, "details": [...]}` — every control error has this shape.
    static func error(_ status: HTTPStatus, _ message: String, details: [String] = []) -> HTTPResponse {
        json(.object(["error": .string(message), "details": .array(details.map { .string($0) })]), status: status)
    }

    static func badRequest(_ message: String, details: [String] = []) -> HTTPResponse {
        error(.badRequest, message, details: details)
    }

    static func noTenant(_ id: String) -> HTTPResponse {
        error(.notFound, "no tenant \"\(id)\" (by tenant id, Sandbox API key or Vayana org id)")
    }

    /// The request body as a JSON object, or the 400 to answer.
    static func object(_ request: HTTPRequest) -> Result<[String: JSONValue], ControlFailure> {
        guard !request.body.isEmpty else { return .failure(ControlFailure("request body must be a JSON object")) }
        let value: JSONValue
        do { value = try JSONParser.parse(request.body) } catch {
            return .failure(ControlFailure("request body is not valid JSON", details: [error.description]))
        }
        guard case .object(let members) = value else { return .failure(ControlFailure("request body must be a JSON object")) }
        return .success(members)
    }

    /// A tenant addressed by tenant id, or by one of its Sandbox API keys or Vayana org ids.
    static func tenant(_ parameters: PathParameters, _ context: ApplicationContext) -> Tenant? {
        guard let id = parameters["id"] else { return nil }
        let registry = context.world.registry
        return registry.tenant(id: id) ?? registry.tenant(forSandboxKey: id) ?? registry.tenant(forVayanaOrganisation: id)
    }

    /// Runs `body` with the addressed tenant, or answers 404.
    static func withTenant(_ parameters: PathParameters, _ context: ApplicationContext,
                           _ body: (Tenant) -> HTTPResponse) -> HTTPResponse {
        guard let tenant = tenant(parameters, context) else { return noTenant(parameters["id"] ?? "") }
        return body(tenant)
    }

    /// A scenario from a control request: `{"path": FILE}` / `{"scenario": NAME-OR-PATH}`: the name of a
    /// scenario the server loaded, else a file the server may read (`ScenarioFiles`). Validation problems
    /// come back as `FILE: $.path: problem` lines; a path outside the allowed directories says only that.
    static func loadScenario(reference: String, context: ApplicationContext) -> Result<Scenario, ControlFailure> {
        if let known = context.world.scenarios.first(where: { $0.name == reference }) { return .success(known) }
        let bytes: [UInt8]
        switch context.scenarioFiles.resolve(reference) {
        case .allowed(let real):
            guard let read = ScenarioFiles.contents(of: real) else { return .failure(ControlFailure("cannot read the scenario file \(reference)")) }
            bytes = read
        case .missing: return .failure(ControlFailure("no scenario file \(reference)"))
        case .refused:
            let directories = context.scenarioFiles.directories
            return .failure(ControlFailure("not an allowed scenario path", details: [
                directories.isEmpty ? "this sandbox reads no scenario files through the control API; serve --scenario-dir DIR allows a directory"
                    : "scenario files are read from \(directories.joined(separator: ", ")) (serve --scenario-dir DIR allows another)",
            ]))
        }
        do {
            return .success(try ScenarioLoader.load(bytes: bytes, name: reference, documentLimit: context.configuration.maxScenarioDocuments,
                                                    builtWorld: context.world.builtWorld(recipe:)))
        } catch {
            return .failure(ControlFailure("invalid scenario \(reference)", details: error.lines))
        }
    }

    /// An inline scenario. The server's document limit (for a whole scenario) refuses one that would
    /// hold more documents before generating any; a saved tenant's recipe the sandbox already built
    /// is not generated again.
    static func loadInline(_ json: JSONValue, label: String, context: ApplicationContext) -> Result<Scenario, ControlFailure> {
        do {
            return .success(try ScenarioLoader.load(json: json, name: label, documentLimit: context.configuration.maxScenarioDocuments,
                                                    builtWorld: context.world.builtWorld(recipe:)))
        } catch {
            return .failure(ControlFailure("invalid scenario", details: error.lines))
        }
    }

    static func describe(_ error: TenantRegistryError) -> String {
        switch error {
        case .duplicateTenantID(let id): return "a tenant \"\(id)\" already exists"
        case .credentialInUse(let key): return "credential \"\(key)\" already belongs to another tenant"
        case .unknownTenant(let id): return "no tenant \"\(id)\""
        }
    }
}

/// A refused control request: the 400's message and detail lines.
struct ControlFailure: Error {
    var message: String
    var details: [String]
    init(_ message: String, details: [String] = []) { self.message = message; self.details = details }
    var response: HTTPResponse { ControlReply.badRequest(message, details: details) }
}
