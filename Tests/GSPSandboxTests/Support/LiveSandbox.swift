import GSPSandbox
import GSTCore
import HTTPTestClient
import JSON
import Testing

/// A sandbox on an ephemeral port with a JSON client over one keep-alive connection: the way a
/// CI user's test suite talks to it.
final class LiveSandbox {
    let server: SandboxServer
    let client: HTTPClient

    struct Reply {
        let status: Int
        let json: JSONValue
        let headers: [(name: String, value: String)]
    }

    init(scenarioPaths: [String] = [], configure: (inout SandboxConfiguration) -> Void = { _ in }) throws {
        var configuration = SandboxConfiguration(port: 0, scenarioPaths: scenarioPaths)
        configuration.scenarioDirectories = [RepoPath.scenario("")]  // whatever the working directory
        configure(&configuration)
        server = try SandboxServer(configuration: configuration)
        try server.start()
        client = try HTTPClient.open(port: try #require(server.port))
    }

    deinit {
        server.shutdown()
        _ = server.waitUntilStopped(timeout: .seconds(10))
    }

    /// Sends one request and parses the JSON reply. `Host` is `localhost` unless `headers` name one.
    func call(_ method: String, _ target: String, headers: [String: String] = [:], body: JSONValue? = nil) throws -> Reply {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if headers["Host"] == nil { head += "Host: localhost\r\n" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        var payload: [UInt8] = []
        if let body {
            payload = JSONWriter.write(body)
            head += "Content-Type: application/json\r\n"
        }
        head += "Content-Length: \(payload.count)\r\n\r\n"
        try client.send(Array(head.utf8) + payload)
        let response = try client.readResponse()
        return Reply(status: response.status, json: try JSONParser.parse(response.body), headers: response.headers)
    }
}

/// Repo-relative paths for scenario files, whatever the working directory of `swift test`.
enum RepoPath {
    static func scenario(_ relative: String) -> String {
        // Tests/GSPSandboxTests/Support/LiveSandbox.swift → repo root (this file's path, not the caller's)
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/") + "/Scenarios/" + relative
    }
}
