import Testing
@testable import HTTPWire

/// The word-at-a-time scans must agree with the byte classes for every byte at every offset
/// within a word.
struct ByteClassTests {
    @Test func tokenMaskMatchesRFC9110() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(isTokenByte(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }

    @Test func fieldValueScanAgreesWithByteClass() {
        for byte in UInt8.min...UInt8.max {
            for position in 0..<17 {
                var value = [UInt8](repeating: UInt8(ascii: "v"), count: 19)
                value[position] = byte
                var parser = RequestParser()
                let events = parser.feed(Array("GET / HTTP/1.1\r\nHost: h\r\nX: ") + value + Array("\r\n\r\n"))
                let accepted: Bool = if case .request? = events.first { true } else { false }
                if accepted != isFieldValueByte(byte) {
                    Issue.record("byte \(byte) at \(position): accepted \(accepted)")
                }
            }
        }
    }

    @Test func targetScanAgreesWithByteClass() {
        for byte in UInt8.min...UInt8.max where byte != 0x20 {
            for position in 1..<17 {
                var target = [UInt8](repeating: UInt8(ascii: "t"), count: 19)
                target[0] = UInt8(ascii: "/")
                target[position] = byte
                var parser = RequestParser()
                let events = parser.feed(Array("GET ") + target + Array(" HTTP/1.1\r\nHost: h\r\n\r\n"))
                let accepted: Bool = if case .request? = events.first { true } else { false }
                if accepted != isTargetByte(byte) {
                    Issue.record("byte \(byte) at \(position): accepted \(accepted)")
                }
            }
        }
    }
}
