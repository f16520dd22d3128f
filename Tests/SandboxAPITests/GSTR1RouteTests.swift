import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

@Suite struct GSTR1RouteTests: TaxpayerRouteSuite {
    let h = Harness()
    let token: String
    init() { token = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP) }

    @Test func b2bMatchesTheDocumentedExample() throws {
        let r = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10")
        #expect(r.status == 200)
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr1_b2b.200.response.json")) == [])
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("gstr1_b2b.200.schema.json")) == [])
        let groups = try #require(r.inner?["b2b"]?.arrayValue)
        #expect(groups.map { $0["ctin"]!.stringValue! } == [TestWorld.other.value, TestWorld.recipient.value])
        let mine = try #require(groups.last?["inv"]?.arrayValue)
        #expect(mine.map { $0["inum"]!.stringValue! } == ["INV-1", "INV-2", "INV-3"])
        let inv1 = mine[0]
        #expect(inv1["cflag"] == "N")
        #expect(inv1["flag"] == "U")
        #expect(inv1["updby"] == "S")
        #expect(inv1["srctyp"] == "e-Invoice")
        #expect(inv1["rchrg"] == "N")
        #expect(inv1["val"] == .number(JSONNumber(text: "4718.82")!))
        #expect(inv1["itms"] == [["itm_det": ["camt": 0, "csamt": 0, "iamt": .number(JSONNumber(text: "719.82")!), "rt": 18, "samt": 0, "txval": 3999], "num": 1]])
        #expect(groups.first?["cfs"] == "N")
    }

    @Test(arguments: ["counterparty_gstin", "gstin", "ctin"])
    func counterpartyFilter(name: String) throws {
        let r = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10?\(name)=\(TestWorld.other.value)")
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr1_b2b.filtered_by_ctin.response.json")) == [])
        #expect(r.inner?["b2b"]?.arrayValue?.map { $0["ctin"]!.stringValue! } == [TestWorld.other.value])
        let bad = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10?\(name)=07ABC")
        #expect(bad.status == 422)
        #expect(bad.message == "Invalid GSTIN pattern")
    }

    @Test func fromAndActionRequiredFilters() throws {
        let from = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10?from=12%2F10%2F2024")
        let numbers = from.inner?["b2b"]?.arrayValue?.flatMap { $0["inv"]!.arrayValue!.map { $0["inum"]!.stringValue! } }
        #expect(numbers == ["INV-2", "INV-3"])
        #expect(get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10?from=2024-10-12").status == 422)
        #expect(get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10?action_required=maybe").status == 422)

        // The recipient accepts INV-1: it no longer needs action; Y lists the open ones.
        let recipient = h.taxpayerToken()
        let save = h.send(.post, "/gst/compliance/tax-payer/invoices/status/save", headers: Harness.auth(recipient),
                          body: IMSRouteTests.body(#""b2b":[\#(IMSRouteTests.record("INV-1"))]"#))
        #expect(save.statusCD == "1")
        let y = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10?action_required=Y&counterparty_gstin=\(TestWorld.recipient.value)")
        #expect(y.inner?["b2b"]?[0]?["inv"]?.arrayValue?.map { $0["inum"]!.stringValue! } == ["INV-2", "INV-3"])
        let n = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10?action_required=n")
        #expect(n.inner?["b2b"]?.arrayValue?.flatMap { $0["inv"]!.arrayValue! }.map { $0["inum"]!.stringValue! } == ["INV-1"])
        // The supplier's view does not show the action itself: `cflag` stays "N", as in every official example.
        let accepted = try #require(n.inner?["b2b"]?[0]?["inv"]?[0]?.objectValue)
        #expect(accepted["cflag"] == "N" && accepted["flag"] == "U" && accepted["updby"] == "S")
        #expect(accepted["imsactn"] == nil && accepted["remarks"] == nil)
    }

    @Test func nothingMatchingIsRET11416() {
        for target in ["b2b/2024/08", "b2ba/2024/08", "b2b/2024/10?counterparty_gstin=\(TestWorld.localSupplier.value)", "b2b/2024/10?from=01/11/2024"] {
            let r = get("/gst/compliance/tax-payer/gstrs/gstr-1/\(target)")
            #expect(r.status == 200)
            #expect(r.errorCode == "RET11416", "\(target)")
            #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr1_b2b.RET11416.response.json")) == [])
            #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("gstr1_b2ba.200.schema.json")) == [])
        }
        #expect(get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/00").status == 422)
    }

    @Test func b2baBothForms() throws {
        let r = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2ba/2024/10")
        #expect(r.statusCD == "1")
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("gstr1_b2ba.200.schema.json")) == [])
        let inv = try #require(r.inner?["b2ba"]?[0]?["inv"]?[0])
        #expect(inv["oinum"] == "INV-0")
        #expect(inv["oidt"] == "02-09-2024")
        #expect(inv["opd"] == "2024-09")
        #expect(inv["inum"] == "INV-1A")
        // every b2b invoice key is there too
        let b2bKeys = Set(VendorFixtures.example("gstr1_b2b.200.response.json")["data"]!["data"]!["b2b"]![0]!["inv"]![0]!.objectValue!.keys)
        #expect(b2bKeys.isSubset(of: Set(inv.objectValue!.keys)))

        let legacy = get("/gsp/tax-payer/\(TestWorld.supplier.value)/gstrs/gstr-1/b2ba/2024/10?ctin=\(TestWorld.recipient.value)")
        #expect(legacy.inner == r.inner)
        let none = get("/gsp/tax-payer/\(TestWorld.supplier.value)/gstrs/gstr-1/b2ba/2024/10?ctin=\(TestWorld.other.value)")
        #expect(none.errorCode == "RET11416")
        #expect(ShapeComparer.differences(none.json, VendorFixtures.example("gstr1_b2ba.RET11416.response.json")) == [])
        let otherGSTIN = get("/gsp/tax-payer/\(TestWorld.recipient.value)/gstrs/gstr-1/b2ba/2024/10")
        #expect(otherGSTIN.status == 403)
        #expect(otherGSTIN.message == "Insufficient privilege")
        #expect(get("/gsp/tax-payer/22AAAAA0000A1Z/gstrs/gstr-1/b2ba/2024/10").status == 422)
    }

    @Test func responsesAreCachedPerStateVersion() throws {
        let a = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10")
        let cached = h.context.cache.count
        let b = get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10")
        #expect(h.context.cache.count == cached)
        #expect(a.data == b.data)
        #expect(a.json["transaction_id"] != b.json["transaction_id"])
        // a change bumps the version: the next answer reflects it
        let concluded = { get("/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2024/10?action_required=N").inner?["b2b"]?.arrayValue?
            .flatMap { $0["inv"]!.arrayValue! }.map { $0["inum"]!.stringValue! } }
        #expect(concluded() == nil, "nothing concluded yet (RET11416)")
        let recipient = h.taxpayerToken()
        _ = h.send(.post, "/gst/compliance/tax-payer/invoices/status/save", headers: Harness.auth(recipient),
                   body: IMSRouteTests.body(#""b2b":[\#(IMSRouteTests.record("INV-2", action: "R"))]"#))
        _ = h.send(.get, "/gst/compliance/tax-payer/invoices/count?type_of_goods=others", headers: Harness.auth(recipient))
        #expect(concluded() == ["INV-2"])
    }
}
