/// Header fields as an ordered list, exactly as received or as they will be sent.
///
/// A list rather than a dictionary: duplicates and order survive (RFC 9110 §5.3 lets a
/// recipient combine only some fields, and Set-Cookie never). Lookups compare names
/// case-insensitively as ASCII bytes; with at most ~100 fields a linear scan beats hashing.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (name: String, value: String)

    @usableFromInline
    struct Field: Sendable, Equatable {
        @usableFromInline var name: String
        @usableFromInline var value: String
        @usableFromInline init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    @usableFromInline
    var fields: [Field]

    public init() {
        fields = []
    }

    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// Number of fields (duplicates counted).
    public var count: Int { fields.count }

    /// First value of `name`, ASCII case-insensitive; nil if absent.
    public subscript(_ name: String) -> String? {
        // By index: iterating `fields` would copy (retain and release) every field it passes.
        for index in fields.indices where asciiCaseInsensitiveEquals(fields[index].name, name) {
            return fields[index].value
        }
        return nil
    }

    /// All values of `name` in order (not split on commas).
    public func values(_ name: String) -> [String] {
        fields.compactMap { asciiCaseInsensitiveEquals($0.name, name) ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { asciiCaseInsensitiveEquals($0.name, name) }
    }

    /// Makes room for `count` fields in all, so that adding them does not reallocate.
    public mutating func reserveCapacity(_ count: Int) {
        fields.reserveCapacity(count)
    }

    /// Appends a field, keeping existing ones of that name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field of `name` with one field, at the position of the first one
    /// (or at the end when absent).
    public mutating func set(_ name: String, _ value: String) {
        if let first = fields.firstIndex(where: { asciiCaseInsensitiveEquals($0.name, name) }) {
            fields[first] = Field(name: name, value: value)
            var index = fields.index(after: first)
            while index < fields.endIndex {
                if asciiCaseInsensitiveEquals(fields[index].name, name) {
                    fields.remove(at: index)
                } else {
                    index += 1
                }
            }
        } else {
            fields.append(Field(name: name, value: value))
        }
    }

    /// Removes every field of `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { asciiCaseInsensitiveEquals($0.name, name) }
    }

    public struct Iterator: IteratorProtocol {
        var base: IndexingIterator<[Field]>
        public mutating func next() -> Element? {
            guard let field = base.next() else { return nil }
            return (name: field.name, value: field.value)
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(base: fields.makeIterator())
    }

    public var underestimatedCount: Int { fields.count }
}

extension HTTPHeaders: CustomStringConvertible {
    public var description: String {
        "[" + fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "]"
    }
}

/// ASCII case-insensitive comparison of two strings, byte by byte (no Unicode folding:
/// header names are tokens, RFC 9110 §5.1).
@inlinable
func asciiCaseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
    // Most names looked up differ in length: answer those without copying either string.
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    var lhs = lhs
    var rhs = rhs
    return lhs.withUTF8 { l in
        rhs.withUTF8 { r in
            asciiCaseInsensitiveEquals(UnsafeRawBufferPointer(l), UnsafeRawBufferPointer(r))
        }
    }
}

@inlinable
func asciiCaseInsensitiveEquals(_ l: UnsafeRawBufferPointer, _ r: UnsafeRawBufferPointer) -> Bool {
    guard l.count == r.count else { return false }
    for i in 0..<l.count {
        let a = l[i]
        let b = r[i]
        if a != b {
            // Only letters differ by 0x20 between cases.
            let la = a | 0x20
            guard la == b | 0x20, la >= UInt8(ascii: "a"), la <= UInt8(ascii: "z") else { return false }
        }
    }
    return true
}
