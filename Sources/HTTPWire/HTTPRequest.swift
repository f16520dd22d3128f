/// A complete, framed request as the parser hands it over.
public struct HTTPRequest: Sendable, Equatable {
    public var method: HTTPMethod
    /// The request-target exactly as received (origin, absolute or asterisk form).
    public var target: String
    /// Path part of the target, not percent-decoded: for absolute form the URI's path
    /// ("/" when empty), for asterisk form "*".
    public var path: String
    /// Raw text after the first '?', nil when the target has none.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Whether the connection may carry another request after this one (RFC 9112 §9.3):
    /// HTTP/1.1 persists unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool

    /// Builds a request and derives `path`, `query` and `keepAlive` from the target,
    /// version and headers.
    public init(method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders, body: [UInt8]) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        let parts = HTTPRequest.splitTarget(target)
        self.path = String(parts.path)
        self.query = parts.query.map(String.init)
        self.keepAlive = HTTPRequest.persists(version: version, headers: headers)
    }

    /// Used by the parser, which already knows `keepAlive` from its pass over the fields.
    init(method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders, body: [UInt8], keepAlive: Bool) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        let parts = HTTPRequest.splitTarget(target)
        self.path = String(parts.path)
        self.query = parts.query.map(String.init)
        self.keepAlive = keepAlive
    }

    /// Splits a request-target into path and query. Absolute form drops "scheme://authority".
    static func splitTarget(_ target: String) -> (path: Substring, query: Substring?) {
        var rest = Substring(target)
        if let first = rest.utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "*"),
           let schemeEnd = rest.utf8.firstIndex(of: UInt8(ascii: ":"))
        {
            // absolute-form: skip "scheme:" then "//authority" up to the first '/', '?' or '#'.
            rest = rest[rest.utf8.index(after: schemeEnd)...]
            if rest.utf8.starts(with: "//".utf8) {
                rest = rest.dropFirst(2)
                let authorityEnd = rest.utf8.firstIndex {
                    $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
                } ?? rest.endIndex
                rest = rest[authorityEnd...]
            }
        }
        // A fragment is never part of the path or query (RFC 3986 §3.5).
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            rest = rest[..<hash]
        }
        var path = rest
        var query: Substring?
        if let mark = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            path = rest[..<mark]
            query = rest[rest.utf8.index(after: mark)...]
        }
        if path.isEmpty { path = "/" }
        return (path, query)
    }

    static func persists(version: HTTPVersion, headers: HTTPHeaders) -> Bool {
        var close = false
        var keepAlive = false
        for field in headers.fields where asciiCaseInsensitiveEquals(field.name, "connection") {
            for token in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                let trimmed = trimOWS(token)
                if asciiCaseInsensitiveEquals(String(decoding: trimmed, as: UTF8.self), "close") { close = true }
                if asciiCaseInsensitiveEquals(String(decoding: trimmed, as: UTF8.self), "keep-alive") { keepAlive = true }
            }
        }
        switch version {
        case .http1_1: return !close
        case .http1_0: return keepAlive && !close
        }
    }
}

/// Strips leading and trailing SP / HTAB (RFC 9110 OWS).
func trimOWS<C: BidirectionalCollection>(_ bytes: C) -> C.SubSequence where C.Element == UInt8 {
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
    while end > start {
        let before = bytes.index(before: end)
        guard bytes[before] == 0x20 || bytes[before] == 0x09 else { break }
        end = before
    }
    return bytes[start..<end]
}
