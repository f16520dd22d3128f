/// A streaming JSON writer that appends straight into a `[UInt8]` — no tree, no intermediate Strings.
/// For hot routes: render a response body in one pass.
///
/// The builder inserts commas and colons itself; the caller emits keys **in sorted order** (the
/// project's rule for every response; `JSONWriter` does the sorting for trees). Output is compact.
///
/// ```swift
/// var b = JSONBuilder()
/// b.beginObject()
/// b.key("code"); b.int(200)
/// b.key("message"); b.string("Unauthorized")
/// b.endObject()
/// ```
public struct JSONBuilder: Sendable {
    public var bytes: [UInt8]
    @usableFromInline var needsComma = false

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Continues an existing buffer (e.g. after pre-rendered bytes), as if at the start of a value.
    public init(appendingTo bytes: [UInt8]) {
        self.bytes = bytes
    }

    @inlinable @inline(__always) mutating func separator() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    // MARK: Structure

    public mutating func beginObject() { separator(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray() { separator(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// An object key; its text is escaped. The next call writes the value.
    public mutating func key(_ k: String) {
        separator()
        JSONBuilder.appendQuoted(k, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// An object key from a literal. Literal keys are the vendors' ASCII field names and are written
    /// without escaping (they must not contain `"`, `\` or control characters).
    @inlinable
    public mutating func key(_ k: StaticString) {
        separator()
        appendQuotedLiteral(k)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Scalars

    public mutating func string(_ s: String) {
        separator()
        JSONBuilder.appendQuoted(s, to: &bytes)
        needsComma = true
    }

    /// A string from a literal, written without escaping (see `key(_: StaticString)`).
    @inlinable
    public mutating func string(_ s: StaticString) {
        separator()
        appendQuotedLiteral(s)
        needsComma = true
    }

    /// A literal between quotes, unescaped (see `key(_: StaticString)`).
    @inlinable
    mutating func appendQuotedLiteral(_ s: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func int<I: BinaryInteger>(_ v: I) {
        separator()
        JSONBuilder.appendDecimal(v, to: &bytes)
        needsComma = true
    }

    /// A number given in hundredths, written as the vendors write amounts: `1888`, `397.44`, `258.6`
    /// (no trailing zeros). Any `Int64` is written exactly (no overflow on `Int64.min`).
    public mutating func hundredths(_ value: Int64) {
        separator()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let p = value.magnitude
        JSONBuilder.appendDecimal(p / 100, to: &bytes)
        let frac = UInt8(p % 100)
        if frac != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(48 + frac / 10)
            if frac % 10 != 0 { bytes.append(48 + frac % 10) }
        }
        needsComma = true
    }

    public mutating func number(_ n: JSONNumber) {
        separator()
        bytes.append(contentsOf: n.text.utf8)
        needsComma = true
    }

    public mutating func bool(_ v: Bool) {
        separator()
        if v { append("true") } else { append("false") }
        needsComma = true
    }

    public mutating func null() {
        separator()
        append("null")
        needsComma = true
    }

    /// A whole JSON value already rendered as bytes (a cached fragment); it must be valid compact JSON.
    public mutating func raw<C: Collection>(_ json: C) where C.Element == UInt8 {
        separator()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    /// A value tree, keys sorted (see `JSONWriter`).
    public mutating func value(_ v: JSONValue) {
        separator()
        var w = JSONWriter(bytes: bytes, pretty: false)
        bytes = []  // hand the buffer over without a copy
        w.append(v)
        bytes = w.bytes
        needsComma = true
    }

    // MARK: Convenience members

    public mutating func field(_ k: StaticString, _ v: String) { key(k); string(v) }
    public mutating func field(_ k: StaticString, _ v: StaticString) { key(k); string(v) }
    public mutating func field(_ k: StaticString, _ v: Int) { key(k); int(v) }
    public mutating func field(_ k: StaticString, _ v: Int64) { key(k); int(v) }
    public mutating func field(_ k: StaticString, _ v: Bool) { key(k); bool(v) }

    @inline(__always) mutating func append(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    // MARK: Shared primitives

    /// Appends `s` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`;
    /// everything else (including non-ASCII) as raw UTF-8.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            var runStart = 0
            var j = 0
            while j < u.count {
                let b = u[j]
                if b >= 0x20 && b != 0x22 && b != 0x5C { j += 1; continue }
                if runStart < j { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<j])) }
                out.append(UInt8(ascii: "\\"))
                switch b {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(UInt8(ascii: "u")); out.append(0x30); out.append(0x30)
                    out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
                }
                j += 1
                runStart = j
            }
            if runStart < u.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<u.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the decimal digits of `v` without allocating a String.
    public static func appendDecimal<I: BinaryInteger>(_ v: I, to out: inout [UInt8]) {
        if v == 0 { out.append(0x30); return }
        if let small = Int64(exactly: v) {
            var m = small.magnitude
            if small < 0 { out.append(UInt8(ascii: "-")) }
            var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            // Digits are written right to left into the scratch, then appended in one piece.
            var start = 20
            withUnsafeMutableBytes(of: &tmp) { t in
                while m > 0 { start -= 1; t[start] = UInt8(48 + m % 10); m /= 10 }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: t[start...]))
            }
        } else {
            out.append(contentsOf: String(v).utf8)
        }
    }
}
