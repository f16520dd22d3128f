import GSPSandbox
import GSPSandboxTesting
import Glibc
import JSON
import Testing

/// Issue 11's reproductions over real HTTP: clock values and durations that used to trap the process
/// are refused with 400 and change nothing, and whatever clock the server accepts it can save, reload,
/// export and import.
struct ClockLimitTests {
    @Test func absurdClockValuesAreRefusedAndTheServerStaysUp() throws {
        let sandbox = try TestSandbox.start(scenario: .default)
        defer { sandbox.stop() }
        let before = try sandbox.control("GET", "/tenants/default/clock").json?["epoch_ms"]
        for body in [#"{"epoch_ms": 9223372036854775807}"#, #"{"epoch_ms": -9223372036854775808}"#, #"{"now": "10239-01-01T00:00:00+05:30"}"#] {
            #expect(try sandbox.control("PUT", "/tenants/default/clock", json: try JSONParser.parse(Array(body.utf8))).status == 400, "\(body)")
        }
        for by in [#""P106751991167D""#, #""9999999999999999h""#, #""P9999999999999D""#, #""PT9223372036854775807S""#,
                   "9223372036854775807", #""P3000000D""#, #""-P800000D""#] {
            #expect(try sandbox.control("POST", "/tenants/default/clock/advance", json: try JSONParser.parse(Array(#"{"by": \#(by)}"#.utf8))).status == 400, "\(by)")
        }
        #expect(try sandbox.control("GET", "/tenants/default/clock").json?["epoch_ms"] == before)
        #expect(try sandbox.control("POST", "/tenants/default/clock/advance", json: ["by": "P1D"]).status == 200)
    }

    @Test func aScenarioWhoseJobDelayOverflowsIsRefusedByEveryControlRoute() throws {
        let sandbox = try TestSandbox.start(scenario: .default)
        defer { sandbox.stop() }
        let overflowing: JSONValue = ["clock": ["now": "2025-05-10T10:00:00+05:30"], "jobs": ["after_seconds": 9_223_372_036_854_776]]
        let before = try sandbox.control("GET", "/tenants/default/export").json
        for (method, path, body) in [("POST", "/tenants", ["id": "t", "scenario_inline": overflowing] as JSONValue),
                                     ("PUT", "/tenants/default/scenario", overflowing),
                                     ("POST", "/tenants/default/import", overflowing)] {
            let reply = try sandbox.control(method, path, json: body)
            #expect(reply.status == 400, "\(method) \(path)")
            #expect(reply.text.contains("$.jobs.after_seconds"), "\(method) \(path): \(reply.text)")
        }
        #expect(try sandbox.control("GET", "/tenants/default/export").json == before)
        #expect(try sandbox.control("GET", "/tenants").json?["tenants"]?.arrayValue?.count == 1)
    }

    @Test(arguments: ["9998-12-31T23:59:59+05:30", "1900-01-01T00:00:00+05:30"])
    func aClockAtItsLimitSavesReloadsExportsAndImports(now: String) throws {
        let sandbox = try TestSandbox.start(scenario: .default)
        defer { sandbox.stop() }
        #expect(try sandbox.control("PUT", "/tenants/default/clock", json: ["now": .string(now)]).status == 200)
        let clock = try sandbox.control("GET", "/tenants/default/clock").json

        // --state-file: saved at shutdown, loaded into a fresh server at start.
        let path = "/tmp/gsp-sandbox-clock-limit-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
        defer { unlink(path) }
        _ = try StateFile.save(sandbox.application.context.world, to: path)
        let restarted = try TestSandbox.start(scenario: .default)
        defer { restarted.stop() }
        _ = try StateFile.load(from: path, into: restarted.application.context.world)
        #expect(try restarted.control("GET", "/tenants/default/clock").json == clock)

        // Export → import into another tenant (with that tenant's own logins).
        var exported = try #require(try sandbox.control("GET", "/tenants/default/export").json?.objectValue)
        exported["credentials"] = ["sandbox": [["api_key": "key_live_copy", "api_secret": "s"]]]
        let created = try sandbox.control("POST", "/tenants", json: [
            "id": "copy", "credentials": ["sandbox": [["api_key": "key_live_copy", "api_secret": "s"]]]])
        #expect(created.status == 201)
        let imported = try sandbox.control("POST", "/tenants/copy/import", json: .object(exported))
        #expect(imported.status == 200, "\(imported.text)")
        #expect(try sandbox.control("GET", "/tenants/copy/clock").json == clock)
    }
}
