import ArgumentParser
import GSPSandbox
import GSPSandboxTesting
import Glibc

/// `gsp-sandbox test FILE|DIR…`: runs scenario files' contract `steps`, each against a fresh
/// in-process sandbox on an ephemeral port, and exits 1 when any step fails.
struct ContractTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the contract steps of scenario files against a fresh in-process sandbox.",
        discussion: """
            Each FILE (or every *.json under each DIR, sorted) starts its own sandbox from that \
            scenario; its steps run in order and stop at the first failure. Prints ✓/✗ per step with \
            every mismatch; exits 0 when all pass, 1 otherwise.
            """
    )

    @Argument(help: "Scenario files with \"steps\", or directories of them.")
    var paths: [String]

    func run() throws {
        var files: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw ValidationError("\(path): \(String(cString: strerror(errno)))") }
            if (info.st_mode & S_IFMT) == S_IFDIR { files += Self.jsonFiles(in: path) } else { files.append(path) }
        }
        guard !files.isEmpty else { throw ValidationError("no scenario files found in \(paths.joined(separator: ", "))") }
        var failedFiles = 0, passedSteps = 0, failedSteps = 0
        for file in files {
            print(file)
            let result = ContractRunner.run(file: file, controlToken: ControlAccess.tokenFromEnvironment())
            if let error = result.error {
                print("  ✗ " + error.split(separator: "\n").joined(separator: "\n    "))
            }
            for step in result.steps {
                print("  \(step.passed ? "✓" : "✗") \(step.name)")
                for failure in step.failures { print("      \(failure)") }
                if step.passed { passedSteps += 1 } else { failedSteps += 1 }
            }
            if !result.passed { failedFiles += 1 }
        }
        print("\n\(files.count - failedFiles)/\(files.count) files passed, \(passedSteps) steps passed, \(failedSteps) failed")
        fflush(nil)
        if failedFiles > 0 { throw ExitCode(1) }
    }

    /// `*.json` files directly inside `directory`, sorted, so runs are repeatable.
    static func jsonFiles(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return names.sorted().map { base + $0 }
    }
}
