#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GSTCore
@testable import ScenarioKit

/// Paths inside the repository, found from this file's location so tests run from any directory.
enum Repo {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // Tests/ScenarioKitTests/Support.swift
        return parts.joined(separator: "/")
    }()

    static var scenarios: String { root + "/Scenarios" }

    /// Every `.json` scenario shipped under `Scenarios/` (the schema file excluded).
    static func shippedScenarioPaths() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: scenarios)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
            .map { scenarios + "/" + $0 }
            .sorted()
    }

    static func read(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Loads inline JSON text, returning the error lines (empty when it loads).
func errors(_ json: String) -> [String] {
    do {
        _ = try ScenarioLoader.load(bytes: Array(json.utf8), name: "t.json")
        return []
    } catch {
        return error.lines
    }
}

/// A minimal valid scenario with one taxpayer and one supplier; `extra` is spliced in at the top level.
func minimal(_ extra: String = "") -> String {
    """
    {
      "name": "t", "clock": {"now": "2025-05-10T10:00:00+05:30"},
      "taxpayers": [{"gstin": "27AAPCA4821K1ZD", "trade_name": "Acme", "username": "acme", "otp": "575757"}],
      "suppliers": [{"gstin": "36AACCD8123P1ZB", "trade_name": "Deccan"}]\(extra.isEmpty ? "" : ",\n" + extra)
    }
    """
}

let acme = GSTIN("27AAPCA4821K1ZD")!
let deccan = GSTIN("36AACCD8123P1ZB")!
