/// Writes a `JSONValue` as bytes. Object keys come out sorted by UTF-8 byte order (the order the vendors'
/// examples use, and the same on every platform); strings are escaped as in `JSONBuilder.appendQuoted`;
/// numbers are written as their stored text. Compact by default; `pretty` indents with two spaces and
/// writes `"key": value`, for humans (admin endpoints, scenario dumps).
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]
    public let pretty: Bool

    public init(bytes: [UInt8] = [], pretty: Bool = false) {
        self.bytes = bytes
        self.pretty = pretty
    }

    /// `value` rendered on its own.
    public static func write(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        w.append(value)
        if pretty { w.bytes.append(0x0A) }
        return w.bytes
    }

    /// `value` as a String (for messages and tests).
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        String(decoding: write(value, pretty: pretty), as: UTF8.self)
    }

    /// Appends `value` to `bytes`.
    public mutating func append(_ value: JSONValue) {
        append(value, indent: 0)
    }

    /// Keys in UTF-8 byte order (= Unicode scalar order), independent of Swift's String ordering.
    public static func sortedKeys<V>(_ object: [String: V]) -> [String] {
        var keys = Array(object.keys)
        keys.sort(by: utf8Precedes)
        return keys
    }

    /// Whether `a` comes before `b` in UTF-8 byte order (a byte loop over contiguous UTF-8; the
    /// generic `utf8.lexicographicallyPrecedes` is several times slower).
    public static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let n = min(pa.count, pb.count)
                var i = 0
                while i < n {
                    let x = pa[i], y = pb[i]
                    if x != y { return x < y }
                    i += 1
                }
                return pa.count < pb.count
            }
        }
    }

    private mutating func append(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): bytes.append(contentsOf: n.text.utf8)
        case .string(let s): JSONBuilder.appendQuoted(s, to: &bytes)
        case .array(let a):
            bytes.append(UInt8(ascii: "["))
            if a.isEmpty { bytes.append(UInt8(ascii: "]")); return }
            for (n, e) in a.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                append(e, indent: indent + 1)
            }
            newline(indent)
            bytes.append(UInt8(ascii: "]"))
        case .object(let o):
            bytes.append(UInt8(ascii: "{"))
            if o.isEmpty { bytes.append(UInt8(ascii: "}")); return }
            for (n, k) in JSONWriter.sortedKeys(o).enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                JSONBuilder.appendQuoted(k, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(0x20) }
                append(o[k]!, indent: indent + 1)
            }
            newline(indent)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always) private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }
}
