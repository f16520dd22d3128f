// swift-tools-version:6.2
// libFuzzer harnesses, kept out of the main package so `swift build` / `swift test` never see a
// target without `main`. One static library product per fuzz target; `scripts/fuzz` links each
// into its own binary (see that script for why a harness is a static library linked by swiftc
// rather than an executable target).
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which depends on where the repository
// was cloned; derive it instead of hard-coding "gsp-sandbox".
let rootIdentity = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// The control-plane harnesses reach JSON, ScenarioKit and GSPSandbox (DurationText) through the
// GSPSandboxTesting product, whose closure holds all three: the root package exports no product
// for them alone, and fuzzing is not a reason to add one to its public surface.
let controlPlane: [Target.Dependency] = [.product(name: "GSPSandboxTesting", package: rootIdentity)]

let package = Package(
    name: "Fuzz",
    products: [
        .library(name: "FuzzHTTPWire", type: .static, targets: ["FuzzHTTPWire"]),
        .library(name: "FuzzJSON", type: .static, targets: ["FuzzJSON"]),
        .library(name: "FuzzScenario", type: .static, targets: ["FuzzScenario"]),
        .library(name: "FuzzDuration", type: .static, targets: ["FuzzDuration"]),
    ],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzHTTPWire",
            dependencies: [.product(name: "HTTPWire", package: rootIdentity)]
        ),
        .target(name: "FuzzJSON", dependencies: controlPlane),
        .target(name: "FuzzScenario", dependencies: controlPlane),
        .target(name: "FuzzDuration", dependencies: controlPlane),
    ]
)
