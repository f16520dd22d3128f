import JSON
import Testing
@testable import GSTCore

@Suite struct JSONParserTests {
    func parse(_ s: String, _ options: JSONParser.Options = .init()) throws -> JSONValue {
        try JSONParser.parse(s, options: options)
    }

    func failure(_ s: String, _ options: JSONParser.Options = .init()) -> JSONParseError? {
        do { _ = try JSONParser.parse(s, options: options); return nil } catch { return error }
    }

    @Test func scalars() throws {
        #expect(try parse("null") == .null)
        #expect(try parse(" true ") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse("\"x\"") == .string("x"))
        #expect(try parse("0") == .number(JSONNumber(text: "0")!))
        #expect(try parse("-0.5e+10") == .number(JSONNumber(text: "-0.5e+10")!))
    }

    @Test func nested() throws {
        let v = try parse(#"{"a":[1,{"b":null}],"c":{"d":"e"}}"#)
        #expect(v["a"]?[0]?.intValue == 1)
        #expect(v["a"]?[1]?["b"]?.isNull == true)
        #expect(v["c"]?["d"]?.stringValue == "e")
        #expect(v["missing"] == nil)
        #expect(v["a"]?[9] == nil)
    }

    @Test func numbersKeepTheirText() throws {
        let v = try parse(#"[0.1, 2605.44, 1888, 258.60, 1E3, -0]"#)
        let texts = v.arrayValue!.map { $0.numberValue!.text }
        #expect(texts == ["0.1", "2605.44", "1888", "258.60", "1E3", "-0"])
        #expect(v[1]?.amountValue == Amount(paise: 260544))
        #expect(v[3]?.amountValue == Amount(paise: 25860))
        #expect(v[0]?.doubleValue == 0.1)
        #expect(v[2]?.intValue == 1888)
        #expect(v[1]?.intValue == nil)
        #expect(v[4]?.amountValue == nil)  // exponent: not an amount
    }

    @Test func escapesAndUnicode() throws {
        let v = try parse(#""a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u20AC\ud83d\ude00 é€😀""#)
        #expect(v.stringValue == "a\"b\\c/d\u{8}\u{c}\n\r\tAé€😀 é€😀")
        #expect(try parse(#""\u0000""#).stringValue == "\u{0}")
    }

    @Test(arguments: [
        ("", "emptyInput"), ("   ", "emptyInput"),
        ("[1,]", "unexpected"), ("{\"a\":1,}", "unexpected"), ("[1 2]", "unexpected"),
        ("01", "number"), ("1.", "number"), (".5", "unexpected"), ("-", "number"), ("1e", "number"),
        ("+1", "unexpected"), ("NaN", "unexpected"), ("tru", "end"), ("nul", "end"), ("trUe", "unexpected"),
        ("\"abc", "end"), ("\"a\\x\"", "escape"), ("\"\\u12G4\"", "unicodeEscape"),
        ("\"\\ud800\"", "surrogate"), ("\"\\udc00\"", "surrogate"), ("\"\\ud800\\u0041\"", "surrogate"),
        ("\"a\tb\"", "control"), ("{1:2}", "unexpected"), ("{\"a\" 1}", "unexpected"),
        ("[1] x", "trailing"), ("// c\n1", "unexpected"), ("'a'", "unexpected"),
    ])
    func strictErrors(input: String, expected: String) {
        guard let e = failure(input) else { Issue.record("accepted \(input)"); return }
        let kind: String
        switch e.kind {
        case .emptyInput: kind = "emptyInput"
        case .unexpectedEnd: kind = "end"
        case .unexpectedByte: kind = "unexpected"
        case .invalidNumber: kind = "number"
        case .invalidEscape: kind = "escape"
        case .invalidUnicodeEscape: kind = "unicodeEscape"
        case .loneSurrogate: kind = "surrogate"
        case .controlCharacterInString: kind = "control"
        case .trailingContent: kind = "trailing"
        default: kind = "\(e.kind)"
        }
        #expect(kind == expected, "\(input): \(e)")
    }

    @Test func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        do { _ = try JSONParser.parse(bytes) } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.offset == 2)
        }
        // also on the escape path
        do { _ = try JSONParser.parse([0x22, 0x5C, 0x6E, 0xFF, 0x22]) } catch { #expect(error.kind == .invalidUTF8) }
    }

    @Test func byteOrderMarkRefused() {
        #expect(failure("\u{FEFF}1")?.kind == .byteOrderMark)
    }

    @Test func errorPositions() {
        let e = failure("{\n  \"a\": 1,\n  \"b\": ]\n}")!
        #expect(e.offset == 19)
        #expect(e.line == 3)
        #expect(e.column == 8)
        #expect(e.description == "line 3, column 8 (byte 19): expected a JSON value, found ']'")
        // columns count scalars, not bytes
        let u = failure("[\"é€\", x]")!
        #expect(u.line == 1)
        #expect(u.column == 8)
        #expect(u.offset == 10)
    }

    @Test func duplicateKeys() throws {
        let e = failure(#"{"a":1,"b":2,"a":3}"#)!
        #expect(e.kind == .duplicateKey("a"))
        #expect(e.offset == 13)
        let v = try parse(#"{"a":1,"a":3}"#, .init(duplicateKeys: .lastWins))
        #expect(v["a"]?.intValue == 3)
    }

    @Test func nestedObjectsKeepTheirOwnMembers() throws {
        let v = try parse(#"{"a":{"b":1,"c":{"b":2}},"b":3,"d":[{"b":4},{"b":5,"e":{}}]}"#)
        #expect(v == ["a": ["b": 1, "c": ["b": 2]], "b": 3, "d": [["b": 4], ["b": 5, "e": [:]]]])
        let inner = failure(#"{"a":{"b":1,"b":2},"c":3}"#)
        #expect(inner?.kind == .duplicateKey("b"))
        #expect(inner?.offset == 12)
        #expect(failure(#"[{"x":1},{"x":1,"x":1}]"#)?.kind == .duplicateKey("x"))
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(throws: Never.self) { try parse(ok, .init(maxDepth: 10)) }
        let deep = String(repeating: "[", count: 11) + String(repeating: "]", count: 11)
        #expect(failure(deep, .init(maxDepth: 10))?.kind == .depthLimitExceeded(10))
        let hostile = String(repeating: "[", count: 100_000)
        #expect(failure(hostile)?.kind == .depthLimitExceeded(512))
    }

    @Test func numberValidation() {
        #expect(JSONNumber(text: "12.50") != nil)
        #expect(JSONNumber(text: "1.2.3") == nil)
        #expect(JSONNumber(text: "00") == nil)
        #expect(JSONNumber(text: "") == nil)
        #expect(JSONNumber(Amount(paise: 25860)).text == "258.6")
        #expect(JSONNumber(0.1).text == "0.1")
        #expect(JSONNumber(18.0).text == "18")
    }
}
