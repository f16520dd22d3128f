import GSPSandbox
import HTTPTestClient
import HTTPWire
import Testing

/// Slow control work (exports, imports, scenario loads, resets) runs off the workers that serve the
/// vendor routes, and a client that pipelines it without reading holds neither a worker nor memory.
struct SlowControlWorkTests {
    func request(_ method: HTTPMethod, _ target: String) -> HTTPRequest {
        HTTPRequest(method: method, target: target, version: .http1_1, headers: ["Host": "t"], body: [])
    }

    @Test func theSlowControlRoutesAreMarkedSlow_EverythingElseIsQuick() throws {
        let app = try SandboxApplication(configuration: SandboxConfiguration(port: 0))
        let slow: [(HTTPMethod, String)] = [
            (.get, "/_sandbox/tenants/default/export"), (.post, "/_sandbox/tenants/default/import"),
            (.post, "/_sandbox/tenants"), (.put, "/_sandbox/tenants/default/scenario"),
            (.post, "/_sandbox/tenants/default/reset"), (.post, "/_sandbox/reset"),
        ]
        for (method, target) in slow { #expect(app.workload(of: request(method, target)) == .slow, "\(method) \(target)") }
        let quick: [(HTTPMethod, String)] = [
            (.get, "/_sandbox/health"), (.get, "/_sandbox/tenants"), (.get, "/_sandbox/tenants/default"),
            (.post, "/authenticate"), (.get, "/_sandbox/nope"), (.get, "/"), (.options, "*"),
        ]
        for (method, target) in quick { #expect(app.workload(of: request(method, target)) == .quick, "\(method) \(target)") }
    }

    /// The reproduction from issue 11: one connection pipelines exports of the default tenant and never
    /// reads. Health checks on other connections, one of them on the exporter's worker queue, are
    /// still answered within 100 ms, and the exports are not all computed.
    @Test func pipelinedExportsThatAreNeverRead_DoNotDelayAHealthCheck() throws {
        let live = try LiveSandbox()   // stops the server when it goes
        defer { withExtendedLifetime(live) {} }
        let port = try #require(live.server.port)
        let metrics = live.server.application.context.metrics
        let exports = 1000

        let exporter = try HTTPClient.open(port: port)
        try exporter.send(String(repeating: "GET /_sandbox/tenants/default/export HTTP/1.1\r\nHost: localhost\r\n\r\n", count: exports))
        let deadline = ContinuousClock.now + .seconds(20)
        while metrics.requests(operation: "control.tenants.export", status: 200) == 0 {
            try #require(ContinuousClock.now < deadline, "no export was answered")
        }

        // Connections are dealt to the worker queues in turn (about one per core), so among 16
        // consecutive ones at least one shares the exporter's queue.
        let probes = try (0..<16).map { _ in try HTTPClient.open(port: port) }
        for probe in probes {
            let started = ContinuousClock.now
            try probe.send("GET /_sandbox/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try probe.readResponse().status == 200)
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .milliseconds(100), "health answered after \(elapsed)")
        }
        #expect(metrics.requests(operation: "control.tenants.export", status: 200) < UInt64(exports))
    }
}
