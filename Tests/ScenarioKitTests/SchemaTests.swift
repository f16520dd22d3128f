import JSON
import Testing
import GSTCore
@testable import ScenarioKit

/// `Scenarios/scenario.schema.json` is what editors complete from: it must name exactly the keys
/// the loader accepts, so neither can drift from the other.
@Suite struct SchemaTests {
    let schema: JSONValue
    init() throws { schema = try JSONParser.parse(try Repo.read(Repo.scenarios + "/scenario.schema.json")) }

    func keys(_ v: JSONValue?) -> Set<String> { Set(v?["properties"]?.objectValue?.keys ?? [:].keys).subtracting(["$comment"]) }

    @Test func isDraft2020_12WithDescriptions() {
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["description"]?.stringValue?.isEmpty == false)
    }

    @Test func namesTheKeysTheLoaderAccepts() {
        #expect(keys(schema) == Set(ScenarioLoader.topLevelKeys))
        #expect(keys(schema["$defs"]?["document"]) == Set(ScenarioDecoder.documentKeys))
        #expect(keys(schema["$defs"]?["generate"]) == Set(ScenarioDecoder.generateKeys))
        #expect(keys(schema["properties"]?["documents"]) == Set(IMSSection.allCases.map(\.rawValue)))
        let rates = schema["$defs"]?["rate"]?["enum"]?.arrayValue?.compactMap { $0.numberValue?.text } ?? []
        #expect(rates == TaxRate.standard.map(\.description))
    }

    @Test func everyTopLevelPropertyIsDescribed() {
        for (key, value) in schema["properties"]?.objectValue ?? [:] where key != "$comment" {
            #expect(value["description"] != nil || value["$ref"] != nil, "\(key) has no description")
        }
    }
}
