import GSTCore
import JSON

/// One step of a scenario's contract test (`steps` in a scenario file): a request and what its
/// response must show, or a built-in action on the sandbox itself.
///
/// ```json
/// { "name": "authenticate",
///   "request": { "method": "POST", "path": "/authenticate",
///                "headers": { "x-api-key": "key_live_x", "x-api-secret": "secret" } },
///   "expect": { "status": 200, "json": { "$.data.access_token": { "exists": true }, "code": 200 } },
///   "capture": { "token": "$.data.access_token" } }
/// { "advance_clock": "5d" }
/// ```
///
/// Strings in `path`, header values, `body`, the string leaves of `json` and of expected values may
/// hold `{{name}}`, replaced by a value captured by an earlier step.
public struct ContractStep: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case request(ContractRequest, expect: ContractExpectation, capture: [ContractCapture])
        /// Moves every tenant's virtual clock forward: what a control call would do, run by the
        /// runner directly so contract files need no control API.
        case advanceClock(milliseconds: Int64, text: String)
    }

    /// `name` from the file, else `METHOD path` or `advance_clock 5d`.
    public var name: String
    public var action: Action

    public init(name: String, action: Action) { self.name = name; self.action = action }
}

public struct ContractRequest: Sendable, Equatable {
    public enum Body: Sendable, Equatable {
        case none
        /// Sent as written (after interpolation), with no content type added.
        case text(String)
        /// Written as JSON, `Content-Type: application/json` added unless a header sets one.
        case json(JSONValue)
    }

    public var method: String
    /// The request target: path plus optional `?query`.
    public var path: String
    /// In file order (sorted by name, as JSON objects have no order).
    public var headers: [(name: String, value: String)]
    public var body: Body

    public init(method: String, path: String, headers: [(name: String, value: String)] = [], body: Body = .none) {
        self.method = method; self.path = path; self.headers = headers; self.body = body
    }

    public static func == (a: ContractRequest, b: ContractRequest) -> Bool {
        a.method == b.method && a.path == b.path && a.body == b.body
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }
}

/// What a response must show: a status, and JSON fields located by path.
public struct ContractExpectation: Sendable, Equatable {
    public enum Match: Sendable, Equatable {
        /// The value at the path equals this one (string leaves interpolated first).
        case equals(JSONValue)
        /// `{"exists": true|false}`: the path resolves, or does not.
        case exists(Bool)
    }

    public var status: Int?
    public var fields: [(path: JSONPath, match: Match)]

    public init(status: Int? = nil, fields: [(path: JSONPath, match: Match)] = []) {
        self.status = status; self.fields = fields
    }

    public static func == (a: ContractExpectation, b: ContractExpectation) -> Bool {
        a.status == b.status && a.fields.map(\.path) == b.fields.map(\.path) && a.fields.map(\.match) == b.fields.map(\.match)
    }
}

/// `"variable": "$.json.path"`: after the step passes, the value at the path is kept for later steps.
public struct ContractCapture: Sendable, Equatable {
    public var variable: String
    public var path: JSONPath
    public init(variable: String, path: JSONPath) { self.variable = variable; self.path = path }
}

extension JSONPath {
    /// Reads a path written in a step: `$.data.status_cd`, `data.error.error_cd`, `$.items[0].n`.
    /// Without the leading `$` the path starts at the root.
    public init(stepPath text: String) {
        if text.hasPrefix("$") { self.init(stringLiteral: text) }
        else if text.hasPrefix("[") { self.init(stringLiteral: "$" + text) }
        else { self.init(stringLiteral: "$." + text) }
    }

    /// The value this path points at in `value`, or nil when some component is missing.
    public func resolve(in value: JSONValue) -> JSONValue? {
        var current = value
        for component in components {
            switch component {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let index):
                guard let next = current[index] else { return nil }
                current = next
            }
        }
        return current
    }
}

extension Scenario {
    /// The file's contract steps, parsed; empty when the file has none. The loader has already
    /// validated them, so this only throws for scenarios built in code with a bad `steps` value.
    public func contractSteps() throws(ScenarioError) -> [ContractStep] {
        guard let steps else { return [] }
        var decoder = ScenarioDecoder()
        let parsed = decoder.contractSteps(steps, at: JSONPath.root.key("steps"))
        guard decoder.issues.isEmpty else { throw ScenarioError(file: name, issues: decoder.issues) }
        return parsed
    }
}
