import GSPSandboxTesting
import JSON
import Testing

/// Issue 11's reproductions: clock values that used to trap the process are refused with 400 and change nothing.
struct ClockLimitTests {
    @Test func absurdClockValuesAreRefusedAndTheServerStaysUp() throws {
        let sandbox = try TestSandbox.start(scenario: .default, transport: .inProcess)
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
}
