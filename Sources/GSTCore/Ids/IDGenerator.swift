/// Produces the ids the vendors hand out: `reference_id`s of asynchronous jobs and
/// `transaction_id`s of responses.
///
/// With a seed the sequence is SplitMix64 and fully reproducible (scenario `idSeed`: contract tests
/// can assert on ids); without one every value comes from the system's random source.
public struct IDGenerator: Hashable, Sendable {
    /// SplitMix64 state; nil means "use the system random source".
    private var state: UInt64?

    public init(seed: UInt64?) { state = seed }

    /// `seed` with `name` mixed in (FNV-1a over its UTF-8, then SplitMix64's finalizer): the same for
    /// the same pair on every run and machine, different for different names.
    public static func seed(_ seed: UInt64, mixing name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var z = seed ^ h
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public var isSeeded: Bool { state != nil }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        guard var s = state else {
            var system = SystemRandomNumberGenerator()
            return system.next()
        }
        // SplitMix64 (Steele, Lea, Flood 2014).
        s &+= 0x9E37_79B9_7F4A_7C15
        state = s
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A GSTN-style reference id: 15 lowercase hex characters, e.g. "0032e479bcb644c".
    public mutating func referenceID() -> String {
        Self.hex(next() >> 4, digits: 15)
    }

    /// A lowercase RFC 4122 version-4 UUID, e.g. "91e86ca1-c7eb-4ea4-b168-0932e56a1afc".
    public mutating func transactionID() -> String {
        var hi = next(), lo = next()
        hi = (hi & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000        // version 4
        lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000        // variant 10xx
        let h = Self.hex(hi, digits: 16), l = Self.hex(lo, digits: 16)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }

    /// `byteCount` random bytes as lowercase hex (opaque tokens).
    public mutating func hexToken(byteCount: Int = 24) -> String {
        var out = ""
        out.reserveCapacity(byteCount * 2)
        var remaining = byteCount
        while remaining > 0 {
            let take = min(8, remaining)
            out += Self.hex(next() >> UInt64(64 - take * 8), digits: take * 2)
            remaining -= take
        }
        return out
    }

    static func hex(_ value: UInt64, digits: Int) -> String {
        let alphabet: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 48, count: digits)
        var v = value
        for i in stride(from: digits - 1, through: 0, by: -1) {
            bytes[i] = alphabet[Int(v & 0xF)]
            v >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
