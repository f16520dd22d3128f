import GSTCore
@testable import ScenarioKit
import JSON
import Testing

/// The `steps` block: parsed into requests, expectations and captures; every mistake reported with
/// its path when the scenario loads.
struct ContractStepTests {
    func load(_ steps: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.load(bytes: Array(#"{"name":"s","steps":\#(steps)}"#.utf8), name: "t.json")
    }

    func issues(_ steps: String) -> [String] {
        do { _ = try load(steps); return [] } catch { return error.issues.map(\.description) }
    }

    @Test func parsesRequestsExpectationsCapturesAndClockSteps() throws {
        let scenario = try load("""
            [{"name":"login","request":{"method":"post","path":"/authenticate","headers":{"x-api-key":"k","x-api-secret":"s"}},
              "expect":{"status":200,"json":{"$.data.access_token":{"exists":true},"code":200,"data.items[1].n":"x"}},
              "capture":{"token":"data.access_token"}},
             {"request":{"method":"GET","path":"/a?ref={{token}}"}},
             {"advance_clock":"1d12h"}]
            """)
        let steps = try scenario.contractSteps()
        #expect(steps.count == 3)
        guard case .request(let request, let expect, let capture) = steps[0].action else { Issue.record("not a request"); return }
        #expect(steps[0].name == "login")
        #expect(request.method == "POST")
        #expect(request.headers.map(\.name) == ["x-api-key", "x-api-secret"])
        #expect(expect.status == 200)
        #expect(expect.fields.map(\.path.description) == ["$.data.access_token", "$.code", "$.data.items[1].n"])
        #expect(expect.fields[0].match == .exists(true))
        #expect(expect.fields[1].match == .equals(.number(JSONNumber(200))))
        #expect(capture == [ContractCapture(variable: "token", path: "$.data.access_token")])
        #expect(steps[1].name == "GET /a?ref={{token}}")
        #expect(steps[2].action == .advanceClock(milliseconds: 36 * 3_600_000, text: "1d12h"))
    }

    @Test func reportsEveryMistakeWithItsPath() {
        let found = issues("""
            [{"request":{"method":"FETCH","path":"a"}},
             {"expect":{"status":200}},
             {"request":{"method":"GET","path":"/","body":"x","json":{}},"expect":{"status":"200","json":[]},"capture":{"a-b":"$.x"}},
             {"advance_clock":"5 days"},
             {"advance_clock":"5d","request":{"method":"GET","path":"/"}},
             {"request":{"method":"GET","path":"/"},"expect":{"json":{"$.a":{"exists":"yes"}}},"what":1}]
            """)
        #expect(found.contains(#"$.steps[0].request.method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, found "FETCH""#))
        #expect(found.contains(#"$.steps[0].request.path: must start with /, found "a""#))
        #expect(found.contains(#"$.steps[1]: missing required key "request" (or "advance_clock")"#))
        #expect(found.contains(#"$.steps[2].request: give "body" (text) or "json", not both"#))
        #expect(found.contains("$.steps[2].expect.status: expected an integer, found string"))
        #expect(found.contains("$.steps[2].expect.json: expected an object of JSON path → expected value, found array"))
        #expect(found.contains(#"$.steps[2].capture["a-b"]: a variable name is letters, digits and _, found "a-b""#))
        #expect(found.contains(#"$.steps[3].advance_clock: expected a duration such as "5d", "6h", "30m", "10s" or "500ms", found "5 days""#))
        #expect(found.contains(#"$.steps[4].request: a step is either a request or "advance_clock", not both"#))
        #expect(found.contains(#"$.steps[5].expect.json["$.a"].exists: expected true or false, found string"#))
        #expect(found.contains { $0.hasPrefix(#"$.steps[5].what: unknown key "what""#) })
        #expect(issues(#"{"a":1}"#) == ["$.steps: expected an array, found object"])
    }

    @Test func durations() {
        #expect(ScenarioDecoder.durationMilliseconds("5d") == 432_000_000)
        #expect(ScenarioDecoder.durationMilliseconds("6h") == 21_600_000)
        #expect(ScenarioDecoder.durationMilliseconds("30m") == 1_800_000)
        #expect(ScenarioDecoder.durationMilliseconds("10s") == 10_000)
        #expect(ScenarioDecoder.durationMilliseconds("500ms") == 500)
        #expect(ScenarioDecoder.durationMilliseconds("1h30m") == 5_400_000)
        for bad in ["", "5", "d", "5x", "-5d", "5d3"] { #expect(ScenarioDecoder.durationMilliseconds(bad) == nil, "\(bad)") }
    }

    @Test func pathsResolveWithOrWithoutTheDollar() throws {
        let doc = try JSONParser.parse(Array(#"{"data":{"error":{"error_cd":"X"},"list":[{"n":1},{"n":2}]}}"#.utf8))
        #expect(JSONPath(stepPath: "data.error.error_cd").resolve(in: doc) == "X")
        #expect(JSONPath(stepPath: "$.data.list[1].n").resolve(in: doc) == .number(JSONNumber(2)))
        #expect(JSONPath(stepPath: "$.data.list[2]").resolve(in: doc) == nil)
        #expect(JSONPath(stepPath: "$.data.nope").resolve(in: doc) == nil)
        #expect(JSONPath(stepPath: "$").resolve(in: doc) == doc)
    }
}
