import GSTCore
import JSON

/// Walks a parsed scenario, turning JSON into model values and recording every problem with its
/// path instead of stopping at the first. Each `read…` returns nil after recording why, so
/// callers simply skip what could not be read and carry on.
struct ScenarioDecoder {
    var issues: [ScenarioIssue] = []
    var warnings: [ScenarioIssue] = []
    /// Whether hand-written GSTINs must pass the check digit.
    var strictGSTIN = true
    /// Whether a document may name a GSTIN the file does not declare (a saved tenant's changed
    /// documents of generated suppliers).
    var allowsUndeclaredParties = false

    mutating func fail(_ path: JSONPath, _ message: String) {
        issues.append(ScenarioIssue(path: path, message: message))
    }

    mutating func warn(_ path: JSONPath, _ message: String) {
        warnings.append(ScenarioIssue(path: path, message: message))
    }

    // MARK: Containers

    /// An object's members with unknown keys reported. `$comment` is allowed everywhere (it is
    /// JSON Schema's own annotation keyword), so story notes can sit next to the data.
    mutating func object(_ value: JSONValue, at path: JSONPath, allowed: [String], required: [String] = []) -> Members? {
        guard case .object(let members) = value else {
            fail(path, "expected an object, found \(value.typeName)")
            return nil
        }
        for key in JSONWriter.sortedKeys(members) where key != "$comment" && !allowed.contains(key) {
            fail(path.key(key), "unknown key \"\(key)\"; expected one of \(allowed.joined(separator: ", "))")
        }
        for key in required where members[key] == nil {
            fail(path, "missing required key \"\(key)\"")
        }
        return Members(path: path, members: members)
    }

    mutating func array(_ value: JSONValue, at path: JSONPath) -> [(JSONValue, JSONPath)]? {
        guard case .array(let elements) = value else {
            fail(path, "expected an array, found \(value.typeName)")
            return nil
        }
        return elements.enumerated().map { ($0.element, path.index($0.offset)) }
    }

    // MARK: Scalars

    mutating func string(_ value: JSONValue, at path: JSONPath, nonEmpty: Bool = true) -> String? {
        guard case .string(let s) = value else {
            fail(path, "expected a string, found \(value.typeName)")
            return nil
        }
        if nonEmpty && s.allSatisfy(\.isWhitespace) {
            fail(path, "must not be empty")
            return nil
        }
        return s
    }

    mutating func bool(_ value: JSONValue, at path: JSONPath) -> Bool? {
        guard case .bool(let b) = value else {
            fail(path, "expected true or false, found \(value.typeName)")
            return nil
        }
        return b
    }

    mutating func int(_ value: JSONValue, at path: JSONPath, in range: ClosedRange<Int>) -> Int? {
        guard case .number(let n) = value else {
            fail(path, "expected an integer, found \(value.typeName)")
            return nil
        }
        guard n.isInteger, let i = n.int else {
            fail(path, "expected an integer, found \(n.text)")
            return nil
        }
        guard range.contains(i) else {
            fail(path, range.upperBound == Int.max ? "must be at least \(range.lowerBound), found \(i)"
                                                 : "must be between \(range.lowerBound) and \(range.upperBound), found \(i)")
            return nil
        }
        return i
    }

    mutating func uint64(_ value: JSONValue, at path: JSONPath) -> UInt64? {
        guard case .number(let n) = value, n.isInteger, let u = UInt64(n.text) else {
            fail(path, "expected a non-negative integer below 2^64, found \(Self.show(value))")
            return nil
        }
        return u
    }

    /// A percentage 0–100 (an integer: weights and shares stay integer so generation is exact).
    mutating func percent(_ value: JSONValue, at path: JSONPath) -> Int? { int(value, at: path, in: 0...100) }

    /// A money amount: a JSON number, not negative, at most two decimals (GSTN's `multipleOf: 0.01`).
    mutating func amount(_ value: JSONValue, at path: JSONPath) -> Amount? {
        guard case .number(let n) = value else {
            fail(path, "expected an amount (a number such as 1500 or 397.44), found \(value.typeName)")
            return nil
        }
        guard let a = Amount(decimalText: n.text) else {
            fail(path, "expected an amount that is not negative and has at most two decimals, found \(n.text)")
            return nil
        }
        guard a <= Amount.gstnMaximum else {
            fail(path, "must not exceed \(Amount.gstnMaximum), found \(n.text)")
            return nil
        }
        return a
    }

    mutating func rate(_ value: JSONValue, at path: JSONPath) -> TaxRate? {
        guard case .number(let n) = value else {
            fail(path, "expected a GST rate (a number such as 18), found \(value.typeName)")
            return nil
        }
        return rate(text: n.text, at: path)
    }

    /// A rate from its text (also used for the keys of a `rates` weights object).
    mutating func rate(text: String, at path: JSONPath) -> TaxRate? {
        guard let a = Amount(decimalText: text), a.paise <= Int64(Int.max),
              case let r = TaxRate(hundredths: Int(a.paise)), TaxRate.standard.contains(r) else {
            fail(path, "\(text) is not in the GST rate list; expected one of \(ScenarioDecoder.rateList)")
            return nil
        }
        return r
    }

    static let rateList = TaxRate.standard.map(\.description).joined(separator: ", ")

    /// A value from a closed set of wire codes, e.g. `R1`, `R1A`, `IFF`.
    mutating func oneOf<T: RawRepresentable & CaseIterable>(_ value: JSONValue, at path: JSONPath, _: T.Type) -> T?
    where T.RawValue == String {
        let names = T.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let s) = value else {
            fail(path, "expected one of \(names), found \(value.typeName)")
            return nil
        }
        guard let t = T(rawValue: s) else {
            fail(path, "expected one of \(names), found \"\(s)\"")
            return nil
        }
        return t
    }

    /// Short rendering of a value for messages: strings quoted, containers by type.
    static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .number(let n): return n.text
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array, .object: return value.typeName
        }
    }
}

/// An object's members together with its path, so fields are read as `m["gstin"]` → (value, path).
struct Members {
    let path: JSONPath
    let members: [String: JSONValue]

    subscript(key: String) -> (JSONValue, JSONPath)? {
        members[key].map { ($0, path.key(key)) }
    }

    func has(_ key: String) -> Bool { members[key] != nil }
}
