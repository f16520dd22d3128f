/// A fast 64-bit fingerprint of bytes (multiply-rotate over 8-byte words, then the SplitMix64
/// finalizer). Not cryptographic: it tells a changed document from an unchanged one inside a GSTR-2B
/// checksum, where SHA-256 per document made building a 1,000,000-document world take seconds.
/// Deterministic across runs and machines (little-endian words, no per-process seed), so checksums
/// stay the same across restarts and exports.
enum Fingerprint64 {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            h = mix(h, word)
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            h = mix(h, tail)
        }
        // SplitMix64's finalizer: every input bit reaches every output bit.
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let k = word &* 0x87C3_7B91_1142_53D5
        return ((h ^ ((k << 31) | (k >> 33))) &* 0x4CF5_AD43_2745_937F) &+ 0x52DC_E729
    }
}
