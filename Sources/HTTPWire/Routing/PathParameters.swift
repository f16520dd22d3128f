/// The values a request path gave to a pattern's `{name}` segments, in pattern order.
/// Values are the raw segment text (not percent-decoded), as the request carried it.
public struct PathParameters: Sendable, Equatable, Sequence {
    public typealias Element = (name: String, value: String)

    private var storage: [(name: String, value: String)]

    public init() { storage = [] }

    public init(_ pairs: [(name: String, value: String)]) { storage = pairs }

    /// The value of `{name}`, or nil when the pattern has no such parameter.
    public subscript(_ name: String) -> String? {
        for pair in storage where pair.name == name { return pair.value }
        return nil
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { storage.makeIterator() }

    mutating func append(name: String, value: String) { storage.append((name, value)) }

    mutating func reserveCapacity(_ n: Int) { storage.reserveCapacity(n) }

    public static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        lhs.storage.elementsEqual(rhs.storage) { $0.name == $1.name && $0.value == $1.value }
    }
}
