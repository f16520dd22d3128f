// swift-tools-version:6.2
// libFuzzer harness for HTTPWire, kept out of the main package so `swift build` / `swift test`
// never see a target without `main`. Build and run it with `scripts/fuzz` (see that script for
// why the harness is a static library linked by swiftc rather than an executable target).
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which depends on where the repository
// was cloned; derive it instead of hard-coding "gsp-sandbox".
let rootIdentity = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "Fuzz",
    products: [
        .library(name: "FuzzHTTPWire", type: .static, targets: ["FuzzHTTPWire"]),
    ],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzHTTPWire",
            dependencies: [.product(name: "HTTPWire", package: rootIdentity)]
        ),
    ]
)
