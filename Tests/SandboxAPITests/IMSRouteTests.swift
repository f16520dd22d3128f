import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

@Suite struct IMSRouteTests: TaxpayerRouteSuite {
    let h = Harness()
    let token: String
    init() { token = h.taxpayerToken() }

    // MARK: GET invoices

    @Test func b2bInvoicesMatchTheDocumentedRecord() throws {
        let r = get("/gst/compliance/tax-payer/invoices?section=B2B")
        #expect(r.status == 200)
        #expect(r.statusCD == "1")
        let example = VendorFixtures.example("ims_get_invoices.b2b.response.json")
        #expect(ShapeComparer.differences(r.json, example) == [])
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("ims_get_invoices.200.schema.json")) == [])
        let records = try #require(r.inner?["b2b"]?.arrayValue)
        #expect(records.count == 7)  // S-2 (September, no action) stays in IMS after the 3B filing; S-1 (accepted) left
        let inv1 = try #require(records.first { $0["inum"] == "INV-1" })
        #expect(inv1["action"] == "N")
        #expect(inv1["iamt"] == .number(JSONNumber(text: "719.82")!))
        #expect(inv1["txval"] == 3999)
        #expect(inv1["val"] == .number(JSONNumber(text: "4718.82")!))
        #expect(inv1["camt"] == 0)
        #expect(inv1["idt"] == "05-10-2024")
        #expect(inv1["pos"] == "27")
        #expect(inv1["rtnprd"] == "102024")
        #expect(inv1["srcfilstatus"] == "Filed")
        #expect(inv1["srcform"] == "R1")
        #expect(inv1["stin"] == .string(TestWorld.supplier.value))
        #expect(inv1["inv_typ"] == "R")
        #expect(inv1["hash"]?.stringValue?.utf8.count == 64)
        let inv3 = try #require(records.first { $0["inum"] == "INV-3" })
        #expect(inv3["ispendactblocked"] == "Y")
        let local = try #require(records.first { $0["inum"] == "L-10" })
        #expect(local["camt"] == local["samt"])
        #expect(local["iamt"] == 0)
    }

    @Test(arguments: [
        ("B2B", "b2b"), ("b2ba", "b2ba"), ("CN", "b2bcn"), ("cna", "b2bcna"), ("DN", "b2bdn"), ("DNA", "b2bdna"),
        ("ECOM", "ecom"), ("ecoma", "ecoma"), ("b2bcn", "b2bcn"), ("B2BDNA", "b2bdna"),
    ])
    func everySectionAndItsRecordFields(section: String, key: String) throws {
        let r = get("/gst/compliance/tax-payer/invoices?section=\(section)")
        let records = try #require(r.inner?[key]?.arrayValue)
        #expect(records.count == 1 || key == "b2b")
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("ims_get_invoices.200.schema.json")) == [])
        let s = IMSSection(rawValue: key)!
        var expected: Set<String> = ["action", "camt", "cess", "hash", "iamt", "ispendactblocked", "pos", "rtnprd", "samt",
                                     "srcfilstatus", "srcform", "stin", "txval", "val"]
        expected.formUnion(s.isNote ? ["nt_num", "nt_dt"] : ["inum", "idt"])
        if s != .ecom && s != .ecoma { expected.insert("inv_typ") }
        if s.isAmendment { expected.formUnion(s.isNote ? ["ont_num", "ont_dt"] : ["oinum", "oidt"]) }
        for record in records { #expect(Set(record.objectValue!.keys) == expected) }
    }

    @Test func statusFilter() throws {
        let accepted = get("/gst/compliance/tax-payer/invoices?section=b2b&status=accepted")
        #expect(accepted.inner?["b2b"]?.arrayValue?.count == 0)
        let pending = get("/gst/compliance/tax-payer/invoices?section=b2b&status=pending")
        #expect(pending.inner?["b2b"]?.arrayValue?.map { $0["inum"]!.stringValue! } == ["L-11"])
        let rejected = get("/gst/compliance/tax-payer/invoices?section=b2b&status=rejected")
        #expect(rejected.inner?["b2b"]?.arrayValue?.map { $0["inum"]!.stringValue! } == ["L-12"])
        let none = get("/gst/compliance/tax-payer/invoices?section=b2b&status=no_action_taken")
        #expect(none.inner?["b2b"]?.arrayValue?.count == 5)
        let bad = get("/gst/compliance/tax-payer/invoices?section=b2b&status=done")
        #expect(bad.status == 422)
        let badSection = get("/gst/compliance/tax-payer/invoices?section=ISD")
        #expect(badSection.status == 422)
        let missing = get("/gst/compliance/tax-payer/invoices")
        #expect(missing.status == 400)
    }

    // MARK: Count

    @Test func countMatchesTheExample() {
        let r = get("/gst/compliance/tax-payer/invoices/count?type_of_goods=others")
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("ims_invoice_count.200.response.json")) == [])
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("ims_invoice_count.200.schema.json")) == [])
        let all = r.inner?["all_oth"]
        #expect(all?["b2b"] == ["accept": 0, "noaction": 5, "pending": 1, "reject": 1])
        #expect(all?["b2bcn"] == ["accept": 0, "noaction": 1, "pending": 0, "reject": 0])
        #expect(all?["ttl_cnt"] == 14)
        let imports = get("/gst/compliance/tax-payer/invoices/count?type_of_goods=imports")
        #expect(imports.inner?["all_oth"]?["ttl_cnt"] == 0)
        #expect(get("/gst/compliance/tax-payer/invoices/count").status == 400)
        #expect(get("/gst/compliance/tax-payer/invoices/count?type_of_goods=gold").status == 422)
    }

    // MARK: Save, reset, status

    static func record(_ inum: String, supplier: GSTIN = TestWorld.supplier, action: String? = "A", prev: String = "N",
                       extra: String = "", taxable: String = "3999", pos: String = "27") -> String {
        let a = action.map { #""action":"\#($0)","# } ?? ""
        return #"{\#(a)"camt":0,"cess":0,"iamt":719.82,"idt":"05-10-2024","inum":"\#(inum)","inv_typ":"R","pos":"\#(pos)","prev_status":"\#(prev)","rtnprd":"102024","samt":0,"srcform":"R1","stin":"\#(supplier.value)","txval":\#(taxable),"val":4718.82\#(extra)}"#
    }

    static func body(_ sections: String, type: String = "SAVE", rtin: GSTIN = TestWorld.recipient) -> String {
        #"{"rtin":"\#(rtin.value)","reqtyp":"\#(type)","invdata":{\#(sections)}}"#
    }

    @Test func saveAcceptsThenStatusIsProcessed() throws {
        let r = post("/gst/compliance/tax-payer/invoices/status/save", Self.body(#""b2b":[\#(Self.record("INV-1")),\#(Self.record("INV-2", action: "R"))]"#))
        #expect(r.status == 200)
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("ims_save.200.response.json")) == [])
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("ims_save_invoice_status.200.schema.json")) == [])
        #expect(r.headers["X-Sandbox-Schema-Violation"] == nil)
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        #expect(id.utf8.count == 15)

        let s = get("/gst/compliance/tax-payer/invoices/status?reference_id=\(id)")
        #expect(ShapeComparer.differences(s.json, VendorFixtures.example("ims_status.processed.response.json")) == [])
        #expect(SchemaChecker.check(s.json, against: VendorFixtures.schema("ims_check_invoice_status.200.schema.json")) == [])
        #expect(SchemaChecker.check(s.inner!, against: VendorFixtures.schema("docs-data.invoices_status.GET-IMS-STATUS.json")) == [])
        #expect(s.inner == ["err_cd": "", "err_msg": "", "proc_cnt": "2", "status_cd": "P", "transTypCd": "SAV"])

        let accepted = get("/gst/compliance/tax-payer/invoices?section=b2b&status=accepted")
        #expect(accepted.inner?["b2b"]?.arrayValue?.map { $0["inum"]!.stringValue! } == ["INV-1"])
        #expect(ShapeComparer.differences(accepted.json, VendorFixtures.example("ims_get_invoices.b2b_accepted.response.json")) == [])
        let rejected = get("/gst/compliance/tax-payer/invoices?section=b2b&status=rejected")
        #expect(rejected.inner?["b2b"]?.arrayValue?.count == 2)
    }

    @Test func processedWithErrorsReportsByKeyAndSupplier() throws {
        let sections = [
            #""b2b":[\#(Self.record("INV-1", prev: "A")),\#(Self.record("INV-2")),\#(Self.record("INV-3", action: "P")),\#(Self.record("NOPE-9")),\#(Self.record("L-10", supplier: TestWorld.localSupplier, prev: "R"))]"#,
            #""b2bdn":[{"action":"A","camt":0,"cess":0,"iamt":18,"inv_typ":"R","nt_dt":"16-10-2024","nt_num":"DN-1","pos":"27","prev_status":"A","rtnprd":"102024","samt":0,"srcform":"R1","stin":"\#(TestWorld.supplier.value)","txval":100,"val":118}]"#,
        ].joined(separator: ",")
        let r = post("/gst/compliance/tax-payer/invoices/status/save", Self.body(sections))
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        let s = get("/gst/compliance/tax-payer/invoices/status?reference_id=\(id)")
        let example = VendorFixtures.example("ims_status.processed_with_error.response.json")
        // same keys except the documented example's `dn` section key: ours uses the invdata keys (b2bdn).
        #expect(ShapeComparer.differences(s.json, example, ignoring: ["dn", "b2bdn"]) == [])
        #expect(SchemaChecker.check(s.json, against: VendorFixtures.schema("ims_check_invoice_status.200.schema.json")) == [])
        #expect(SchemaChecker.check(s.inner!, against: VendorFixtures.schema("docs-data.invoices_status.GET-IMS-STATUS.json")) == [])
        let d = try #require(s.inner)
        #expect(d["status_cd"] == "PE")
        #expect(d["proc_cnt"] == "1")
        #expect(d["err_cnt"] == "5")
        #expect(d["err_cd"] == "")
        #expect(d["transTypCd"] == "SAV")
        let b2b = try #require(d["error_report"]?["b2b"]?.arrayValue)
        // INV-1 (prev A ≠ N) → IMSSAV0010; INV-3 pending blocked; NOPE-9 not found; L-10 other supplier
        let mismatch = try #require(b2b.first { $0["error_cd"] == "IMSSAV0010" && $0["stin"] == .string(TestWorld.supplier.value) })
        #expect(mismatch["error_msg"] == "Either previous action is incorrect/ invoice might have edited by supplier")
        #expect(mismatch["inv"] == [["inum": "INV-1", "rtnprd": "102024"]])
        #expect(b2b.contains { $0["error_cd"] == "IMSSAV0012" && $0["inv"] == [["inum": "INV-3", "rtnprd": "102024"]] })
        #expect(b2b.contains { $0["error_cd"] == "IMSSAV0011" && $0["inv"] == [["inum": "NOPE-9", "rtnprd": "102024"]] })
        #expect(b2b.contains { $0["error_cd"] == "IMSSAV0010" && $0["stin"] == .string(TestWorld.localSupplier.value) })
        let dn = try #require(d["error_report"]?["b2bdn"]?.arrayValue)
        #expect(dn == [["error_cd": "IMSSAV0010", "error_msg": "Either previous action is incorrect/ invoice might have edited by supplier",
                        "inv": [["inum": "DN-1", "rtnprd": "102024"]], "stin": .string(TestWorld.supplier.value)]])
        // only INV-2 changed
        let accepted = get("/gst/compliance/tax-payer/invoices?section=b2b&status=accepted")
        #expect(accepted.inner?["b2b"]?.arrayValue?.map { $0["inum"]!.stringValue! } == ["INV-2"])
    }

    @Test func schemaViolationEndsERAndChangesNothing() throws {
        let before = get("/gst/compliance/tax-payer/invoices/count?type_of_goods=others").inner
        let bad = post("/gst/compliance/tax-payer/invoices/status/save",
                       Self.body(#""b2b":[\#(Self.record("INV-1", pos: "99"))]"#))
        #expect(bad.status == 200)
        #expect(bad.headers["X-Sandbox-Schema-Violation"] == "$.invdata.b2b[0].pos: must be a state code 01-38, 96 or 97")
        let id = try #require(bad.inner?["reference_id"]?.stringValue)
        let s = get("/gst/compliance/tax-payer/invoices/status?reference_id=\(id)")
        let example = VendorFixtures.example("ims_status.IMSSAV005.response.json")
        #expect(ShapeComparer.differences(s.json, example) == [])
        #expect(s.inner == example["data"]?["data"])
        #expect(get("/gst/compliance/tax-payer/invoices/count?type_of_goods=others").inner == before)
    }

    @Test(arguments: [
        ("another rtin", body(#""b2b":[\#(record("INV-1"))]"#, rtin: TestWorld.other)),
        ("reqtyp RESET on save", body(#""b2b":[\#(record("INV-1"))]"#, type: "RESET")),
        ("empty invdata", body("")),
        ("unknown section", body(#""isd":[\#(record("INV-1"))]"#)),
        ("empty section", body(#""b2b":[]"#)),
        ("missing prev_status", body(#""b2b":[\#(record("INV-1").replacing(#""prev_status":"N","#, with: ""))]"#)),
        ("action N", body(#""b2b":[\#(record("INV-1", action: "N"))]"#)),
        ("no action", body(#""b2b":[\#(record("INV-1", action: nil))]"#)),
        ("extra property", body(#""b2b":[\#(record("INV-1", extra: #","flag":"x""#))]"#)),
        ("three decimals", body(#""b2b":[\#(record("INV-1", taxable: "1.005"))]"#)),
        ("negative", body(#""b2b":[\#(record("INV-1", taxable: "-1"))]"#)),
        ("amount as string", body(#""b2b":[\#(record("INV-1", taxable: "\"10\""))]"#)),
        ("bad stin", body(#""b2b":[\#(record("INV-1").replacing(TestWorld.supplier.value, with: "12345"))]"#)),
        ("bad date", body(#""b2b":[\#(record("INV-1").replacing("05-10-2024", with: "31-02-2024"))]"#)),
        ("bad inum", body(#""b2b":[\#(record("INV_1"))]"#)),
        ("zero inum", body(#""b2b":[\#(record("000"))]"#)),
        ("bad rtnprd", body(#""b2b":[\#(record("INV-1").replacing("102024", with: "132024"))]"#)),
        ("itcRedReq on b2b", body(#""b2b":[\#(record("INV-1", extra: #","itcRedReq":"Y""#))]"#)),
        ("not an object", #"[1,2]"#),
    ])
    func everySchemaViolationIsIMSSAV005(_ name: String, _ body: String) throws {
        let r = post("/gst/compliance/tax-payer/invoices/status/save", body)
        #expect(r.status == 200, "\(name)")
        #expect(r.headers["X-Sandbox-Schema-Violation"] != nil, "\(name)")
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        let s = get("/gst/compliance/tax-payer/invoices/status?reference_id=\(id)")
        #expect(s.inner?["err_cd"] == "IMSSAV005", "\(name)")
        #expect(s.inner?["status_cd"] == "ER", "\(name)")
    }

    @Test func malformedJSONIs422() {
        let r = post("/gst/compliance/tax-payer/invoices/status/save", #"{"rtin": }"#)
        #expect(r.status == 422)
        #expect(r.message?.contains("line 1, column 10") == true)
    }

    @Test func resetReturnsRecordsToNoAction() throws {
        _ = post("/gst/compliance/tax-payer/invoices/status/save", Self.body(#""b2b":[\#(Self.record("INV-1"))]"#))
        let r = post("/gst/compliance/tax-payer/invoices/status/reset",
                     Self.body(#""b2b":[\#(Self.record("INV-1", action: nil, prev: "A")),\#(Self.record("L-12", supplier: TestWorld.localSupplier, action: nil, prev: "R"))]"#, type: "RESET"))
        #expect(ShapeComparer.differences(r.json, VendorFixtures.example("ims_reset.200.response.json")) == [])
        #expect(SchemaChecker.check(r.json, against: VendorFixtures.schema("ims_reset_invoice_status.200.schema.json")) == [])
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        let s = get("/gst/compliance/tax-payer/invoices/status?reference_id=\(id)")
        #expect(s.inner == ["err_cd": "", "err_msg": "", "proc_cnt": "2", "status_cd": "P", "transTypCd": "RST"])
        #expect(get("/gst/compliance/tax-payer/invoices?section=b2b&status=no_action_taken").inner?["b2b"]?.arrayValue?.count == 6)
        // a reset record with an action is a schema violation
        let bad = post("/gst/compliance/tax-payer/invoices/status/reset", Self.body(#""b2b":[\#(Self.record("INV-1", prev: "N"))]"#, type: "RESET"))
        let badID = try #require(bad.inner?["reference_id"]?.stringValue)
        let bs = get("/gst/compliance/tax-payer/invoices/status?reference_id=\(badID)")
        #expect(bs.inner?["status_cd"] == "ER")
        #expect(bs.inner?["transTypCd"] == "RST")
    }

    @Test func documentedExampleBodiesValidate() throws {
        // The vendor's own save and reset examples, with rtin set to the session GSTIN.
        for (name, kind) in [("ims_save.request.json", IMSRequestValidator.RequestKind.save), ("ims_reset.request.json", .reset)] {
            guard case .object(var o) = VendorFixtures.example(name) else { Issue.record("not an object"); continue }
            o["rtin"] = .string(TestWorld.recipient.value)
            let result = IMSRequestValidator.validate(.object(o), kind: kind, sessionGSTIN: TestWorld.recipient)
            let items = try result.get()
            #expect(items.count == 8, "\(name)")
        }
    }

    @Test func unknownReferenceIsIMS0008() {
        let r = get("/gst/compliance/tax-payer/invoices/status?reference_id=ffffffffffffff0")
        #expect(r.errorCode == "IMS0008")
        #expect(r.errorMessage == "No records found for requested internal transaction Id")
        #expect(get("/gst/compliance/tax-payer/invoices/status").status == 400)
    }

    @Test func jobInProgressForm() throws {
        let slow = Harness(TestWorld.seed(jobTiming: .afterPolls(1)))
        let t = slow.taxpayerToken()
        let r = slow.send(.post, "/gst/compliance/tax-payer/invoices/status/save", headers: Harness.auth(t),
                          body: Self.body(#""b2b":[\#(Self.record("INV-1"))]"#))
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        let first = slow.send(.get, "/gst/compliance/tax-payer/invoices/status?reference_id=\(id)", headers: Harness.auth(t))
        #expect(first.inner == ["err_cd": "", "err_msg": "", "proc_cnt": "0", "status_cd": "IP", "transTypCd": "SAV"])
        // nothing applied yet
        #expect(slow.send(.get, "/gst/compliance/tax-payer/invoices?section=b2b&status=accepted", headers: Harness.auth(t))
            .inner?["b2b"]?.arrayValue?.count == 0)
        let second = slow.send(.get, "/gst/compliance/tax-payer/invoices/status?reference_id=\(id)", headers: Harness.auth(t))
        #expect(second.inner?["status_cd"] == "P")
    }

    @Test func anotherTaxpayersJobIsUnknown() throws {
        let r = post("/gst/compliance/tax-payer/invoices/status/save", Self.body(#""b2b":[\#(Self.record("INV-1"))]"#))
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        let supplierToken = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
        let s = h.send(.get, "/gst/compliance/tax-payer/invoices/status?reference_id=\(id)", headers: Harness.auth(supplierToken))
        #expect(s.errorCode == "IMS0008")
    }
}
