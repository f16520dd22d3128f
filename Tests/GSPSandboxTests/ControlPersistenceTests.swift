import Dispatch
import GSPSandbox
import GSTCore
import Glibc
import JSON
import Logging
import Synchronization
import Testing

/// `--state-file` (save all tenants, load them back into a new sandbox), `--watch`'s reload, and the
/// clock's duration syntax.
struct ControlPersistenceTests {
    func temporaryPath(_ name: String) -> String {
        "/tmp/gsp-sandbox-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)"
    }

    func replaceFile(_ path: String, with text: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
        close(fd)
    }

    @Test func stateFileSavesEveryTenantAndLoadsItBack() throws {
        let path = temporaryPath("state.json")
        defer { unlink(path) }
        do {
            let sandbox = try LiveSandbox()
            let (key, headers) = try ControlSession.defaultTenant(sandbox, "state")
            _ = try sandbox.call("POST", "/_sandbox/tenants/\(key)/clock/advance", body: ["by": "3h"])
            _ = try sandbox.call("POST", "/_sandbox/tenants", body: ["id": "extra", "scenario_inline": ControlAPITests.minimal])
            let before = ControlSession.stable(try sandbox.call("GET", "\(ControlSession.base)/gstrs/gstr-2b/2025/03", headers: headers).json)
            #expect(try StateFile.save(sandbox.server.application.context.world, to: path) == 3)
            #expect(access(path + ".tmp.\(getpid())", F_OK) != 0)

            let restarted = try LiveSandbox()
            let restored = try StateFile.load(from: path, into: restarted.server.application.context.world)
            #expect(restored.sorted() == ["default", "extra", key].sorted())
            #expect(try restarted.call("GET", "/_sandbox/tenants/\(key)/clock").json["now"] == "2025-05-10T13:00:00+05:30")
            #expect(try restarted.call("GET", "/_sandbox/tenants/extra").json["documents"] == 0)
            // The key_test_ tenant comes back under its key with its secret, and serves the same 2B.
            let again = try ControlSession.login(restarted, key: key, secret: "secret_test_state", gstin: EndToEndFlowTests.gstin,
                                                 username: "acme.retail", otp: "575757")
            let after = ControlSession.stable(try restarted.call("GET", "\(ControlSession.base)/gstrs/gstr-2b/2025/03", headers: again).json)
            #expect(after == before)
        }
        // No file: nothing to load. A broken file: refused, nothing changes.
        let fresh = try LiveSandbox()
        #expect(try StateFile.load(from: temporaryPath("missing.json"), into: fresh.server.application.context.world).isEmpty)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = "{\"tenants\": [{\"id\": \"x\", \"scenario\": {\"clock\": 5}}]}".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        #expect(throws: StateFileError.self) { try StateFile.load(from: path, into: fresh.server.application.context.world) }
        #expect(fresh.server.application.context.world.registry.tenants.map(\.id) == ["default"])
    }

    @Test func watchReloadKeepsTheOldWorldOnAnInvalidEdit() throws {
        let path = temporaryPath("watched.json")
        defer { unlink(path) }
        func write(_ text: String) { replaceFile(path, with: text) }
        write(#"{"name": "watched", "clock": {"now": "2025-05-10T10:00:00+05:30"}}"#)
        let sandbox = try LiveSandbox(scenarioPaths: [path])
        let context = sandbox.server.application.context

        write(#"{"name": "watched", "clock": {"now": "2025-06-01T00:00:00+05:30"}}"#)
        #expect(ScenarioWatcher.reload(path: path, tenant: "watched", context: context) == .reloaded)
        #expect(try sandbox.call("GET", "/_sandbox/tenants/watched/clock").json["now"] == "2025-06-01T00:00:00+05:30")

        write(#"{"name": "watched", "clock": {"now": "not a date"}}"#)
        let kept = ScenarioWatcher.reload(path: path, tenant: "watched", context: context)
        #expect(kept == .kept("\(path): $.clock.now: expected a date-time such as 2025-05-10T10:00:00+05:30 (or a date 2025-05-10), found \"not a date\""))
        #expect(try sandbox.call("GET", "/_sandbox/tenants/watched/clock").json["now"] == "2025-06-01T00:00:00+05:30")
    }

    /// The watcher's own polling: an edit to a watched file reaches its tenant, fault rules included,
    /// without anyone calling `reload`. The test waits for the watcher's report, not for a clock.
    @Test func watcherPollsAndLoadsAnEditedFile() throws {
        let path = temporaryPath("polled.json")
        defer { unlink(path) }
        func write(_ text: String) { replaceFile(path, with: text) }
        write(#"{"name": "polled", "clock": {"now": "2025-05-10T10:00:00+05:30"}}"#)
        let sandbox = try LiveSandbox(scenarioPaths: [path])
        let reported = DispatchSemaphore(value: 0)
        let outcomes = Mutex<[ScenarioWatcher.ReloadOutcome]>([])
        let watcher = ScenarioWatcher(
            context: sandbox.server.application.context, files: [(path, "polled")], logger: Logger(label: "test"),
            interval: .milliseconds(10)
        ) { _, outcome in
            outcomes.withLock { $0.append(outcome) }
            reported.signal()
        }
        defer { watcher.cancel() }

        write(#"{"name": "polled", "clock": {"now": "2025-06-01T00:00:00+05:30"}, "faults": [{"id": "edited", "match": {"operation": "ims.count"}, "respond": {"error_code": "AUTH4033"}}]}"#)
        #expect(reported.wait(timeout: .now() + 30) == .success)
        #expect(outcomes.withLock { $0 } == [.reloaded])
        #expect(try sandbox.call("GET", "/_sandbox/tenants/polled/clock").json["now"] == "2025-06-01T00:00:00+05:30")
        #expect(try sandbox.call("GET", "/_sandbox/faults").json["faults"]?[0]?["id"] == "edited")
    }

    static let durationCases: [(String, Int64)] = [
        ("P5D", 5 * 86_400_000), ("PT36H", 36 * 3_600_000), ("P1DT2H30M", 95_400_000), ("P2W", 14 * 86_400_000),
        ("36h", 36 * 3_600_000), ("1d12h", 36 * 3_600_000), ("90m", 5_400_000), ("45s", 45_000), ("500ms", 500),
        ("3", 3000), ("1.5", 1500), ("-1h", -3_600_000),
    ]

    @Test(arguments: durationCases)
    func durations(text: String, ms: Int64) {
        #expect(DurationText.milliseconds(text) == ms)
    }

    /// The last argument is the duration fuzz target's crash (issue 11): its units overflowed Int64.
    @Test(arguments: ["", "P", "PT", "P1H", "5x", "h", "1.2345", "soon", "P1D2", "202520259202520259m4"])
    func badDurations(text: String) {
        #expect(DurationText.milliseconds(text) == nil)
    }
}
