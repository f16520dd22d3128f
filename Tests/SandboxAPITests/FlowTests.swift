import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// Whole journeys through the routes, in-process.
@Suite struct FlowTests {
    /// authenticate → OTP → verify → IMS get → save A/R/P across sections → poll → regenerate
    /// (IMS2B009 on the early period, success on the ready one) → poll → GSTR-2B shows the effects with
    /// totals equal to the documents' sums.
    @Test func imsToGSTR2B() throws {
        let h = Harness()
        let t = h.taxpayerToken()
        let auth = Harness.auth(t)
        let list = h.send(.get, "/gst/compliance/tax-payer/invoices?section=B2B", headers: auth)
        #expect(list.inner?["b2b"]?.arrayValue?.isEmpty == false)
        let save = h.send(.post, "/gst/compliance/tax-payer/invoices/status/save", headers: auth, body: IMSRouteTests.body([
            #""b2b":[\#(IMSRouteTests.record("INV-1", action: "A")),\#(IMSRouteTests.record("INV-2", action: "R")),\#(IMSRouteTests.record("L-10", supplier: TestWorld.localSupplier, action: "P"))]"#,
            #""b2bcn":[{"action":"R","camt":0,"cess":0,"iamt":9,"inv_typ":"R","nt_dt":"18-10-2024","nt_num":"CN-1","pos":"27","prev_status":"N","rtnprd":"102024","samt":0,"srcform":"R1","stin":"\#(TestWorld.supplier.value)","txval":50,"val":59}]"#,
            #""ecom":[{"action":"A","camt":2.7,"cess":0,"iamt":0,"idt":"21-10-2024","inum":"E-1","pos":"27","prev_status":"N","rtnprd":"102024","samt":2.7,"srcform":"R1","stin":"\#(TestWorld.localSupplier.value)","txval":300,"val":305.4}]"#,
        ].joined(separator: ",")))
        let id = try #require(save.inner?["reference_id"]?.stringValue)
        let status = h.send(.get, "/gst/compliance/tax-payer/invoices/status?reference_id=\(id)", headers: auth)
        #expect(status.inner?["status_cd"] == "P")
        #expect(status.inner?["proc_cnt"] == "5")
        let counts = h.send(.get, "/gst/compliance/tax-payer/invoices/count?type_of_goods=others", headers: auth).inner?["all_oth"]
        #expect(counts?["b2b"] == ["accept": 1, "noaction": 2, "pending": 2, "reject": 2])
        #expect(counts?["b2bcn"] == ["accept": 0, "noaction": 0, "pending": 0, "reject": 1])

        let early = h.send(.post, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/11/regenerate", headers: auth)
        #expect(early.errorCode == "IMS2B009")
        let regen = h.send(.post, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10/regenerate", headers: auth)
        let rid = try #require(regen.inner?["reference_id"]?.stringValue)
        #expect(h.send(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=\(rid)", headers: auth).inner?["status_cd"] == "P")

        let twoB = try #require(h.send(.get, "/gst/compliance/tax-payer/gstrs/gstr-2b/2024/10", headers: auth).inner?["data"])
        func docs(_ key: String) -> [JSONValue] {
            (twoB[key]?.objectValue ?? [:]).values.flatMap { $0.arrayValue!.flatMap { ($0["inv"] ?? $0["nt"])!.arrayValue! } }
        }
        func number(_ d: JSONValue) -> String { (d["inum"] ?? d["ntnum"])!.stringValue! }
        let accepted = Set(docs("docdata").map(number)), rejected = Set(docs("docRejdata").map(number))
        #expect(accepted.contains("INV-1") && accepted.contains("E-1") && accepted.contains("INV-3"))
        #expect(rejected == ["INV-2", "CN-1", "L-12"])
        #expect(!accepted.contains("L-10") && !rejected.contains("L-10"))  // pending: out
        // totals are the documents' sums: every docdata document's tax lands in exactly one itcavl line
        func paise(_ v: JSONValue?) -> Int64 { v?.amountValue?.paise ?? 0 }
        let itcavl = try #require(twoB["itcsumm"]?["itcavl"])
        var lineSum: Int64 = 0
        for table in ["nonrevsup", "revsup", "othersup", "isdsup", "imports"] {
            for (key, value) in itcavl[table]?.objectValue ?? [:] where value.objectValue != nil {
                _ = key
                lineSum += paise(value["igst"]) + paise(value["cgst"]) + paise(value["sgst"]) + paise(value["cess"])
            }
        }
        let docSum = docs("docdata").filter { $0["itcavl"] == "Y" }.reduce(Int64(0)) {
            $0 + paise($1["igst"]) + paise($1["cgst"]) + paise($1["sgst"]) + paise($1["cess"])
        }
        #expect(lineSum == docSum)
        // Each line's `txval` is the taxable value of the documents counted there.
        var lineTaxable: Int64 = 0
        for table in ["nonrevsup", "revsup", "othersup", "isdsup", "imports"] {
            for (_, value) in itcavl[table]?.objectValue ?? [:] where value.objectValue != nil { lineTaxable += paise(value["txval"]) }
        }
        #expect(lineTaxable == docs("docdata").filter { $0["itcavl"] == "Y" }.reduce(Int64(0)) { $0 + paise($1["txval"]) })
    }

    /// The user's seed request (seeds/001): the documented save body with `remarks`, `itcRedReq` and the
    /// `decl*` amounts, against a world holding those eight records as accepted.
    @Test func seedSaveRequestIsProcessed() throws {
        let rtin = GSTIN("24SHUBH3221U1Z1")!, stin = GSTIN("24MAYAS0100J1JD")!
        func doc(_ s: IMSSection, _ number: String, _ date: String, pos: String, original: (String, String)? = nil) -> Document {
            let d = CivilDate(ddmmyyyy: date)!
            return Document(key: DocumentKey(section: s, supplier: stin, number: number), recipient: rtin, date: d,
                            originalNumber: original?.0, originalDate: original.flatMap { CivilDate(ddmmyyyy: $0.1) },
                            placeOfSupply: StateCode(pos)!,
                            items: [LineItem(number: 1, rate: TaxRate(percent: 18), taxableValue: Amount(rupees: 100),
                                             igst: Amount(rupees: 20), cgst: Amount(rupees: 20), sgst: Amount(rupees: 20), cess: .zero)],
                            filing: SupplierFiling(form: .gstr1, period: ReturnPeriod(mmyyyy: "012023")!, filed: true, filedOn: nil),
                            ims: IMSRecordState(status: .accepted))
        }
        let seed = WorldSeed(
            credentials: TenantCredentials(sandboxKeys: [TestWorld.apiKey: TestWorld.apiSecret]),
            taxpayers: [Taxpayer(gstin: rtin, tradeName: "Shubh", username: "shubh", otp: "575757")],
            documents: [
                doc(.b2b, "b1", "23-01-2023", pos: "24"), doc(.b2ba, "b1a", "24-02-2023", pos: "07", original: ("ab2", "24-02-2023")),
                doc(.b2bdn, "dn2", "24-02-2023", pos: "07"), doc(.b2bdna, "dn2", "24-02-2023", pos: "07", original: ("ca2", "24-02-2023")),
                doc(.b2bcn, "dn2", "24-02-2023", pos: "07"), doc(.b2bcna, "dn2", "24-02-2023", pos: "07", original: ("ca2", "24-02-2023")),
                doc(.ecom, "sd3", "24-02-2023", pos: "07"), doc(.ecoma, "sd3", "24-02-2023", pos: "07", original: ("get5", "24-02-2023")),
            ],
            clock: .fixed(epochMilliseconds: TestWorld.now), idSeed: 7)
        let h = Harness(seed)
        let t = h.taxpayerToken(gstin: rtin, username: "shubh", otp: "575757")
        let body = VendorFixtures.examples["seed001.save.request.json"]!
        let r = h.send(.post, "/gst/compliance/tax-payer/invoices/status/save", headers: Harness.auth(t), body: body)
        #expect(r.headers["X-Sandbox-Schema-Violation"] == nil)
        let id = try #require(r.inner?["reference_id"]?.stringValue)
        let s = h.send(.get, "/gst/compliance/tax-payer/invoices/status?reference_id=\(id)", headers: Harness.auth(t))
        #expect(s.inner == ["err_cd": "", "err_msg": "", "proc_cnt": "8", "status_cd": "P", "transTypCd": "SAV"])
        // remarks are kept
        let remarks = h.tenant.read { $0.documents[DocumentKey(section: .b2b, supplier: stin, number: "b1")]?.ims.remarks }
        #expect(remarks == "Business to business changes")
    }

    /// Many concurrent saves on one tenant lose no update: each flips its own record, all are applied.
    @Test func concurrentSavesLoseNoUpdate() async throws {
        let recipient = TestWorld.recipient
        var documents: [Document] = []
        for i in 0..<200 {
            documents.append(TestWorld.document(.b2b, from: TestWorld.supplier, number: "C-\(i)", date: TestWorld.date(10, 10), taxable: 10_000))
        }
        var seed = TestWorld.seed()
        seed.documents = documents
        let h = Harness(seed)
        let t = h.taxpayerToken()
        let ids = await withTaskGroup(of: String?.self) { group in
            for i in 0..<200 {
                group.addTask {
                    let r = h.send(.post, "/gst/compliance/tax-payer/invoices/status/save", headers: Harness.auth(t),
                                   body: IMSRouteTests.body(#""b2b":[\#(IMSRouteTests.record("C-\(i)", action: i % 2 == 0 ? "A" : "R"))]"#))
                    return r.inner?["reference_id"]?.stringValue
                }
            }
            var out: [String] = []
            for await id in group { if let id { out.append(id) } }
            return out
        }
        #expect(Set(ids).count == 200)
        let counts = h.send(.get, "/gst/compliance/tax-payer/invoices/count?type_of_goods=others", headers: Harness.auth(t)).inner?["all_oth"]?["b2b"]
        #expect(counts == ["accept": 100, "noaction": 0, "pending": 0, "reject": 100])
        _ = recipient
    }
}
