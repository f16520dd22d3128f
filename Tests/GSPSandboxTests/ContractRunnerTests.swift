import GSPSandboxTesting
import GSTCore
import JSON
import ScenarioKit
import Testing

/// `gsp-sandbox test`'s engine: the shipped contract scenarios pass; a wrong expectation fails
/// with a message naming the path, the expected and the actual value.
struct ContractRunnerTests {
    static let contracts = ["ims-save-status", "gstr2b-regenerate", "gstr1-b2b-filters", "vayana-gstr2b"]

    @Test(arguments: contracts)
    func shippedContractPasses(name: String) {
        let result = ContractRunner.run(file: RepoPath.scenario("contracts/\(name).json"))
        #expect(result.error == nil)
        #expect(result.steps.count > 5)
        for step in result.steps where !step.passed { Issue.record("\(step.name): \(step.failures)") }
        #expect(result.passed)
    }

    /// The IMS contract with one expectation changed: that step fails, later steps do not run.
    @Test func aWrongExpectationFailsWithAClearMessage() throws {
        var scenario = try ScenarioLoader.load(path: RepoPath.scenario("contracts/ims-save-status.json"))
        var steps = try scenario.contractSteps()
        let index = try #require(steps.firstIndex { $0.name.hasPrefix("status of") })
        guard case .request(let request, var expect, let capture) = steps[index].action else { Issue.record("not a request"); return }
        let at = try #require(expect.fields.firstIndex { $0.path.description == "$.data.data.status_cd" })
        expect.fields[at].match = .equals("PE")
        steps[index].action = .request(request, expect: expect, capture: capture)
        scenario.reserved["steps"] = nil
        let result = ContractRunner.run(steps: steps, scenario: scenario, label: "wrong")
        #expect(!result.passed)
        #expect(result.steps.count == index + 1)
        #expect(result.steps.last?.failures == [#"$.data.data.status_cd: expected "PE", got "P""#])
    }

    @Test func statusMismatchAndMissingCaptureAreReported() throws {
        let scenario = try ScenarioLoader.load(bytes: Array("""
            {"name":"mini","steps":[
              {"request":{"method":"GET","path":"/_sandbox/health"},"expect":{"status":201,"json":{"$.status":"ok","$.nope":{"exists":true}}}},
              {"request":{"method":"GET","path":"/_sandbox/health"}}]}
            """.utf8), name: "mini.json")
        let result = ContractRunner.run(steps: try scenario.contractSteps(), scenario: scenario, label: "mini")
        #expect(result.steps.count == 1)
        let failures = try #require(result.steps.first?.failures)
        #expect(failures.count == 2)
        #expect(failures[0].hasPrefix("status: expected 201, got 200 — {\"status\":\"ok\""))
        #expect(failures[1] == "$.nope: expected to exist, missing")

        let capture = try ScenarioLoader.load(bytes: Array("""
            {"name":"cap","steps":[
              {"request":{"method":"GET","path":"/_sandbox/health"},"capture":{"v":"$.version","x":"$.missing"}},
              {"request":{"method":"GET","path":"/_sandbox/{{undefined}}"}}]}
            """.utf8), name: "cap.json")
        let second = ContractRunner.run(steps: try capture.contractSteps(), scenario: capture, label: "cap")
        #expect(second.steps.first?.failures.first?.hasPrefix("capture x: nothing at $.missing in") == true)
    }

    @Test func controlStepsCarryTheSandboxesToken() throws {
        let scenario = try ScenarioLoader.load(bytes: Array("""
            {"name":"guarded","steps":[
              {"request":{"method":"POST","path":"/_sandbox/tenants/guarded/clock/advance","json":{"by":"P1D"}},"expect":{"status":200}},
              {"request":{"method":"GET","path":"/_sandbox/tenants","headers":{"X-Sandbox-Control-Token":"wrong"}},"expect":{"status":401}}]}
            """.utf8), name: "guarded.json")
        let result = ContractRunner.run(steps: try scenario.contractSteps(), scenario: scenario, label: "guarded", controlToken: "ci-token")
        #expect(result.passed, "\(result.steps.map(\.failures))")
    }

    @Test func anUndefinedVariableFailsTheStep() throws {
        let scenario = try ScenarioLoader.load(bytes: Array("""
            {"name":"var","steps":[{"request":{"method":"GET","path":"/_sandbox/{{nope}}"}}]}
            """.utf8), name: "var.json")
        let result = ContractRunner.run(steps: try scenario.contractSteps(), scenario: scenario, label: "var")
        #expect(result.steps.first?.failures == ["{{nope}} is not captured by an earlier step"])
    }

    @Test func aFileWithoutStepsOrInvalidIsAnError() {
        let noSteps = ContractRunner.run(file: RepoPath.scenario("tests/ims-basic.json"))
        #expect(noSteps.error == #"no "steps" in the file"#)
        #expect(!noSteps.passed)
        let missing = ContractRunner.run(file: RepoPath.scenario("contracts/does-not-exist.json"))
        #expect(missing.error?.hasPrefix("invalid scenario\n") == true)
    }
}
