import HTTPWire

/// The transport's own answers (parse errors, request timeouts): a small JSON body
/// `{"error":"<reason>"}`. Vendor envelopes are the adapters' business, not the transport's.
enum ErrorResponse {
    static func make(_ status: HTTPStatus, reason: String) -> HTTPResponse {
        var body: [UInt8] = []
        body.reserveCapacity(reason.utf8.count + 14)
        body.append(contentsOf: #"{"error":""#.utf8)
        appendJSONEscaped(reason, to: &body)
        body.append(contentsOf: #""}"#.utf8)
        return .json(status, body)
    }

    /// JSON string escaping (RFC 8259 §7) for the quote, the backslash and control characters.
    static func appendJSONEscaped(_ text: String, to body: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): body.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): body.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: body.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: body.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: body.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                body.append(contentsOf: Array(#"\u00"#.utf8))
                body.append(hex[Int(byte >> 4)])
                body.append(hex[Int(byte & 0x0F)])
            default: body.append(byte)
            }
        }
    }
}
