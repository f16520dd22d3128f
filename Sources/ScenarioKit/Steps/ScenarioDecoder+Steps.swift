import GSTCore
import JSON

/// Validation of a scenario's `steps` (contract tests), with the same `$.path: message` reports as
/// the rest of the file, so a typo in a step stops loading instead of silently passing.
extension ScenarioDecoder {
    static let stepKeys = ["name", "request", "expect", "capture", "advance_clock"]
    static let requestKeys = ["method", "path", "headers", "body", "json"]
    static let expectKeys = ["status", "json"]
    static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    mutating func contractSteps(_ value: JSONValue, at path: JSONPath) -> [ContractStep] {
        guard let elements = array(value, at: path) else { return [] }
        return elements.compactMap { contractStep($0.0, at: $0.1) }
    }

    mutating func contractStep(_ value: JSONValue, at path: JSONPath) -> ContractStep? {
        guard let m = object(value, at: path, allowed: Self.stepKeys) else { return nil }
        let name = m["name"].flatMap { string($0.0, at: $0.1) }
        if let (v, p) = m["advance_clock"] {
            for key in ["request", "expect", "capture"] where m.has(key) {
                fail(path.key(key), "a step is either a request or \"advance_clock\", not both")
            }
            guard let text = string(v, at: p) else { return nil }
            guard let ms = Self.durationMilliseconds(text) else {
                fail(p, "expected a duration such as \"5d\", \"6h\", \"30m\", \"10s\" or \"500ms\", found \"\(text)\"")
                return nil
            }
            return ContractStep(name: name ?? "advance_clock \(text)", action: .advanceClock(milliseconds: ms, text: text))
        }
        guard let (rv, rp) = m["request"] else {
            fail(path, "missing required key \"request\" (or \"advance_clock\")")
            return nil
        }
        let request = contractRequest(rv, at: rp)
        let expect = m["expect"].map { contractExpectation($0.0, at: $0.1) } ?? ContractExpectation()
        let captures = m["capture"].map { contractCaptures($0.0, at: $0.1) } ?? []
        guard let request else { return nil }
        return ContractStep(name: name ?? "\(request.method) \(request.path)",
                            action: .request(request, expect: expect ?? ContractExpectation(), capture: captures))
    }

    mutating func contractRequest(_ value: JSONValue, at path: JSONPath) -> ContractRequest? {
        guard let m = object(value, at: path, allowed: Self.requestKeys, required: ["method", "path"]) else { return nil }
        var method: String?
        if let (v, p) = m["method"], let text = string(v, at: p) {
            if Self.methods.contains(text.uppercased()) { method = text.uppercased() }
            else { fail(p, "expected one of \(Self.methods.joined(separator: ", ")), found \"\(text)\"") }
        }
        var target: String?
        if let (v, p) = m["path"], let text = string(v, at: p) {
            if text.hasPrefix("/") { target = text } else { fail(p, "must start with /, found \"\(text)\"") }
        }
        var headers: [(name: String, value: String)] = []
        if let (v, p) = m["headers"] {
            if case .object(let h) = v {
                for key in JSONWriter.sortedKeys(h) {
                    if let text = string(h[key]!, at: p.key(key), nonEmpty: false) { headers.append((key, text)) }
                }
            } else {
                fail(p, "expected an object of header name → value, found \(v.typeName)")
            }
        }
        var body = ContractRequest.Body.none
        if m.has("body") && m.has("json") { fail(path, "give \"body\" (text) or \"json\", not both") }
        if let (v, p) = m["body"], let text = string(v, at: p, nonEmpty: false) { body = .text(text) }
        if let (v, _) = m["json"] { body = .json(v) }
        guard let method, let target else { return nil }
        return ContractRequest(method: method, path: target, headers: headers, body: body)
    }

    mutating func contractExpectation(_ value: JSONValue, at path: JSONPath) -> ContractExpectation? {
        guard let m = object(value, at: path, allowed: Self.expectKeys) else { return nil }
        var expectation = ContractExpectation()
        if let (v, p) = m["status"] { expectation.status = int(v, at: p, in: 100...599) }
        if let (v, p) = m["json"], case .object(let fields) = v {
            for key in JSONWriter.sortedKeys(fields) {
                let expected = fields[key]!
                let jsonPath = JSONPath(stepPath: key)
                if case .object(let o) = expected, o.count == 1, let flag = o["exists"] {
                    guard case .bool(let exists) = flag else {
                        fail(p.key(key).key("exists"), "expected true or false, found \(flag.typeName)")
                        continue
                    }
                    expectation.fields.append((jsonPath, .exists(exists)))
                } else {
                    expectation.fields.append((jsonPath, .equals(expected)))
                }
            }
        } else if let (v, p) = m["json"] {
            fail(p, "expected an object of JSON path → expected value, found \(v.typeName)")
        }
        return expectation
    }

    mutating func contractCaptures(_ value: JSONValue, at path: JSONPath) -> [ContractCapture] {
        guard case .object(let fields) = value else {
            fail(path, "expected an object of variable → JSON path, found \(value.typeName)")
            return []
        }
        var captures: [ContractCapture] = []
        for key in JSONWriter.sortedKeys(fields) {
            guard Self.isVariableName(key) else {
                fail(path.key(key), "a variable name is letters, digits and _, found \"\(key)\"")
                continue
            }
            if let text = string(fields[key]!, at: path.key(key)) {
                captures.append(ContractCapture(variable: key, path: JSONPath(stepPath: text)))
            }
        }
        return captures
    }

    static func isVariableName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 }
    }

    /// `"5d"`, `"6h"`, `"30m"`, `"10s"`, `"500ms"`, or combinations such as `"1d12h"`.
    static func durationMilliseconds(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number: Int64?
        let chars = Array(text)
        guard !chars.isEmpty else { return nil }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let digit = c.wholeNumberValue, c.isASCII {
                let (n, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                let (sum, o2) = n.addingReportingOverflow(Int64(digit))
                guard !o2 else { return nil }
                number = sum
                i += 1
                continue
            }
            guard let n = number else { return nil }
            let unit: Int64
            if c == "m", i + 1 < chars.count, chars[i + 1] == "s" { unit = 1; i += 1 }
            else if c == "d" { unit = 86_400_000 }
            else if c == "h" { unit = 3_600_000 }
            else if c == "m" { unit = 60_000 }
            else if c == "s" { unit = 1_000 }
            else { return nil }
            let (product, o1) = n.multipliedReportingOverflow(by: unit)
            let (sum, o2) = total.addingReportingOverflow(product)
            guard !o1, !o2 else { return nil }
            total = sum
            number = nil
            i += 1
        }
        return number == nil ? total : nil
    }
}
