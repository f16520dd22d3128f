// swift-tools-version:6.2
import PackageDescription

// The one-way layering of the design card:
//   gsp-sandbox ─► GSPSandbox ─► SandboxAPI / VayanaAPI ─► GSTNShapes ─► GSTCore ─► JSON; and HTTPWire
//                     ├─► ScenarioKit ─► GSTCore
//                     └─► SocketServer ─► HTTPWire
//   GSPSandboxTesting ─► GSPSandbox, ScenarioKit (gsp-sandbox uses it for `gsp-sandbox test`), HTTPTestClient
// Tests share HTTPTestClient (the one HTTP client: Glibc only, so SocketServer's tests can use it)
// and TestSupport (document factories over GSTCore; not part of any product).
// CI builds with `--explicit-target-dependency-import-check error`, so an import
// that is not declared here fails the build.
//
// Where things go: a vendor route in its adapter's feature file (SandboxAPI/Routes, VayanaAPI/Routes),
// throwing the adapter's one error type; GSTN's codes and messages in GSTNShapes (GSTNError+Catalogue);
// a job kind in its GSTCore feature folder; a cross-cutting request concern as a middleware in
// GSPSandbox/Pipeline, listed in SandboxApplication (CORS ─► Metrics ─► Journal ─► Faults ─► route).

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "gsp-sandbox",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gsp-sandbox", targets: ["gsp-sandbox"]),
        .library(name: "HTTPWire", targets: ["HTTPWire"]),
        .library(name: "GSPSandboxTesting", targets: ["GSPSandboxTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "HTTPWire", swiftSettings: swiftSettings),
        // Linux's epoll and accept4, which Swift's Glibc module does not export (SocketServer only).
        .target(name: "CEventPoll"),
        .target(name: "SocketServer", dependencies: ["HTTPWire", "JSON", "CEventPoll"], swiftSettings: swiftSettings),
        // JSON: parser, tree, writer and streaming builder; no dependencies, used by every layer that
        // reads or writes JSON (GSTCore adds only its domain bridges, e.g. amounts).
        .target(name: "JSON", swiftSettings: swiftSettings),
        .target(name: "GSTCore", dependencies: ["JSON"], swiftSettings: swiftSettings),
        // The default scenario is compiled into the binary (`PackageResources.default_json`), so a single
        // static executable needs no data files. Resources/default.json links to Scenarios/default.json,
        // the file users read and edit: there is one copy, and nothing to regenerate.
        .target(
            name: "ScenarioKit", dependencies: ["GSTCore", "JSON"],
            resources: [.embedInCode("Resources/default.json")],
            swiftSettings: swiftSettings
        ),
        // GSTN's own payloads (GSTR-2B, GSTR-1 sections, the IMS save/reset body rules): both GSPs pass
        // them through, so both adapters render and validate them with this one copy.
        .target(name: "GSTNShapes", dependencies: ["GSTCore", "JSON"], swiftSettings: swiftSettings),
        .target(name: "SandboxAPI", dependencies: ["GSTCore", "GSTNShapes", "HTTPWire", "JSON"], swiftSettings: swiftSettings),
        .target(name: "VayanaAPI", dependencies: ["GSTCore", "GSTNShapes", "HTTPWire", "JSON"], swiftSettings: swiftSettings),
        .target(
            name: "GSPSandbox",
            dependencies: [
                "HTTPWire", "SocketServer", "GSTCore", "GSTNShapes", "JSON", "ScenarioKit", "SandboxAPI", "VayanaAPI",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // A blocking HTTP/1.1 client over POSIX sockets: GSPSandboxTesting re-exports it to users, and
        // every test target that talks to a server uses it.
        .target(name: "HTTPTestClient", swiftSettings: swiftSettings),
        .target(
            name: "GSPSandboxTesting",
            dependencies: ["GSPSandbox", "HTTPWire", "GSTCore", "JSON", "ScenarioKit", "HTTPTestClient"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "gsp-sandbox",
            dependencies: [
                "GSPSandbox", "GSPSandboxTesting", "GSTCore", "JSON", "ScenarioKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Factories the GSTCore and vendor-adapter tests share; a regular target so test targets can
        // depend on it, under Tests/ because nothing shipped does.
        .target(name: "TestSupport", dependencies: ["GSTCore"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "HTTPWireTests", dependencies: ["HTTPWire"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "SocketServerTests", dependencies: ["SocketServer", "HTTPWire", "CEventPoll", "HTTPTestClient"], swiftSettings: swiftSettings),
        .testTarget(name: "GSTCoreTests", dependencies: ["GSTCore", "JSON", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ScenarioKitTests", dependencies: ["ScenarioKit", "GSTCore", "JSON"], swiftSettings: swiftSettings),
        .testTarget(name: "SandboxAPITests", dependencies: ["SandboxAPI", "GSTNShapes", "GSTCore", "HTTPWire", "JSON", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "VayanaAPITests", dependencies: ["VayanaAPI", "GSTNShapes", "GSTCore", "HTTPWire", "JSON", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GSPSandboxTests",
            dependencies: ["GSPSandbox", "GSPSandboxTesting", "HTTPWire", "GSTCore", "JSON", "ScenarioKit", "HTTPTestClient",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
    ]
)
