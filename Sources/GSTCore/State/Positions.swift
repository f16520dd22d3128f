/// Positions of documents in a store, four bytes each rather than eight: a million-document world
/// keeps every position in three lists (by recipient, by recipient and period, by supplier), so
/// this saves 12 MB there. A store never holds 2^32 documents (the loader caps a scenario far below).
struct Positions: RandomAccessCollection, Sendable, Equatable {
    private var stored: [UInt32] = []

    init() {}

    init(_ positions: [Int]) { stored = positions.map { UInt32(truncatingIfNeeded: $0) } }

    var startIndex: Int { 0 }
    var endIndex: Int { stored.count }
    subscript(index: Int) -> Int { Int(stored[index]) }

    mutating func append(_ position: Int) { stored.append(UInt32(truncatingIfNeeded: position)) }
    mutating func insert(_ position: Int, at index: Int) { stored.insert(UInt32(truncatingIfNeeded: position), at: index) }
    mutating func remove(at index: Int) { stored.remove(at: index) }
}
