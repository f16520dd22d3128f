import HTTPWire

/// The sandbox's answers when no route applies. Vendor routes answer in their vendor's envelope;
/// these cover paths no vendor has.
enum SandboxErrors {
    static func notFound(_ request: HTTPRequest) -> HTTPResponse {
        var body: [UInt8] = []
        body.append(contentsOf: #"{"error":"no route for "#.utf8)
        JSONText.appendEscaped(request.method.rawValue + " " + request.path, to: &body)
        body.append(contentsOf: #""}"#.utf8)
        return .json(.notFound, body)
    }

    static func methodNotAllowed(_ request: HTTPRequest, allow: [HTTPMethod]) -> HTTPResponse {
        let allowed = allow.map(\.rawValue).joined(separator: ", ")
        var body: [UInt8] = []
        body.append(contentsOf: #"{"allow":""#.utf8)
        JSONText.appendEscaped(allowed, to: &body)
        body.append(contentsOf: #"","error":"method "#.utf8)
        JSONText.appendEscaped(request.method.rawValue + " not allowed on " + request.path, to: &body)
        body.append(contentsOf: #""}"#.utf8)
        var response = HTTPResponse.json(.methodNotAllowed, body)
        response.headers.add("Allow", allowed)
        return response
    }
}

/// Minimal JSON string escaping for the few bodies this layer writes by hand.
enum JSONText {
    static func appendEscaped(_ text: String, to body: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                body.append(UInt8(ascii: "\\"))
                body.append(byte)
            case 0..<0x20:
                body.append(contentsOf: #"\u00"#.utf8)
                body.append(hex[Int(byte >> 4)])
                body.append(hex[Int(byte & 0x0F)])
            default:
                body.append(byte)
            }
        }
    }
}
