import JSON

/// Shapes tokens the way both vendors document theirs: a JWT (`header.payload.signature`, base64url,
/// HS256) whose payload carries `iat`/`exp` in seconds and claims naming the tenant and session, so
/// clients that decode tokens (Sandbox's Java SDK checks `exp` before every call; PyJWT needs three
/// segments) work unchanged. The sandbox itself never trusts a payload: it looks every token up in its
/// tenant's `TokenBook`. The signature, with a key made per process, only makes a hand-edited token
/// plainly not one the sandbox issued.
public struct TokenSigner: Sendable {
    private let key: [UInt8]

    public init(key: [UInt8]) { self.key = key }

    /// A signer with 32 random bytes of key.
    public static func random() -> TokenSigner {
        var system = SystemRandomNumberGenerator()
        return TokenSigner(key: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &system) })
    }

    /// `typ` first, as Sandbox's tokens begin (`"access_token": "eyJ0e…"` in its examples is the
    /// base64url of `{"t`).
    static let header = base64url(Array(#"{"typ":"JWT","alg":"HS256"}"#.utf8))

    /// The signed token of `claims` (written with sorted keys).
    public func token(claims: [String: JSONValue]) -> String {
        let signingInput = Self.header + "." + Self.base64url(JSONWriter.write(.object(claims)))
        return signingInput + "." + Self.base64url(hmacSHA256(Array(signingInput.utf8)))
    }

    /// RFC 2104 HMAC over SHA-256 (the key is shorter than a block, so it is only padded).
    func hmacSHA256(_ message: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// RFC 4648 §5 base64url, without padding (as JWTs are written).
    static func base64url(_ bytes: [UInt8]) -> String {
        let alphabet = Self.alphabet
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)]); out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            if rest == 2 { out.append(alphabet[Int(n >> 6 & 63)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
