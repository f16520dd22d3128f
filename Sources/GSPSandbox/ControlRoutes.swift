import HTTPWire

/// The sandbox's own routes under `/_sandbox/` (the control API grows here).
enum ControlRoutes {
    static func all(version: String) -> [Route<SandboxContext>] {
        [health(version: version)]
    }

    /// Readiness probe: 200 as soon as the listener is up. The body never changes, so it is
    /// rendered once and every request shares it.
    static func health(version: String) -> Route<SandboxContext> {
        var body: [UInt8] = []
        body.append(contentsOf: #"{"status":"ok","version":""#.utf8)
        JSONText.appendEscaped(version, to: &body)
        body.append(contentsOf: #""}"#.utf8)
        let response = HTTPResponse.json(.ok, body)
        return Route(.get, "/_sandbox/health", operation: "sandbox.health") { _, _, _ in response }
    }
}
