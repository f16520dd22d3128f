// Byte classes of RFC 9110 / 9112 as 256-bit masks in four UInt64 constants, so a class
// test is a shift and an AND with no table in memory (a global array would add a lazy-init
// check on every access from another file).

enum ASCII {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let sp: UInt8 = 0x20
    static let htab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let comma: UInt8 = 0x2C
}

@inline(__always)
private func inMask(_ byte: UInt8, _ m0: UInt64, _ m1: UInt64, _ m2: UInt64, _ m3: UInt64) -> Bool {
    let word: UInt64
    switch byte >> 6 {
    case 0: word = m0
    case 1: word = m1
    case 2: word = m2
    default: word = m3
    }
    return (word >> UInt64(byte & 63)) & 1 == 1
}

/// tchar (RFC 9110 §5.6.2): "!#$%&'*+-.^_`|~", DIGIT, ALPHA. Methods and field names.
@inline(__always)
func isTokenByte(_ byte: UInt8) -> Bool {
    // 0x00-0x3F: ! # $ % & ' * + - . 0-9
    // 0x40-0x7F: A-Z ^ _ ` a-z | ~
    inMask(byte, 0x03FF_6CFA_0000_0000, 0x57FF_FFFF_C7FF_FFFE, 0, 0)
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
