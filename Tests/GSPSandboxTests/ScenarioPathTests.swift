import GSPSandbox
import Glibc
import JSON
import Testing

/// Issue 11's file oracle: the control API loads scenario files only from the directories named at
/// start, follows no `..` or symbolic link out of them, says the same "not an allowed scenario path"
/// whether a file elsewhere exists or not, and never quotes a value the scenario schema does not know.
struct ScenarioPathTests {
    /// A directory with an allowed scenario, one with an unknown key, a link out and a file beside it.
    final class Layout {
        let root: String
        var allowed: String { root + "/allowed" }
        init() throws {
            root = "/tmp/gsp-sandbox-paths-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            #expect(mkdir(root, 0o700) == 0 && mkdir(root + "/allowed", 0o700) == 0)
            let scenario = #"{"clock": {"now": "2025-05-10T10:00:00+05:30"}, "credentials": {"sandbox": [{"api_key": "key_live_paths", "api_secret": "s"}]}}"#
            try write(scenario, to: allowed + "/ok.json")
            try write(#"{"clock": {"now": "2025-05-10T10:00:00+05:30"}, "leak": {"private": "TOPSECRET-VALUE"}}"#, to: allowed + "/unknown-key.json")
            try write(scenario, to: root + "/outside.json")
            #expect(symlink(root + "/outside.json", allowed + "/link-out.json") == 0)
        }
        func write(_ text: String, to path: String) throws {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            try #require(fd >= 0)
            defer { close(fd) }
            #expect(Glibc.write(fd, text, text.utf8.count) == text.utf8.count)
        }
        deinit {
            for file in ["allowed/ok.json", "allowed/unknown-key.json", "allowed/link-out.json", "outside.json"] { unlink(root + "/" + file) }
            rmdir(allowed)
            rmdir(root)
        }
    }

    @Test func onlyFilesInsideTheNamedDirectoriesLoad() throws {
        let layout = try Layout()
        let sandbox = try LiveSandbox { $0.scenarioDirectories = [layout.allowed] }
        let ok = try sandbox.call("PUT", "/_sandbox/tenants/default/scenario", body: ["path": .string(layout.allowed + "/ok.json")])
        #expect(ok.status == 200 && ok.json["scenario"] == "ok")
        let before = try sandbox.call("GET", "/_sandbox/tenants/default/export").json

        var refusals: [JSONValue] = []
        for path in ["/etc/passwd", "/etc/shadow", "/nonexistent/x.json", layout.root + "/outside.json",
                     layout.allowed + "/../outside.json", layout.allowed + "/link-out.json", "", "../../../../etc/hostname"] {
            let reply = try sandbox.call("PUT", "/_sandbox/tenants/default/scenario", body: ["path": .string(path)])
            #expect(reply.status == 400, "\(path)")
            #expect(reply.json["error"] == "not an allowed scenario path", "\(path)")
            refusals.append(reply.json)
            let created = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "probe", "scenario": .string(path)])
            #expect(created.status == 400 && created.json == reply.json, "\(path)")
        }
        // Existing or not, readable or not: the same answer.
        #expect(Set(refusals.map { JSONWriter.write($0) }).count == 1)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/default/export").json == before)

        let missing = try sandbox.call("PUT", "/_sandbox/tenants/default/scenario", body: ["path": .string(layout.allowed + "/typo.json")])
        #expect(missing.status == 400 && missing.json["error"]?.stringValue == "no scenario file \(layout.allowed)/typo.json")
    }

    @Test func validationNeverQuotesTheValueOfAnUnknownKey() throws {
        let layout = try Layout()
        let sandbox = try LiveSandbox { $0.scenarioDirectories = [layout.allowed] }
        let reply = try sandbox.call("PUT", "/_sandbox/tenants/default/scenario", body: ["path": .string(layout.allowed + "/unknown-key.json")])
        #expect(reply.status == 400 && reply.json["error"]?.stringValue == "invalid scenario \(layout.allowed)/unknown-key.json")
        let text = String(decoding: JSONWriter.write(reply.json), as: UTF8.self)
        #expect(text.contains("$.leak") && !text.contains("TOPSECRET") && !text.contains("private"))
    }

    @Test func withoutDirectoriesNoFileLoadsButNamedScenariosDo() throws {
        let sandbox = try LiveSandbox { $0.scenarioDirectories = [] }
        let file = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "f", "scenario": .string(RepoPath.scenario("default.json"))])
        #expect(file.status == 400 && file.json["error"] == "not an allowed scenario path")
        let named = try sandbox.call("POST", "/_sandbox/tenants", body: [
            "id": "named", "scenario": "default", "credentials": ["sandbox": [["api_key": "key_live_named", "api_secret": "s"]]]])
        #expect(named.status == 201)
    }
}
