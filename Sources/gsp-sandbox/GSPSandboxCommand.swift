import ArgumentParser
import GSPSandbox

/// `gsp-sandbox`: a local, stateful emulator of Indian GST provider APIs.
struct GSPSandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gsp-sandbox",
        abstract: "A local, stateful emulator of the GSP APIs (Sandbox, Vayana) for tests and development.",
        version: SandboxVersion.current,
        subcommands: [Serve.self, ContractTest.self]
    )
}
