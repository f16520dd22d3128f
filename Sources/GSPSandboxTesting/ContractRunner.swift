import GSPSandbox
import GSTCore
import JSON
import ScenarioKit

/// Runs a scenario file's contract `steps` against a fresh sandbox started from that file, over
/// real HTTP (so the transport is part of what is checked): each request is sent, its status and
/// JSON fields compared, its captures kept for later steps' `{{name}}`. A failed step stops the
/// file (later steps usually depend on its captures).
public enum ContractRunner {
    /// The outcome of one step.
    public struct StepResult: Sendable {
        public let name: String
        /// Empty when the step passed; otherwise one line per mismatch.
        public let failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    /// The outcome of one file.
    public struct FileResult: Sendable {
        public let file: String
        public let steps: [StepResult]
        /// Set when the file could not be run at all (invalid scenario, no steps, server error).
        public let error: String?
        public var passed: Bool { error == nil && steps.allSatisfy(\.passed) }
    }

    /// Loads and runs one file. Never throws: problems are part of the result. With `controlToken`
    /// (`gsp-sandbox test` passes `GSP_SANDBOX_CONTROL_TOKEN`) the sandbox guards its control API with
    /// it, as a served one would, and the steps' control calls carry it.
    public static func run(file: String, controlToken: String? = nil) -> FileResult {
        let scenario: Scenario
        let steps: [ContractStep]
        do {
            scenario = try ScenarioLoader.load(path: file)
            steps = try scenario.contractSteps()
        } catch {
            return FileResult(file: file, steps: [], error: "invalid scenario\n" + error.description)
        }
        guard !steps.isEmpty else { return FileResult(file: file, steps: [], error: "no \"steps\" in the file") }
        return run(steps: steps, scenario: scenario, label: file, controlToken: controlToken)
    }

    /// Runs steps against a fresh sandbox serving `scenario`.
    public static func run(steps: [ContractStep], scenario: Scenario, label: String, controlToken: String? = nil) -> FileResult {
        let sandbox: TestSandbox
        do { sandbox = try TestSandbox.start(scenario: .loaded(scenario)) { $0.controlAccess.token = controlToken } } catch {
            return FileResult(file: label, steps: [], error: "cannot start the sandbox: \(error)")
        }
        defer { sandbox.stop() }
        var variables: [String: String] = [:]
        var results: [StepResult] = []
        for step in steps {
            let result = run(step, on: sandbox, variables: &variables)
            results.append(result)
            if !result.passed { break }
        }
        return FileResult(file: label, steps: results, error: nil)
    }

    static func run(_ step: ContractStep, on sandbox: TestSandbox, variables: inout [String: String]) -> StepResult {
        switch step.action {
        case .advanceClock(let ms, let text):
            // Refused as `POST …/clock/advance` refuses it; `advanceClock` alone would clamp silently.
            let leaves = sandbox.application.context.world.registry.tenants.contains { tenant in
                tenant.read { TenantClock.instant($0.now, advancedBy: ms) == nil }
            }
            if leaves {
                return StepResult(name: step.name, failures: ["advancing the clock by \(text) would take it outside 1900-01-01…9998-12-31 (IST)"])
            }
            sandbox.advanceClock(milliseconds: ms)
            return StepResult(name: step.name, failures: [])
        case .request(let request, let expect, let captures):
            var failures: [String] = []
            let target = Interpolation.apply(request.path, variables, unknown: &failures)
            let headers = sandbox.controlHeaders(
                for: target, adding: request.headers.map { ($0.name, Interpolation.apply($0.value, variables, unknown: &failures)) })
            var ignored: [String] = []  // a default name repeats the path, already reported
            let name = Interpolation.apply(step.name, variables, unknown: &ignored)
            guard failures.isEmpty else { return StepResult(name: name, failures: failures) }
            let response: HTTPClient.Response
            do {
                switch request.body {
                case .none: response = try sandbox.client.request(request.method, target, headers: headers)
                case .text(let text):
                    let body = Interpolation.apply(text, variables, unknown: &failures)
                    response = try sandbox.client.request(request.method, target, headers: headers, body: Array(body.utf8))
                case .json(let json):
                    let body = Interpolation.apply(json, variables, unknown: &failures)
                    response = try sandbox.client.request(request.method, target, headers: headers, json: body)
                }
            } catch {
                return StepResult(name: name, failures: ["request failed: \(error)"])
            }
            failures += check(response, against: expect, variables: variables)
            guard failures.isEmpty else { return StepResult(name: name, failures: failures) }
            let json = response.json
            for capture in captures {
                guard let value = json.flatMap({ capture.path.resolve(in: $0) }) else {
                    failures.append("capture \(capture.variable): nothing at \(capture.path) in \(excerpt(response))")
                    continue
                }
                variables[capture.variable] = Interpolation.text(of: value)
            }
            return StepResult(name: name, failures: failures)
        }
    }

    /// Every mismatch between a response and an expectation, one line each.
    static func check(_ response: HTTPClient.Response, against expect: ContractExpectation, variables: [String: String]) -> [String] {
        var failures: [String] = []
        if let status = expect.status, status != response.status {
            failures.append("status: expected \(status), got \(response.status) — \(excerpt(response))")
        }
        guard !expect.fields.isEmpty else { return failures }
        guard let json = response.json else {
            return failures + ["body is not JSON: \(excerpt(response))"]
        }
        for (path, match) in expect.fields {
            let actual = path.resolve(in: json)
            switch match {
            case .exists(let shouldExist):
                if shouldExist && actual == nil { failures.append("\(path): expected to exist, missing") }
                if !shouldExist, let actual { failures.append("\(path): expected to be absent, found \(render(actual))") }
            case .equals(let expected):
                var unknown: [String] = []
                let expected = Interpolation.apply(expected, variables, unknown: &unknown)
                failures += unknown
                guard let actual else {
                    failures.append("\(path): expected \(render(expected)), missing")
                    continue
                }
                if actual != expected { failures.append("\(path): expected \(render(expected)), got \(render(actual))") }
            }
        }
        return failures
    }

    static func render(_ value: JSONValue) -> String {
        let text = String(decoding: JSONWriter.write(value), as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    static func excerpt(_ response: HTTPClient.Response) -> String {
        let text = response.text
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}

/// `{{name}}` replacement in step strings.
enum Interpolation {
    static func apply(_ text: String, _ variables: [String: String], unknown: inout [String]) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
            if let value = variables[name] { out += value } else {
                unknown.append("{{\(name)}} is not captured by an earlier step")
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Strings are interpolated leaf by leaf; keys are left alone.
    static func apply(_ value: JSONValue, _ variables: [String: String], unknown: inout [String]) -> JSONValue {
        switch value {
        case .string(let s): return .string(apply(s, variables, unknown: &unknown))
        case .array(let a): return .array(a.map { apply($0, variables, unknown: &unknown) })
        case .object(let o): return .object(o.mapValues { apply($0, variables, unknown: &unknown) })
        default: return value
        }
    }

    /// A captured value as it is spliced into text: strings bare, anything else as JSON.
    static func text(of value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return String(decoding: JSONWriter.write(value), as: UTF8.self)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
