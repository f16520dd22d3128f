import GSTCore
import JSON

/// A JSON-Schema checker for the subset Sandbox's published schemas use: `type` (a name or a list),
/// `properties`, `required`, `items`, `enum`, `anyOf`, `additionalProperties: false`. Annotations
/// (`example`, `description`, `id`, `minimum` on strings, `format`) are ignored. Returns the
/// violations, each with its JSON path; empty = valid.
enum SchemaChecker {
    static func check(_ value: JSONValue, against schema: JSONValue, path: String = "$") -> [String] {
        var problems: [String] = []
        if let t = schema["type"] {
            let allowed = t.arrayValue?.compactMap(\.stringValue) ?? [t.stringValue ?? ""]
            if !allowed.contains(where: { matches(value, type: $0) }) {
                problems.append("\(path): expected \(allowed.joined(separator: "|")), found \(value.typeName)")
                return problems
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            problems.append("\(path): \(value) not in enum")
        }
        if let any = schema["anyOf"]?.arrayValue {
            if !any.contains(where: { check(value, against: $0, path: path).isEmpty }) {
                problems.append("\(path): matches none of anyOf")
            }
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.objectValue ?? [:]
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
                problems.append("\(path).\(name): required")
            }
            for (key, member) in object {
                if let sub = properties[key] {
                    problems += check(member, against: sub, path: "\(path).\(key)")
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path).\(key): not allowed")
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (i, e) in elements.enumerated() { problems += check(e, against: items, path: "\(path)[\(i)]") }
        }
        return problems
    }

    static func matches(_ v: JSONValue, type: String) -> Bool {
        switch (type, v) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
            return true
        case ("integer", .number(let n)):
            return n.isInteger
        default:
            return false
        }
    }
}

/// Compares a response with a documented example: the same keys at every level, the same JSON
/// type for every value; arrays compare each of our elements with the example's first element.
/// `ignoring` names keys whose presence may differ (e.g. optional fields absent in one of them).
enum ShapeComparer {
    static func differences(_ ours: JSONValue, _ documented: JSONValue, path: String = "$", ignoring: Set<String> = []) -> [String] {
        switch (ours, documented) {
        case (.object(let a), .object(let b)):
            var out: [String] = []
            let ak = Set(a.keys).subtracting(ignoring), bk = Set(b.keys).subtracting(ignoring)
            for k in ak.subtracting(bk).sorted() { out.append("\(path).\(k): not in the documented example") }
            for k in bk.subtracting(ak).sorted() { out.append("\(path).\(k): missing") }
            for k in ak.intersection(bk).sorted() { out += differences(a[k]!, b[k]!, path: "\(path).\(k)", ignoring: ignoring) }
            return out
        case (.array(let a), .array(let b)):
            guard let model = b.first else { return [] }
            return a.enumerated().flatMap { differences($0.element, model, path: "\(path)[\($0.offset)]", ignoring: ignoring) }
        default:
            return ours.typeName == documented.typeName ? [] : ["\(path): \(ours.typeName), documented \(documented.typeName)"]
        }
    }
}

extension VendorFixtures {
    static func schema(_ name: String) -> JSONValue { try! JSONParser.parse(schemas[name]!) }
    static func example(_ name: String) -> JSONValue { try! JSONParser.parse(examples[name]!) }
}

extension JSONValue {
    /// Object keys, sorted (empty for non-objects).
    var sortedKeys: [String] { (objectValue ?? [:]).keys.sorted() }
    /// Number or string text.
    var scalarText: String? { numberValue?.text ?? stringValue }
}
