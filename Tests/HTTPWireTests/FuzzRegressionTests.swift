import Foundation
import Testing
@testable import HTTPWire

/// Replays every input the fuzzer ever crashed on (Fixtures/fuzz-regressions/), with the same
/// limits and properties as the harness, so CI checks them without a fuzzer.
struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions", isDirectory: true)

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Same limits as Fuzz/Sources/FuzzHTTPWire.
    static let fuzzLimits = ParserLimits(
        maxRequestTargetBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 512, maxChunkLineBytes: 32
    )

    @Test(arguments: files)
    func replay(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let events = ParserVerifier.events([bytes], limits: Self.fuzzLimits)
        if let errorIndex = events.firstIndex(where: { if case .error = $0 { true } else { false } }) {
            #expect(errorIndex == events.count - 1)
        }
        _ = ParserVerifier.events([bytes])
    }
}
