import GSTCore
import JSON

/// A loaded, validated scenario: the world a tenant starts from, plus the blocks other layers read
/// from the same file (`faults`, `steps`), kept verbatim: ScenarioKit knows no HTTP, so the sandbox
/// (GSPSandbox) interprets the fault rules and the contract runner the steps.
public struct Scenario: Sendable {
    /// `name` from the file, or the file's base name when the file gives none.
    public var name: String
    public var description: String?
    /// Everything GSTCore needs to build tenant state (hand-written and generated data merged).
    public var world: WorldSeed
    /// Whether hand-written GSTINs had to pass the check digit (`strict_gstin`, default true).
    public var strictGSTIN: Bool
    /// Top-level blocks that other layers interpret, kept as written: `faults`, `steps`.
    public var reserved: [String: JSONValue]
    /// Problems that do not stop loading (e.g. a GSTIN failing its check digit when
    /// `strict_gstin` is false). Same format as `ScenarioError`'s lines.
    public var warnings: [ScenarioIssue]
    /// The file's `generate` blocks as read. Their output is already in `world` unless the
    /// scenario was loaded with `generate: false` (validation only).
    public var generateSpecs: [GenerateSpec]
    /// How many of `world.documents` the file lists (they come first; generated ones follow).
    public var listedDocumentCount: Int
    /// How many of `world.parties` the file declares, taxpayers then suppliers (generated ones follow).
    public var declaredPartyCount: Int
    /// The file's `changes` block: a saved tenant's layer on top of the world the rest builds.
    public var changes: WorldChanges?
    /// For a file with `changes`: the fingerprint of the world it builds without them
    /// (`ScenarioExporter.recipeFingerprint`), under which that world is built once and shared.
    public var recipeFingerprint: String?

    public init(name: String, description: String? = nil, world: WorldSeed, strictGSTIN: Bool = true,
                reserved: [String: JSONValue] = [:], warnings: [ScenarioIssue] = [], generateSpecs: [GenerateSpec] = []) {
        self.name = name; self.description = description; self.world = world; self.strictGSTIN = strictGSTIN
        self.reserved = reserved; self.warnings = warnings; self.generateSpecs = generateSpecs
        listedDocumentCount = world.documents.count
        declaredPartyCount = world.parties.count
    }

    /// The raw `faults` block (fault and latency rules), if the file has one. GSPSandbox parses and
    /// checks it when it loads the scenario and installs the rules.
    public var faults: JSONValue? { reserved["faults"] }
    /// The raw `steps` block (contract-test steps), if the file has one; validated when the file
    /// loads, parsed by `contractSteps()`.
    public var steps: JSONValue? { reserved["steps"] }

    /// Top-level keys that are accepted and kept verbatim for the layers that interpret them. Any
    /// other unknown key is an error, so adding a feature later never silently changes old files.
    public static let reservedKeys: [String] = ["faults", "steps"]
}

/// One problem in a scenario file, located by JSON path.
public struct ScenarioIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is, e.g. `$.documents.b2b[3].items[0].rate`.
    public var path: JSONPath
    public var message: String

    public init(path: JSONPath, message: String) { self.path = path; self.message = message }

    /// `$.path: message`.
    public var description: String { "\(path): \(message)" }
}

/// Why a scenario could not be loaded: every problem found, not just the first. Prints one line
/// per problem as `FILE: $.path: message`, ready for a terminal or a 400 response body.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The file (or label) the scenario came from.
    public var file: String
    public var issues: [ScenarioIssue]

    public init(file: String, issues: [ScenarioIssue]) { self.file = file; self.issues = issues }

    public var description: String { lines.joined(separator: "\n") }

    /// One `FILE: $.path: message` line per issue.
    public var lines: [String] { issues.map { "\(file): \($0.path): \($0.message)" } }
}

/// A location inside a JSON document, printed in the JSONPath style editors and jq users read:
/// `$`, `$.taxpayers[0].gstin`, `$.generate.sections["b 2 b"]`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// Parses the printed form back, for tests: `"$.documents.b2b[3].number"`.
    public init(stringLiteral value: String) {
        var comps: [Component] = []
        var s = Substring(value.hasPrefix("$") ? String(value.dropFirst()) : value)
        while let c = s.first {
            if c == "." {
                s = s.dropFirst()
                let key = s.prefix { $0 != "." && $0 != "[" }
                comps.append(.key(String(key)))
                s = s.dropFirst(key.count)
            } else if c == "[" {
                let inner = s.dropFirst().prefix { $0 != "]" }
                if let n = Int(inner) { comps.append(.index(n)) }
                else { comps.append(.key(String(inner.dropFirst().dropLast()))) }
                s = s.dropFirst(inner.count + 2)
            } else {
                break
            }
        }
        components = comps
    }

    public static let root = JSONPath()

    public func key(_ k: String) -> JSONPath { JSONPath(components + [.key(k)]) }
    public func index(_ i: Int) -> JSONPath { JSONPath(components + [.index(i)]) }

    public var description: String {
        var out = "$"
        for c in components {
            switch c {
            case .index(let i): out += "[\(i)]"
            case .key(let k):
                let plain = !k.isEmpty && k.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 || $0 == 36 }
                out += plain ? ".\(k)" : "[\"\(k)\"]"
            }
        }
        return out
    }
}
