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
        var target = target
        let (path, query) = target.withUTF8 { HTTPRequest.pathAndQuery(UnsafeRawBufferPointer($0)) }
        self.init(
            method: method, target: target, path: path, query: query, version: version, headers: headers, body: body,
            keepAlive: HTTPRequest.persists(version: version, headers: headers)
        )
    }

    /// Used by the parser, which already has every part from its pass over the bytes.
    init(
        method: HTTPMethod, target: String, path: String, query: String?, version: HTTPVersion,
        headers: HTTPHeaders, body: [UInt8], keepAlive: Bool
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
        self.keepAlive = keepAlive
    }

    /// Splits request-target bytes into path and query Strings. Absolute form drops
    /// "scheme://authority"; a fragment is dropped (RFC 3986 §3.5); an empty path is "/".
    static func pathAndQuery(_ target: UnsafeRawBufferPointer) -> (path: String, query: String?) {
        let count = target.count
        var start = 0
        if count > 0, target[0] != UInt8(ascii: "/"), target[0] != UInt8(ascii: "*") {
            // absolute-form: skip "scheme:" then "//authority" up to the first '/', '?' or '#'.
            var colon = 0
            while colon < count, target[colon] != ASCII.colon { colon += 1 }
            start = min(colon + 1, count)
            if start + 1 < count, target[start] == UInt8(ascii: "/"), target[start + 1] == UInt8(ascii: "/") {
                start += 2
                while start < count, target[start] != UInt8(ascii: "/"), target[start] != UInt8(ascii: "?"),
                      target[start] != UInt8(ascii: "#") { start += 1 }
            }
        }
        var mark = start
        while mark < count, target[mark] != UInt8(ascii: "?"), target[mark] != UInt8(ascii: "#") { mark += 1 }
        let path = mark == start ? "/" : String(decoding: target[start..<mark], as: UTF8.self)
        guard mark < count, target[mark] == UInt8(ascii: "?") else { return (path, nil) }
        var end = mark + 1
        while end < count, target[end] != UInt8(ascii: "#") { end += 1 }
        return (path, String(decoding: target[(mark + 1)..<end], as: UTF8.self))
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
