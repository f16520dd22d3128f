import HTTPWire

/// The sandbox's own routes under `/_sandbox/` (the control API grows here).
enum ControlRoutes {
    static var all: [Route<SandboxContext>] {
        [health]
    }

    /// Readiness probe: 200 as soon as the listener is up.
    static let health = Route<SandboxContext>(.get, "/_sandbox/health", operation: "sandbox.health") { _, _, context in
        var body: [UInt8] = []
        body.append(contentsOf: #"{"status":"ok","version":""#.utf8)
        JSONText.appendEscaped(context.version, to: &body)
        body.append(contentsOf: #""}"#.utf8)
        return .json(.ok, body)
    }
}
