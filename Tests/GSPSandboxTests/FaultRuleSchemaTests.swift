import GSPSandbox
import GSTCore
import JSON
import Testing

/// `Scenarios/scenario.schema.json` describes the `faults` block editors complete, but `FaultRule.parse`
/// (GSPSandbox) is what reads it, and ScenarioKit's schema tests cannot see GSPSandbox: so this suite
/// keeps the two in step.
@Suite struct FaultRuleSchemaTests {
    let rule: JSONValue

    init() throws {
        let schema = try JSONParser.parse(try ScenarioFile.read(RepoPath.scenario("scenario.schema.json")))
        rule = try #require(schema["$defs"]?["faultRule"])
    }

    func properties(_ object: JSONValue?) -> Set<String> { Set(object?["properties"]?.objectValue?.keys ?? [:].keys) }

    /// The field list of the parser's "unknown field (expected one of a, b, …)" answer to `probe`.
    func fieldsTheParserNames(_ probe: JSONValue) -> Set<String> {
        do {
            _ = try FaultRule.parse(probe, defaultID: "probe")
            return []
        } catch {
            guard let list = error.message.split(separator: "expected one of ").last?.dropLast() else { return [] }
            return Set(list.split(separator: ", ").map(String.init))
        }
    }

    @Test func namesTheFieldsTheParserAccepts() {
        #expect(properties(rule) == fieldsTheParserNames(["drop": true, "no-such-field": 1]))
        #expect(properties(rule["properties"]?["match"]) == fieldsTheParserNames(["drop": true, "match": ["no-such-field": "x"]]))
    }

    /// Every field the schema describes, with a value it allows, is one the parser takes.
    @Test func ruleUsingEveryDescribedFieldParses() throws {
        let match: JSONValue = ["operation": "ims.invoices", "method": "get", "path": "/gst/*", "gstin": "27AAPCA4821K1ZD", "tenant": "t1"]
        let answering = try FaultRule.parse([
            "id": "all", "description": "every field", "match": match, "after": 1, "times": 2, "probability": 0.5, "seed": 7,
            "respond": ["status": 503, "body": ["error": "maintenance"], "headers": ["Retry-After": "5"]], "delay_ms": 10, "drop": false,
        ], defaultID: "x")
        #expect(answering.respond == .status(503, body: ["error": "maintenance"], headers: ["Retry-After": "5"]))
        let delaying = try FaultRule.parse(["respond": ["error_code": "IMS2B009", "message": "later"], "delay": ["min_ms": 1, "max_ms": 2]], defaultID: "x")
        #expect(delaying.delay == .uniform(min: 1, max: 2))
    }
}
