import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

@Suite struct GSTR2BRouteTests: TaxpayerRouteSuite {
    let h = Harness()
    let token: String
    init() { token = h.taxpayerToken() }

    // MARK: Regenerate

    @Test func regenerateBeforeTheDraftIsIMS2B009() {
        let r = post("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/11/regenerate")
        #expect(r.status == 200)
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr2b_regenerate.IMS2B009.response.json")) == [])
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("gstr2b_regenerate.200.schema.json")) == [])
        #expect(r.errorCode == "IMS2B009")
        #expect(r.errorMessage == "Kindly generate 2b after 14/12/2024")
    }

    @Test func regenerateAfter3BOrForABadPeriodIsIMS2B007() {
        for target in ["2024/09", "2025/01", "2024/13", "24/10", "abcd/10"] {
            let r = post("/gst/compliance/tax-payer/gstrs/gstr-2b/\(target)/regenerate")
            #expect(r.errorCode == "IMS2B007", "\(target)")
            #expect(r.errorMessage == "Either the entered ITC period is incorrect or it has 3B filed")
            #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr2b_regenerate.IMS2B007.response.json")) == [])
        }
    }

    @Test func regenerateStartsAJobThatCompletes() throws {
        let r = post("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10/regenerate")
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr2b_regenerate.200.response.json")) == [])
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("gstr2b_regenerate.200.schema.json")) == [])
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        let s = get("/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=\(id)")
        #expect(ShapeComparer.differences(s.json, VendorFixtures.example("gstr2b_regeneration_status.processed.response.json")) == [])
        #expect(SchemaChecker.check(s.json, against: VendorFixtures.schema("gstr2b_regeneration_status.200.schema.json")) == [])
        #expect(SchemaChecker.check(s.inner!, against: VendorFixtures.schema("docs-data.gstr_2b_regeneration_status.json")) == [])
        #expect(s.inner == ["err_cd": "", "err_msg": "", "status_cd": "P"])
    }

    @Test func regenerationStatusErrorsAndInProgress() throws {
        let unknown = get("/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=000000000000000")
        #expect(unknown.errorCode == "IMS0008")
        #expect(ShapeComparer.differences(unknown.json, VendorFixtures.example("gstr2b_regeneration_status.IMS0008.response.json")) == [])
        #expect(SchemaChecker.check(unknown.json, against: VendorFixtures.schema("gstr2b_regeneration_status.200.schema.json")) == [])
        #expect(get("/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate").status == 400)
        // an IMS job id is not a regeneration
        let save = post("/gst/compliance/tax-payer/invoices/status/save",
                        IMSRouteTests.body(#""b2b":[\#(IMSRouteTests.record("INV-1"))]"#))
        let imsID = try #require(save.inner?["reference_id"]?.stringValue)
        #expect(get("/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=\(imsID)").errorCode == "IMS0008")

        let slow = Harness(TestWorld.seed(jobTiming: .afterMilliseconds(60_000)))
        let t = slow.taxpayerToken()
        let r = slow.send(.post, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10/regenerate", headers: Harness.auth(t))
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        let running = slow.send(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=\(id)", headers: Harness.auth(t))
        #expect(running.inner == ["err_cd": "", "err_msg": "", "status_cd": "IP"])
        slow.advanceClock(by: 60_000)
        let done = slow.send(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=\(id)", headers: Harness.auth(t))
        #expect(done.inner?["status_cd"] == "P")
    }

    // MARK: GET

    @Test func notGeneratedYetIsRET2B1023() {
        let r = get("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/11")
        #expect(r.errorCode == "RET2B1023")
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr2b.RET2B1023.response.json")) == [])
        #expect(r.errorMessage == "GSTR-2B is being generated and should be available by 14/12/2024. Either you do not have any records in GSTR-2B or the generation is still in progress. If you are still not able to access it, please raise a ticket with GST support team.")
    }

    @Test func emptyIsRET2B1016() {
        let r = get("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/08")
        #expect(r.errorCode == "RET2B1016")
        #expect(r.errorMessage == "For current tax period, no details are available to view.")
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr2b.RET2B1016.response.json")) == [])
        #expect(get("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/1x").status == 422)
    }

    @Test func documentShapeAndTotals() throws {
        let r = get("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10")
        #expect(r.statusCD == "1")
        let top = try #require(r.inner)
        #expect(top["chksum"]?.stringValue?.utf8.count == 64)
        let d = try #require(top["data"])
        #expect(Set(d.objectValue!.keys) == ["cpsumm", "docRejdata", "docdata", "fc", "gendt", "gstin", "itcsumm", "rtnprd", "version"])
        #expect(d["gstin"] == .string(TestWorld.recipient.value))
        #expect(d["rtnprd"] == "102024")
        #expect(d["version"] == "1.0")
        #expect(d["fc"] == 1)
        #expect(d["gendt"] == "20-11-2024")
        // b2b docdata: supplier (INV-1..3) and localSupplier (L-10); L-11 pending is out, L-12 rejected in docRejdata
        let b2b = try #require(d["docdata"]?["b2b"]?.arrayValue)
        let numbers = b2b.flatMap { $0["inv"]!.arrayValue!.map { $0["inum"]!.stringValue! } }.sorted()
        #expect(numbers == ["INV-1", "INV-2", "INV-3", "L-10"])
        let rejected = try #require(d["docRejdata"]?["b2b"]?.arrayValue)
        #expect(rejected.flatMap { $0["inv"]!.arrayValue!.map { $0["inum"]!.stringValue! } } == ["L-12"])
        let inv1 = try #require(b2b.flatMap { $0["inv"]!.arrayValue! }.first { $0["inum"] == "INV-1" })
        #expect(inv1["itcavl"] == "Y")
        #expect(inv1["igst"] == .number(JSONNumber(text: "719.82")!))
        // The official IMS-era record: `rsn` always present, no pre-IMS `items` / `diffprcnt`.
        #expect(inv1["rsn"] == "" && inv1["items"] == nil && inv1["diffprcnt"] == nil)
        // Key for key the official example's e-invoice record (reference/sandbox-official/gstr2b_docdata_b2b_inv.json).
        #expect(inv1.objectValue.map { Set($0.keys) } == ["cess", "cgst", "dt", "igst", "imsStatus", "inum", "irn", "irngendate", "itcavl",
                                                          "pos", "rev", "rsn", "sgst", "srctyp", "txval", "typ", "val"])
        #expect(inv1["typ"] == "R")
        #expect(inv1["rev"] == "N")
        #expect(inv1["imsStatus"] == "N")
        let supplierGroup = try #require(b2b.first { $0["ctin"] == .string(TestWorld.supplier.value) })
        #expect(supplierGroup["trdnm"] == "Southern Supplies Pvt Ltd")
        #expect(supplierGroup["supprd"] == "102024")
        // notes land in cdnr / cdnra with `nt`
        let cdnr = try #require(d["docdata"]?["cdnr"]?.arrayValue)
        let notes = cdnr.flatMap { $0["nt"]!.arrayValue! }
        #expect(Set(notes.compactMap { $0["ntnum"]?.stringValue }) == ["DN-1", "CN-1"])
        #expect(Set(notes.compactMap { $0["typ"]?.stringValue }) == ["C", "D"])
        #expect(d["docdata"]?["cdnra"]?[0]?["nt"]?[0]?["ontnum"] != nil)
        #expect(d["docdata"]?["b2ba"]?[0]?["inv"]?[0]?["oinum"] == "INV-0")

        // itcsumm.itcavl.nonrevsup.b2b = sum of the docdata b2b IGST/CGST/SGST; the table head = sum of lines
        func amount(_ v: JSONValue?) -> Int64 { v?.amountValue?.paise ?? -1 }
        let allB2B = b2b.flatMap { $0["inv"]!.arrayValue! }
        let igst = allB2B.reduce(Int64(0)) { $0 + amount($1["igst"]) }
        let cgst = allB2B.reduce(Int64(0)) { $0 + amount($1["cgst"]) }
        let nonrev = try #require(d["itcsumm"]?["itcavl"]?["nonrevsup"])
        // Each line carries `txval`, the table's own heads do not (the official itcavl.nonrevsup example).
        #expect(nonrev["b2b"]?["txval"] != nil && nonrev["txval"] == nil)
        #expect(amount(nonrev["b2b"]?["igst"]) == igst)
        #expect(amount(nonrev["b2b"]?["cgst"]) == cgst)
        let lines = ["b2b", "b2ba", "cdnr", "cdnra", "ecom", "ecoma"]
        // Lines nothing landed on are left out (the official example's), so they count zero here.
        #expect(amount(nonrev["igst"]) == lines.reduce(Int64(0)) { $0 + max(0, amount(nonrev[$1]?["igst"])) })
        #expect(d["itcsumm"]?["itcunavl"] == [:], "no ITC-ineligible document: no table")
        // cpsumm rows sum their supplier's documents
        let cp = try #require(d["cpsumm"]?["b2b"]?.arrayValue?.first { $0["ctin"] == .string(TestWorld.supplier.value) })
        #expect(cp["ttldocs"] == 3)
        let supplierInvs = supplierGroup["inv"]!.arrayValue!
        #expect(amount(cp["txval"]) == supplierInvs.reduce(Int64(0)) { $0 + amount($1["txval"]) })
    }

    @Test func regenerationReflectsIMSActions() throws {
        let before = get("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10")
        #expect(before.inner?["data"]?["docdata"]?["b2b"] != nil)
        let save = post("/gst/compliance/tax-payer/invoices/status/save",
                        IMSRouteTests.body(#""b2b":[\#(IMSRouteTests.record("INV-1", action: "R")),\#(IMSRouteTests.record("INV-2", action: "P"))]"#))
        #expect(save.statusCD == "1")
        // the 2B stays as generated until regenerated
        let unchanged = get("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10")
        #expect(unchanged.inner == before.inner)
        let regen = post("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10/regenerate")
        let id = try #require(regen.inner?["reference_id"]?.stringValue)
        #expect(get("/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=\(id)").inner?["status_cd"] == "P")
        let after = try #require(get("/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10").inner?["data"])
        let docdata = after["docdata"]?["b2b"]?.arrayValue?.flatMap { $0["inv"]!.arrayValue!.map { $0["inum"]!.stringValue! } } ?? []
        #expect(!docdata.contains("INV-1"))
        #expect(!docdata.contains("INV-2"))  // pending: left out
        let rej = after["docRejdata"]?["b2b"]?.arrayValue?.flatMap { $0["inv"]!.arrayValue!.map { $0["inum"]!.stringValue! } } ?? []
        #expect(rej.contains("INV-1"))
        let rejected = try #require(after["docRejdata"]?["b2b"]?.arrayValue?.flatMap { $0["inv"]!.arrayValue! }.first { $0["inum"] == "INV-1" })
        #expect(rejected["itcavl"] == "N")
        #expect(rejected["imsStatus"] == "R")
    }

    @Test func largeTwoBIsPaged() throws {
        let paged = Harness(TestWorld.seed(pageSize: 4))
        let t = paged.taxpayerToken()
        let summary = try #require(paged.send(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10", headers: Harness.auth(t)).inner?["data"])
        let fc = try #require(summary["fc"]?.intValue)
        #expect(fc == 3)  // 11 docdata + 1 rejected at 4 per file
        #expect(summary["docdata"] == nil)
        #expect(summary["itcsumm"] != nil)
        var seen: [String] = []
        for n in 1...fc {
            let page = try #require(paged.send(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10?file_number=\(n)", headers: Harness.auth(t)).inner?["data"])
            #expect(page["fc"]?.intValue == fc)
            for key in ["docdata", "docRejdata"] {
                for (_, groups) in page[key]?.objectValue ?? [:] {
                    for g in groups.arrayValue! {
                        seen += (g["inv"] ?? g["nt"])!.arrayValue!.map { ($0["inum"] ?? $0["ntnum"])!.stringValue! }
                    }
                }
            }
        }
        #expect(seen.count == 12)
        #expect(Set(seen).count == 12)
        #expect(paged.send(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10?file_number=4", headers: Harness.auth(t)).status == 422)
        #expect(paged.send(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10?file_number=x", headers: Harness.auth(t)).status == 422)
    }
}
