/// A strict RFC 8259 parser from bytes to `JSONValue`.
///
/// Strict means: one top-level value of any type, surrounded only by space, tab, CR or LF; no comments,
/// no trailing commas, no single quotes, no leading zeros, no `NaN`; strings must be valid UTF-8 with
/// control characters escaped, and `\u` escapes must form valid scalars (a lone surrogate is an error).
/// A leading UTF-8 byte-order mark is refused too (RFC 8259 §8.1: "MUST NOT add a byte order mark").
///
/// Duplicate object keys are governed by `Options.duplicateKeys`: `.reject` (the default — a scenario
/// file with the same key twice is almost certainly a mistake, and the error names where) or `.lastWins`
/// (what most HTTP servers do with request bodies).
///
/// Nesting deeper than `Options.maxDepth` (default 512) is refused so hostile input cannot exhaust the stack.
public struct JSONParser {
    public struct Options: Sendable {
        public enum DuplicateKeys: Sendable { case reject, lastWins }
        public var duplicateKeys: DuplicateKeys
        public var maxDepth: Int
        public init(duplicateKeys: DuplicateKeys = .reject, maxDepth: Int = 512) {
            self.duplicateKeys = duplicateKeys
            self.maxDepth = maxDepth
        }
    }

    /// Parses `bytes` as one JSON document.
    public static func parse(_ bytes: [UInt8], options: Options = Options()) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buf in
            var p = Cursor(buf: buf, options: options)
            do throws(JSONParseError) {
                return .success(try p.document())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let v): return v
        case .failure(var e):
            e.locate(in: bytes)
            throw e
        }
    }

    /// Parses the UTF-8 of `text`.
    public static func parse(_ text: String, options: Options = Options()) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), options: options)
    }
}

// MARK: - The cursor

private struct Cursor {
    let buf: UnsafeBufferPointer<UInt8>
    let options: JSONParser.Options
    var i = 0
    var depth = 0
    /// Members of the objects being parsed, innermost last: one buffer reused by every object, so an
    /// object costs one allocation (its dictionary, built at its final size) instead of a growing array
    /// and a rehashing dictionary.
    var members: [(key: String, offset: Int, value: JSONValue)] = []

    init(buf: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
        self.buf = buf
        self.options = options
    }

    mutating func document() throws(JSONParseError) -> JSONValue {
        if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { throw JSONParseError(.byteOrderMark, at: 0) }
        skipWhitespace()
        guard i < buf.count else { throw JSONParseError(.emptyInput, at: i) }
        let v = try value()
        skipWhitespace()
        guard i == buf.count else { throw JSONParseError(.trailingContent, at: i) }
        return v
    }

    @inline(__always) mutating func skipWhitespace() {
        while i < buf.count {
            switch buf[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    mutating func value() throws(JSONParseError) -> JSONValue {
        guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
        switch buf[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), 0x30...0x39: return .number(try number())
        default: throw JSONParseError(.unexpectedByte(buf[i], expected: "a JSON value"), at: i)
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for b in w {
            guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
            guard buf[i] == b else { throw JSONParseError(.unexpectedByte(buf[i], expected: "'\(word)'"), at: i) }
            i += 1
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > options.maxDepth { throw JSONParseError(.depthLimitExceeded(options.maxDepth), at: i) }
    }

    /// Members are collected on the shared `members` stack and the dictionary is built once at its
    /// final size (a 1,000-record IMS body has 17,000 members).
    mutating func object() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1  // {
        skipWhitespace()
        if i < buf.count, buf[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object([:]) }
        let base = members.count
        while true {
            skipWhitespace()
            guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
            guard buf[i] == UInt8(ascii: "\"") else {
                throw JSONParseError(.unexpectedByte(buf[i], expected: "a string key in object"), at: i)
            }
            let keyStart = i
            let key = try string()
            skipWhitespace()
            guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
            guard buf[i] == UInt8(ascii: ":") else {
                throw JSONParseError(.unexpectedByte(buf[i], expected: "':' after object key"), at: i)
            }
            i += 1
            skipWhitespace()
            members.append((key, keyStart, try value()))
            skipWhitespace()
            guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
            switch buf[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"):
                i += 1
                depth -= 1
                var object: [String: JSONValue] = Dictionary(minimumCapacity: members.count - base)
                for m in members[base...] where object.updateValue(m.value, forKey: m.key) != nil && options.duplicateKeys == .reject {
                    throw JSONParseError(.duplicateKey(m.key), at: m.offset)
                }
                members.removeSubrange(base...)
                return .object(object)
            default: throw JSONParseError(.unexpectedByte(buf[i], expected: "',' or '}' in object"), at: i)
            }
        }
    }

    mutating func array() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if i < buf.count, buf[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value())
            skipWhitespace()
            guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
            switch buf[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; depth -= 1; return .array(elements)
            default: throw JSONParseError(.unexpectedByte(buf[i], expected: "',' or ']' in array"), at: i)
            }
        }
    }

    mutating func number() throws(JSONParseError) -> JSONNumber {
        let start = i
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if buf[i] == UInt8(ascii: "-") { i += 1 }
        guard i < buf.count, isDigit(buf[i]) else { throw JSONParseError(.invalidNumber, at: i) }
        if buf[i] == 0x30 {
            i += 1
            if i < buf.count, isDigit(buf[i]) { throw JSONParseError(.invalidNumber, at: i) }  // leading zero
        } else {
            while i < buf.count, isDigit(buf[i]) { i += 1 }
        }
        if i < buf.count, buf[i] == UInt8(ascii: ".") {
            i += 1
            guard i < buf.count, isDigit(buf[i]) else { throw JSONParseError(.invalidNumber, at: i) }
            while i < buf.count, isDigit(buf[i]) { i += 1 }
        }
        if i < buf.count, buf[i] == UInt8(ascii: "e") || buf[i] == UInt8(ascii: "E") {
            i += 1
            if i < buf.count, buf[i] == UInt8(ascii: "+") || buf[i] == UInt8(ascii: "-") { i += 1 }
            guard i < buf.count, isDigit(buf[i]) else { throw JSONParseError(.invalidNumber, at: i) }
            while i < buf.count, isDigit(buf[i]) { i += 1 }
        }
        return JSONNumber(validatedText: String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self))
    }

    /// Parses a string starting at the opening quote.
    mutating func string() throws(JSONParseError) -> String {
        i += 1  // "
        let start = i
        // Fast path: no escapes. Check control characters and note non-ASCII bytes as we go.
        var high: UInt8 = 0
        while i < buf.count {
            let b = buf[i]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: buf[start..<i])
                let s: String
                if high < 0x80 {
                    s = String(decoding: slice, as: UTF8.self)
                } else {
                    s = try decodeUTF8(start, i)
                }
                i += 1
                return s
            }
            high |= b
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw JSONParseError(.controlCharacterInString, at: i) }
            i += 1
        }
        guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
        // Slow path: copy what we have, then unescape.
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: buf[start..<i]))
        let rawStart = start
        while i < buf.count {
            let b = buf[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw JSONParseError(.invalidUTF8, at: firstInvalidUTF8(from: rawStart))
                }
                return s
            case UInt8(ascii: "\\"):
                let escapeAt = i
                i += 1
                guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
                let e = buf[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape(escapeAt)
                    appendUTF8(scalar, to: &out)
                default: throw JSONParseError(.invalidEscape, at: escapeAt)
                }
            default:
                if b < 0x20 { throw JSONParseError(.controlCharacterInString, at: i) }
                out.append(b)
                i += 1
            }
        }
        throw JSONParseError(.unexpectedEnd, at: i)
    }

    /// After `\u` (cursor on the first hex digit); handles surrogate pairs.
    mutating func unicodeEscape(_ escapeAt: Int) throws(JSONParseError) -> Unicode.Scalar {
        let hi = try hex4()
        if hi >= 0xD800 && hi <= 0xDBFF {
            guard i + 1 < buf.count, buf[i] == UInt8(ascii: "\\"), buf[i + 1] == UInt8(ascii: "u") else {
                throw JSONParseError(.loneSurrogate, at: escapeAt)
            }
            i += 2
            let lo = try hex4()
            guard lo >= 0xDC00 && lo <= 0xDFFF else { throw JSONParseError(.loneSurrogate, at: escapeAt) }
            let v = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            return Unicode.Scalar(v)!
        }
        if hi >= 0xDC00 && hi <= 0xDFFF { throw JSONParseError(.loneSurrogate, at: escapeAt) }
        return Unicode.Scalar(hi)!
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < buf.count else { throw JSONParseError(.unexpectedEnd, at: i) }
            let b = buf[i]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: throw JSONParseError(.invalidUnicodeEscape, at: i)
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    func decodeUTF8(_ from: Int, _ to: Int) throws(JSONParseError) -> String {
        let slice = UnsafeBufferPointer(rebasing: buf[from..<to])
        // ASCII needs no validation.
        var ascii = true
        for b in slice where b >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: slice, as: UTF8.self) }
        guard let s = String(validating: slice, as: UTF8.self) else {
            throw JSONParseError(.invalidUTF8, at: firstInvalidUTF8(from: from))
        }
        return s
    }

    /// The offset of the first byte of the first invalid UTF-8 sequence at or after `from` (for errors).
    func firstInvalidUTF8(from: Int) -> Int {
        var j = from
        while j < buf.count, buf[j] != UInt8(ascii: "\"") {
            let b = buf[j]
            let len: Int
            switch b {
            case 0x00...0x7F: len = 1
            case 0xC2...0xDF: len = 2
            case 0xE0...0xEF: len = 3
            case 0xF0...0xF4: len = 4
            default: return j
            }
            if len > 1 {
                guard j + len <= buf.count,
                      String(validating: UnsafeBufferPointer(rebasing: buf[j..<(j + len)]), as: UTF8.self) != nil
                else { return j }
            }
            j += len
        }
        return j
    }
}

@inline(__always)
func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    let v = scalar.value
    switch v {
    case 0..<0x80:
        out.append(UInt8(v))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}
