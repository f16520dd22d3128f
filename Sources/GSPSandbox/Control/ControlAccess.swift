import Glibc

/// Who may use the control API (`/_sandbox/…`). It belongs to the developer on this machine, not to
/// every web page their browser opens: by default a control request is answered only when its `Host`
/// is a loopback name or address (a DNS-rebinding page has its own name in `Host`), it comes from no
/// other origin than the sandbox's own (a page elsewhere is refused, its preflights too), and when it
/// carries a body that body is declared JSON (a form or `text/plain` POST needs no preflight, so it
/// would otherwise reach the handler). `serve` options open each of these deliberately; a control token
/// closes it further. Vendor routes are not affected: frontends call them from any origin and Docker
/// service names reach them.
public struct ControlAccess: Sendable {
    /// Origins (`http://localhost:3000`) whose pages may call the control API; `*` allows every origin
    /// (`serve --allow-origin`).
    public var allowedOrigins: [String] = []
    /// Host names besides loopback ones that control requests may name in `Host`, e.g. a Docker
    /// service name or the machine's LAN name; `*` allows every host (`serve --allow-host`).
    public var allowedHosts: [String] = []
    /// When set, every control request but the public ones must carry it in `X-Sandbox-Control-Token`
    /// (`serve --control-token`, or the environment variable below).
    public var token: String?

    /// The request header that carries the control token. Not `Authorization`: Sandbox's own routes
    /// use that header for their access tokens, and a client that sets it on every request would
    /// otherwise send the wrong token here.
    public static let tokenHeader = "X-Sandbox-Control-Token"
    /// The environment variable `serve`, `gsp-sandbox test` and the recipes read the token from.
    public static let tokenEnvironmentVariable = "GSP_SANDBOX_CONTROL_TOKEN"
    /// Control operations anyone may call from anywhere, as they hold no state: the readiness probe
    /// (what Docker health checks and compose dependencies call by service name) and the OpenAPI
    /// document (what API tools and code generators fetch, like a vendor's published docs).
    public static let publicOperations: Set<String> = ["control.health", "control.openapi"]

    /// The token in `GSP_SANDBOX_CONTROL_TOKEN`, unless unset or empty.
    public static func tokenFromEnvironment() -> String? {
        guard let value = getenv(tokenEnvironmentVariable) else { return nil }
        let token = String(cString: value)
        return token.isEmpty ? nil : token
    }

    public init(allowedOrigins: [String] = [], allowedHosts: [String] = [], token: String? = nil) {
        self.allowedOrigins = allowedOrigins
        self.allowedHosts = allowedHosts
        self.token = token
    }

    /// Whether a page of `origin` may call the control API: configured, or the sandbox's own origin
    /// (a page it serves, such as its dashboard, sends `Origin` on its POSTs). `null` (sandboxed
    /// frames, `file:` pages) is never allowed unless every origin is.
    func allows(origin: String, host: String?) -> Bool {
        if allowedOrigins.contains("*") { return true }
        if allowedOrigins.contains(where: { Self.sameText($0, origin) }) { return true }
        guard let host else { return false }
        return Self.sameText(origin, "http://" + host)
    }

    /// Whether a control request naming `host` (the `Host` header: name or address, optional port) is
    /// meant for this sandbox: a loopback name or address, the address it listens on, or a configured name.
    func allows(host: String, listeningOn listenHost: String) -> Bool {
        if allowedHosts.contains("*") { return true }
        let name = Self.hostName(host)
        if Self.isLoopback(name) { return true }
        if !Self.isWildcard(listenHost) && name == Self.hostName(listenHost) { return true }
        return allowedHosts.contains { Self.hostName($0) == name }
    }

    /// Compares a presented token with the configured one in time that does not depend on where they
    /// first differ.
    static func tokensMatch(_ presented: String, _ expected: String) -> Bool {
        let a = Array(presented.utf8), b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<b.count { difference |= (i < a.count ? a[i] : 0) ^ b[i] }
        return difference == 0
    }

    // MARK: Host names

    /// The host part of a `Host` value, lowercased, without port, IPv6 brackets or a trailing dot:
    /// `[::1]:8080` → `::1`, `LocalHost.:80` → `localhost`.
    static func hostName(_ host: String) -> String {
        var text = Substring(host.lowercased())
        if text.hasPrefix("[") {
            text = text.dropFirst()
            if let close = text.firstIndex(of: "]") { text = text[..<close] }
        } else if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon {
            text = text[..<colon]
        }
        if text.hasSuffix(".") { text = text.dropLast() }
        return String(text)
    }

    /// `localhost`, a name under `.localhost` (RFC 6761: always loopback), 127.0.0.0/8, `::1`.
    static func isLoopback(_ name: String) -> Bool {
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) && Int($0)! <= 255 }
    }

    static func isWildcard(_ listenHost: String) -> Bool {
        ["0.0.0.0", "::", "[::]"].contains(listenHost)
    }

    static func sameText(_ a: String, _ b: String) -> Bool {
        a.lowercased() == b.lowercased()
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
