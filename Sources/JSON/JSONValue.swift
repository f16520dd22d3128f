/// A JSON document as a tree. Numbers keep their original text (see `JSONNumber`), so amounts such as
/// `397.44` and `0.1` survive a parse → write round trip byte for byte.
///
/// Objects are Swift dictionaries: member order is not kept on parse; `JSONWriter` always writes keys in
/// sorted (UTF-8 byte) order, which is the order the vendors' examples use.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

/// A JSON number, stored as its text (RFC 8259 grammar: `-? int frac? exp?`).
///
/// Equality and hashing compare the text, so `1` and `1.0` are different numbers here — JSON itself does
/// not say they are equal, and keeping the text is what lets amounts stay exact.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number's text exactly as parsed or rendered, e.g. `"2605.44"`, `"-3"`, `"1e-7"`.
    public let text: String

    /// Validates `text` against the JSON number grammar; nil if it is not a JSON number.
    public init?(text: String) {
        guard JSONNumber.isValid(Array(text.utf8)[...]) else { return nil }
        self.text = text
    }

    /// For the parser, and for domain types whose text is a JSON number by construction.
    package init(validatedText: String) { text = validatedText }

    public init(_ value: Int) { text = String(value) }
    public init(_ value: Int64) { text = String(value) }
    public init(_ value: UInt64) { text = String(value) }


    /// The shortest text that round-trips `value`. Non-finite values are not JSON: they trap.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON has no NaN or infinity")
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            text = String(describing: value)
        }
    }

    /// The value as an `Int` when the text is an integer without fraction or exponent (`"12"`, `"-3"`).
    public var int: Int? { Int(text) }

    /// The value as a `Double` (nearest representable).
    public var double: Double? { Double(text) }


    /// True when the text has no fraction and no exponent.
    public var isInteger: Bool { !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } }

    public var description: String { text }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isValid(_ s: ArraySlice<UInt8>) -> Bool {
        var i = s.startIndex
        let end = s.endIndex
        func digit(_ at: Int) -> Bool { at < end && s[at] >= 0x30 && s[at] <= 0x39 }
        if i < end, s[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return false }
        if s[i] == 0x30 { i += 1 } else { while digit(i) { i += 1 } }
        if i < end, s[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        if i < end, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        return i == end
    }
}

// MARK: - Accessors

extension JSONValue {
    /// The member `key` of an object; nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The element at `index` of an array; nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    /// `numberValue?.int`.
    public var intValue: Int? { numberValue?.int }
    /// `numberValue?.double`.
    public var doubleValue: Double? { numberValue?.double }

    /// The JSON type name used in error messages and schema checks:
    /// `null`, `boolean`, `number`, `string`, `array`, `object`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

// MARK: - Literals (convenient in tests and fixtures)

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o: [String: JSONValue] = [:]
        o.reserveCapacity(elements.count)
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text with sorted keys.
    public var description: String { String(decoding: JSONWriter.write(self), as: UTF8.self) }
}
