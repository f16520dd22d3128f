import GSTCore
import HTTPWire
import JSON
import Testing

/// GSTN's public taxpayer search (platform token): the world's parties are registered, with details
/// derived from their GSTIN, shaped as the official examples.
@Suite struct PublicRouteTests {
    let h = Harness(TestWorld.seed())
    static let p = "/gst/compliance/public"

    func post(_ path: String, _ body: String, token: String? = nil) -> Reply {
        let auth = token ?? h.platformToken()
        return h.send(.post, Self.p + path, headers: [("authorization", auth), ("x-api-key", TestWorld.apiKey)], body: body)
    }

    @Test func searchAnswersTheRegistrationAsTheOfficialExample() throws {
        let r = post("/gstin/search", #"{"gstin":"\#(TestWorld.supplier.value)"}"#)
        #expect(ShapeComparer.differences(r.json, OfficialExamples.parse(OfficialExamples.publicGSTINSearch)) == [])
        let d = try #require(r.inner)
        #expect(d["gstin"]?.stringValue == TestWorld.supplier.value && d["tradeNam"] == "Southern Supplies Pvt Ltd")
        #expect(d["sts"] == "Active" && d["dty"] == "Regular" && d["cxdt"] == "")
        #expect(d["pradr"]?["addr"]?["stcd"] == "Karnataka", "the GSTIN's state (29)")
        #expect(d["ctb"] == "Private Limited Company", "the PAN's fourth character is C")
        // Derived from the GSTIN alone: the same in another tenant built from the same seed.
        let again = Harness(TestWorld.seed())
        let other = again.send(.post, Self.p + "/gstin/search", headers: [("authorization", again.platformToken()), ("x-api-key", TestWorld.apiKey)],
                               body: #"{"gstin":"\#(TestWorld.supplier.value)"}"#)
        #expect(other.inner == d)
    }

    @Test func verify() throws {
        let r = post("/gstin/verify", #"{"gstin":"\#(TestWorld.supplier.value)"}"#)
        #expect(ShapeComparer.differences(r.json, OfficialExamples.parse(OfficialExamples.publicGSTINVerify)) == [])
        let d = try #require(r.inner)
        #expect(d["gstin"]?.stringValue == TestWorld.supplier.value && d["pan"]?.stringValue == TestWorld.supplier.pan)
        #expect(d["stateCode"] == "29" && d["stateName"] == "Karnataka" && d["status"] == "Active" && d["validGstin"] == true)
        // Its registration date is search's.
        #expect(d["regStartDate"] == post("/gstin/search", #"{"gstin":"\#(TestWorld.supplier.value)"}"#).inner?["rgdt"])
        #expect(post("/gstin/verify", #"{"gstin":"07CQZCD1111I4Z7"}"#).errorCode == "FO8000")
        #expect(post("/gstin/verify", #"{"gstin":"3418FIN00001UNY"}"#).status == 422)
    }

    @Test func documentedErrors() {
        // A well-formed GSTIN nobody in the world holds.
        let unknown = post("/gstin/search", #"{"gstin":"07CQZCD1111I4Z7"}"#)
        let model = OfficialExamples.parse(OfficialExamples.publicGSTINSearchNoRecords)
        #expect(ShapeComparer.differences(unknown.json, model) == [] && unknown.json["data"]?["error"] == model["data"]?["error"])
        let bad = post("/gstin/search", #"{"gstin":"3418FIN00001UNY"}"#)
        #expect(bad.status == 422 && bad.json["message"] == "Invalid GSTIN pattern")
        #expect(post("/gstin/search", "{}").status == 400)
        #expect(post("/gstin/search", "not json").status == 422)
        // A taxpayer session is not a platform token.
        let taxpayer = h.taxpayerToken()
        #expect(post("/gstin/search", #"{"gstin":"\#(TestWorld.supplier.value)"}"#, token: taxpayer).status == 403)
    }

    @Test func panSearch() throws {
        let pan = TestWorld.supplier.pan, state = TestWorld.supplier.stateCode.value
        let r = post("/pan/search?state_code=\(state)", #"{"pan":"\#(pan)"}"#)
        // Compared with the example's Active registration (its cancelled ones carry fewer fields).
        var model = try #require(OfficialExamples.parse(OfficialExamples.publicPANSearch).objectValue)
        let active = try #require(model["data"]?.arrayValue?.first { $0["data"]?["sts"] == "Active" })
        model["data"] = [active]
        #expect(ShapeComparer.differences(r.json, .object(model)) == [])
        let rows = try #require(r.json["data"]?.arrayValue)
        #expect(rows.map { $0["gstin"]?.stringValue } == [TestWorld.supplier.value])
        #expect(rows.first?["data"]?["tradeNam"] == "Southern Supplies Pvt Ltd")
        // Another state: none. The documented NOGSTIN answer, with no status_cd.
        let none = post("/pan/search?state_code=07", #"{"pan":"\#(pan)"}"#)
        #expect(none.json["data"] == OfficialExamples.parse(OfficialExamples.publicPANSearchNoGSTIN)["data"])
        #expect(post("/pan/search", #"{"pan":"\#(pan)"}"#).status == 400)
        #expect(post("/pan/search?state_code=99", #"{"pan":"\#(pan)"}"#).status == 422)
        #expect(post("/pan/search?state_code=29", #"{"pan":"ABC"}"#).status == 422)
    }
}
