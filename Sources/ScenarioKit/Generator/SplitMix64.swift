/// The generator's only source of randomness: SplitMix64 (Steele, Lea, Flood 2014).
///
/// Scenario data must be byte-identical for the same seed on every machine and every run, so
/// nothing here touches `SystemRandomNumberGenerator`, `Hasher` or floating point: all draws
/// are integer arithmetic on a 64-bit state. The fault rules' seeded draws use it too.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// An independent stream for one part of a generation run (a supplier, a block), so adding a
    /// supplier or reordering blocks does not reshuffle everyone else's data.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        var outer = SplitMix64(seed: seed ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        var inner = SplitMix64(seed: outer.next() ^ (index &* 0xA076_1D64_78BD_642F))
        state = inner.next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<n` (Lemire's multiply-high; the tiny bias for n ≪ 2⁶⁴ is irrelevant here
    /// and, unlike rejection sampling, the number of draws per call is fixed).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in `range` (inclusive).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in `range` (inclusive) for 64-bit values such as paise.
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int64(bitPattern: next()) }   // the full 64-bit range
        return range.lowerBound + Int64(next().multipliedFullWidth(by: span).high)
    }

    /// True with probability `percent`/100.
    mutating func chance(percent: Int) -> Bool { below(100) < percent }

    mutating func element<T>(of array: [T]) -> T { array[below(array.count)] }
}

/// A weighted choice among values, in the order the scenario listed them (order matters for
/// determinism: a draw maps to the same value on every run).
public struct Weights<Value: Hashable & Sendable>: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var value: Value
        public var weight: Int
        public init(_ value: Value, _ weight: Int) { self.value = value; self.weight = weight }
    }

    public var entries: [Entry]
    public init(_ entries: [Entry]) { self.entries = entries }

    public var total: Int { entries.reduce(0) { $0 + $1.weight } }

    /// Values that can be drawn (weight above zero).
    public var possibleValues: [Value] { entries.filter { $0.weight > 0 }.map(\.value) }

    func pick(_ rng: inout SplitMix64) -> Value {
        var r = rng.below(total)
        for e in entries {
            if r < e.weight { return e.value }
            r -= e.weight
        }
        return entries[entries.count - 1].value
    }

    /// The same choice with some values excluded (e.g. Pending on a record where it is blocked).
    func excluding(_ excluded: Value) -> Weights {
        Weights(entries.filter { $0.value != excluded })
    }
}
