import GSPSandbox
import HTTPWire
import JSON
import Testing

/// `SandboxConfiguration.maxScenarioDocuments` (`serve --max-scenario-documents`): a scenario loaded
/// through the control API may hold that many documents, listed plus generated; one more is a 400
/// that changes nothing, refused before anything is generated.
struct ScenarioDocumentLimitTests {
    let app: SandboxApplication

    init() throws {
        var configuration = SandboxConfiguration(port: 0)
        configuration.maxScenarioDocuments = 100
        app = try SandboxApplication(configuration: configuration)
    }

    func call(_ method: HTTPMethod, _ target: String, _ body: JSONValue? = nil) -> (status: HTTPStatus, json: JSONValue?) {
        var headers: HTTPHeaders = ["Host": "localhost"]
        if body != nil { headers.add("Content-Type", "application/json") }
        let request = HTTPRequest(method: method, target: target, version: .http1_1, headers: headers,
                                  body: body.map { JSONWriter.write($0) } ?? [])
        let response = app.respond(to: request)
        return (response.status, try? JSONParser.parse(response.body))
    }

    /// The minimal scenario of ControlAPITests with `suppliers × 10` generated documents.
    func scenario(suppliers: Int, key: String) -> JSONValue {
        [
            "clock": ["now": "2025-05-10T10:00:00+05:30"],
            "credentials": ["sandbox": [["api_key": .string(key), "api_secret": "secret"]]],
            "taxpayers": [["gstin": "27AAPCA4821K1ZD", "trade_name": "Acme Retail Private Limited", "username": "acme.retail", "otp": "575757"]],
            "generate": ["seed": 1, "suppliers": .number(JSONNumber(suppliers)), "documents_per_supplier": 10, "periods": ["032025"]],
        ]
    }

    @Test func newTenant_AtTheLimitIsCreated_OverItIs400() {
        let over = call(.post, "/_sandbox/tenants", ["id": "over", "scenario_inline": scenario(suppliers: 11, key: "key_live_over")])
        #expect(over.status == .badRequest)
        let details = over.json?["details"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(details == ["scenario_inline: $: the scenario holds 110 documents (listed and generated); the limit here is 100"])
        #expect(call(.get, "/_sandbox/tenants/over").status == .notFound)

        let atLimit = call(.post, "/_sandbox/tenants", ["id": "at", "scenario_inline": scenario(suppliers: 10, key: "key_live_at")])
        #expect(atLimit.status == .created)
        #expect(atLimit.json?["documents"] == .number(JSONNumber(100)))
    }

    @Test func importAndScenarioLoad_OverTheLimitAre400_AndTheTenantKeepsItsWorld() {
        let before = call(.get, "/_sandbox/tenants/default").json?["documents"]
        let big = scenario(suppliers: 11, key: "key_live_big")
        for (method, target) in [(HTTPMethod.post, "/_sandbox/tenants/default/import"), (.put, "/_sandbox/tenants/default/scenario")] {
            let refused = call(method, target, big)
            #expect(refused.status == .badRequest)
            let details = refused.json?["details"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(details == ["request body: $: the scenario holds 110 documents (listed and generated); the limit here is 100"])
        }
        #expect(call(.get, "/_sandbox/tenants/default").json?["documents"] == before)
    }
}
