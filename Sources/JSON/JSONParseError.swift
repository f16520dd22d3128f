/// Why and where parsing failed. `offset` is the 0-based byte offset of the offending byte;
/// `line` and `column` are 1-based, columns counted in Unicode scalars.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case emptyInput
        case unexpectedEnd
        /// A byte that cannot start or continue what was expected here; `expected` names what was.
        case unexpectedByte(UInt8, expected: String)
        case invalidNumber
        case invalidEscape
        case invalidUnicodeEscape
        case loneSurrogate
        case controlCharacterInString
        case invalidUTF8
        case byteOrderMark
        case depthLimitExceeded(Int)
        case duplicateKey(String)
        case trailingContent
    }

    public let kind: Kind
    public let offset: Int
    public private(set) var line: Int = 0
    public private(set) var column: Int = 0

    init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    mutating func locate(in bytes: [UInt8]) {
        var line = 1, column = 1
        var i = 0
        let stop = min(offset, bytes.count)
        while i < stop {
            let b = bytes[i]
            if b == 0x0A {
                line += 1; column = 1
            } else if b & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
                column += 1
            }
            i += 1
        }
        self.line = line
        self.column = column
    }

    /// A one-line message, e.g. `line 3, column 7 (byte 42): expected ',' or '}' in object, found ']'`.
    public var message: String {
        switch kind {
        case .emptyInput: return "empty input: expected a JSON value"
        case .unexpectedEnd: return "unexpected end of input"
        case .unexpectedByte(let b, let expected): return "expected \(expected), found \(JSONParseError.show(b))"
        case .invalidNumber: return "invalid number"
        case .invalidEscape: return "invalid escape sequence in string"
        case .invalidUnicodeEscape: return "invalid \\u escape: expected four hex digits"
        case .loneSurrogate: return "\\u escape is a lone UTF-16 surrogate"
        case .controlCharacterInString: return "unescaped control character in string"
        case .invalidUTF8: return "invalid UTF-8 in string"
        case .byteOrderMark: return "byte-order mark before JSON text"
        case .depthLimitExceeded(let n): return "nesting deeper than \(n) levels"
        case .duplicateKey(let k): return "duplicate key \"\(k)\" in object"
        case .trailingContent: return "unexpected content after the JSON value"
        }
    }

    public var description: String { "line \(line), column \(column) (byte \(offset)): \(message)" }

    static func show(_ b: UInt8) -> String {
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        let hex = String(b, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count == 1 ? "0" : "") + hex
    }
}
