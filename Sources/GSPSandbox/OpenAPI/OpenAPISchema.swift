import JSON

/// Small builders for the JSON Schemas (2020-12, as OpenAPI 3.1 uses them) in the OpenAPI document,
/// so each operation's body and answers read as one line per field rather than nested literals.
enum OpenAPISchema {
    static let string: JSONValue = ["type": "string"]
    static let nonEmptyString: JSONValue = ["type": "string", "minLength": 1]
    static let integer: JSONValue = ["type": "integer"]
    static let count: JSONValue = ["type": "integer", "minimum": 0]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    /// Any JSON value.
    static let anyValue: JSONValue = [:]
    static let anyObject: JSONValue = ["type": "object"]
    static let stringList: JSONValue = array(string)

    /// An object with exactly these `properties`; `required` ones must be present. `closed`: no other
    /// member is allowed (the server refuses or never writes one).
    static func object(_ properties: [String: JSONValue], required: [String] = [], closed: Bool = true,
                       description: String? = nil) -> JSONValue {
        precondition(Set(required).isSubset(of: properties.keys), "required \(required) not among the properties")
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.sorted().map { .string($0) }) }
        if closed { schema["additionalProperties"] = false }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static func array(_ items: JSONValue, description: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "array", "items": items]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static func oneOf(_ schemas: [JSONValue], description: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["oneOf": .array(schemas)]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static func anyOf(_ schemas: [JSONValue]) -> JSONValue { ["anyOf": .array(schemas)] }

    static func oneOfStrings(_ values: [String], description: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "string", "enum": .array(values.map { .string($0) })]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static func integer(in range: ClosedRange<Int64>, description: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "integer", "minimum": .number(JSONNumber(range.lowerBound)),
                                           "maximum": .number(JSONNumber(range.upperBound))]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        fields["description"] = .string(description)
        return .object(fields)
    }

    static func nullable(_ schema: JSONValue) -> JSONValue { anyOf([schema, ["type": "null"]]) }

    /// A schema of `components.schemas`, by name.
    static func ref(_ component: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(component)")] }
}
