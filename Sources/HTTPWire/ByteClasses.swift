// Byte classes of RFC 9110 / 9112 as comparisons and bit masks in constants, so a class test
// needs no table in memory (a global array would add a lazy-init check on every access).

enum ASCII {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let sp: UInt8 = 0x20
    static let htab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let comma: UInt8 = 0x2C
}

/// tchar (RFC 9110 §5.6.2): "!#$%&'*+-.^_`|~", DIGIT, ALPHA. Methods and field names.
/// No tchar is above 0x7F, so two mask words cover it and a select replaces a branch.
@inline(__always)
func isTokenByte(_ byte: UInt8) -> Bool {
    // 0x00-0x3F: ! # $ % & ' * + - . 0-9
    // 0x40-0x7F: A-Z ^ _ ` a-z | ~
    let word: UInt64 = byte < 0x40 ? 0x03FF_6CFA_0000_0000 : 0x57FF_FFFF_C7FF_FFFE
    return byte < 0x80 && (word >> UInt64(byte & 63)) & 1 == 1
}

/// Bytes allowed in a request-target: VCHAR (0x21-0x7E). Spaces end it; controls and
/// non-ASCII are rejected (clients must percent-encode them).
@inline(__always)
func isTargetByte(_ byte: UInt8) -> Bool {
    byte &- 0x21 < 0x5E
}

/// Bytes allowed inside a field value: HTAB, SP, VCHAR, obs-text (RFC 9110 §5.5). Excludes
/// CR, LF, NUL, DEL and the other controls.
@inline(__always)
func isFieldValueByte(_ byte: UInt8) -> Bool {
    byte == ASCII.htab || (byte >= 0x20 && byte != 0x7F)
}

@inline(__always)
func isOWS(_ byte: UInt8) -> Bool {
    byte == ASCII.sp || byte == ASCII.htab
}

@inline(__always)
func isDigit(_ byte: UInt8) -> Bool {
    byte &- 0x30 < 10
}

@inline(__always)
func lowercasedASCII(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
}

/// Whether `bytes` equals the lowercase ASCII `lowercase`, ignoring ASCII case.
@inline(__always)
func equalsLowercase(_ bytes: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool {
    guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
    let expected = lowercase.utf8Start
    for index in 0..<bytes.count where lowercasedASCII(bytes[index]) != expected[index] {
        return false
    }
    return true
}

/// Byte-wise equality of `bytes` with `count` bytes at `other`.
@inline(__always)
func memoryEquals(_ bytes: UnsafeRawBufferPointer, _ other: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    guard bytes.count == count else { return false }
    for index in 0..<count where bytes[index] != other[index] { return false }
    return true
}

// Word-at-a-time skipping for the two long runs of a head, field values and the target.
// Each test below may flag a word that is in fact fine (a carry can spill into the next
// byte), never the reverse; a flagged word is finished byte by byte, so results are exact.
private let ones: UInt64 = 0x0101_0101_0101_0101
private let highBits: UInt64 = 0x8080_8080_8080_8080

/// Non-zero when some byte of `word` is below `bound` (bound ≤ 0x80).
@inline(__always)
private func hasByteBelow(_ word: UInt64, _ bound: UInt64) -> UInt64 {
    (word &- ones &* bound) & ~word & highBits
}

/// Advances `j` over field-value bytes (see `isFieldValueByte`) up to `limit`.
@inline(__always)
func skipFieldValueBytes(_ p: UnsafeRawBufferPointer, _ j: inout Int, _ limit: Int) {
    while j &+ 8 <= limit {
        let word = p.loadUnaligned(fromByteOffset: j, as: UInt64.self)
        let del = word ^ (ones &* 0x7F)
        if hasByteBelow(word, 0x20) | hasByteBelow(del, 1) != 0 { break }
        j &+= 8
    }
    while j < limit, isFieldValueByte(p[j]) { j &+= 1 }
}

/// Advances `j` over request-target bytes (0x21-0x7E) up to `limit`.
@inline(__always)
func skipTargetBytes(_ p: UnsafeRawBufferPointer, _ j: inout Int, _ limit: Int) {
    while j &+ 8 <= limit {
        let word = p.loadUnaligned(fromByteOffset: j, as: UInt64.self)
        let atLeast7F = ((word &+ ones) | word) & highBits
        if hasByteBelow(word, 0x21) | atLeast7F != 0 { break }
        j &+= 8
    }
    while j < limit, isTargetByte(p[j]) { j &+= 1 }
}
