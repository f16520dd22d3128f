import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// GSTR-1 save → status → the counterparty's IMS → proceed → EVC OTP → file, and every documented
/// error of those routes, driven from state.
@Suite struct GSTR1ReturnRouteTests {
    let h: Harness
    let token: String
    static let t = "/gst/compliance/tax-payer"

    init() { self.init(timing: .onFirstPoll) }
    init(timing: JobTiming) {
        h = Harness(TestWorld.seed(jobTiming: timing))
        token = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
    }

    func send(_ method: HTTPMethod, _ path: String, body: String = "") -> Reply {
        h.send(method, Self.t + path, headers: Harness.auth(token), body: body)
    }

    static func b2b(_ inum: String, date: String = "05-11-2024", pos: String = "27", taxable: String = "1000",
                    ctin: GSTIN = TestWorld.recipient, flag: String? = nil) -> String {
        let f = flag.map { #""flag":"\#($0)","# } ?? ""
        return #"{"ctin":"\#(ctin.value)","inv":[{\#(f)"inum":"\#(inum)","idt":"\#(date)","val":1180,"pos":"\#(pos)","rchrg":"N","inv_typ":"R","itms":[{"num":1,"itm_det":{"rt":18,"txval":\#(taxable),"iamt":180,"csamt":0}}]}]}"#
    }

    static let at = #"[{"pos":"29","sply_ty":"INTRA","itms":[{"rt":5,"ad_amt":100,"camt":2.5,"samt":2.5,"csamt":0}]}]"#
    static let b2cl = #"[{"pos":"07","inv":[{"inum":"CL-1","idt":"06-11-2024","val":300000,"itms":[{"num":1,"itm_det":{"rt":5,"txval":285714.29,"iamt":14285.71}}]}]},{"pos":"05","inv":[{"inum":"CL-2","idt":"07-11-2024","val":262500,"itms":[{"num":1,"itm_det":{"rt":5,"txval":250000,"iamt":12500}}]}]}]"#
    static let hsn = #"{"data":[{"num":1,"hsn_sc":"998399","desc":"Fees","uqc":"NA","qty":0,"txval":2000,"iamt":360,"camt":0,"samt":0,"csamt":0}]}"#
    static let nilSection = #"{"inv":[{"sply_ty":"INTRB2B","expt_amt":10,"nil_amt":20,"ngsup_amt":30},{"sply_ty":"INTRB2C","expt_amt":1,"nil_amt":2,"ngsup_amt":3}]}"#
    static let docIssue = #"{"doc_det":[{"doc_num":1,"docs":[{"num":1,"from":"1","to":"20","totnum":20,"cancel":3,"net_issue":17}]}]}"#

    func save(_ sections: String, period: String = "2024/11") -> String? {
        let r = send(.post, "/gstrs/gstr-1/\(period)", body: #"{"gstin":"\#(TestWorld.supplier.value)","fp":"\#(period.split(separator: "/").reversed().joined())",\#(sections)}"#)
        #expect(r.statusCD == "1", "\(r.text)")
        return r.inner?["reference_id"]?.stringValue
    }

    func status(_ id: String, period: String = "2024/11") -> Reply { send(.get, "/gstrs/\(period)/status?reference_id=\(id)") }

    func imsNumbers() -> [String] {
        let recipient = h.taxpayerToken()
        let r = h.send(.get, Self.t + "/invoices?section=b2b", headers: Harness.auth(recipient))
        return r.inner?["b2b"]?.arrayValue?.filter { $0["stin"]?.stringValue == TestWorld.supplier.value }.map { $0["inum"]!.stringValue! } ?? []
    }

    @Test func saveStatusIMSFileFlow() throws {
        let id = try #require(save(#""b2b":[\#(Self.b2b("NEW-1"))],"at":\#(Self.at),"b2cl":\#(Self.b2cl),"hsn":\#(Self.hsn),"nil":\#(Self.nilSection),"doc_issue":\#(Self.docIssue)"#))
        #expect(isUUID(id))
        let s = status(id)
        #expect(ShapeComparer.differences(s.json, VendorFixtures.gstr1Example("gst_return_status.gstr1_save_processed.response.json")) == [])
        #expect(s.inner?["status_cd"] == "P")

        // The counterparty's IMS shows it: No Action, from GSTR-1, this period, not filed yet.
        let recipient = h.taxpayerToken()
        let ims = h.send(.get, Self.t + "/invoices?section=b2b", headers: Harness.auth(recipient))
        let record = try #require(ims.inner?["b2b"]?.arrayValue?.first { $0["inum"] == "NEW-1" })
        #expect(record["action"] == "N")
        #expect(record["srcform"] == "R1")
        #expect(record["rtnprd"] == "112024")
        #expect(record["srcfilstatus"] == "Not Filed")
        #expect(record["stin"] == .string(TestWorld.supplier.value))

        // The supplier's own views.
        let b2b = send(.get, "/gstrs/gstr-1/b2b/2024/11")
        #expect(b2b.inner?["b2b"]?[0]?["inv"]?[0]?["inum"] == "NEW-1")
        let at = send(.get, "/gstrs/gstr-1/at/2024/11")
        #expect(at.inner?["at"]?[0]?["pos"] == "29")
        #expect(at.inner?["at"]?[0]?["chksum"]?.stringValue?.count == 64)
        #expect(send(.get, "/gstrs/gstr-1/doc-issue/2024/11").inner?["doc_issue"]?["doc_det"]?[0]?["doc_num"] == 1)

        // Summary: totals are sums of what was saved.
        let sum = try #require(send(.get, "/gstrs/gstr-1/2024/11").inner)
        #expect(sum["ret_period"] == "112024")
        #expect(sum["gstin"] == .string(TestWorld.supplier.value))
        let secs = try #require(sum["sec_sum"]?.arrayValue)
        func sec(_ n: String) -> JSONValue? { secs.first { $0["sec_nm"]?.stringValue == n } }
        #expect(secs.count == 30, "every section, empty ones too")
        #expect(sec("B2B")?["ttl_rec"] == 1)
        #expect(sec("B2B")?["ttl_tax"] == 1000)
        #expect(sec("B2B")?["ttl_igst"] == 180)
        #expect(sec("B2B_4A")?["ttl_val"] == 1180, "a regular invoice without reverse charge is table 4A")
        #expect(sec("B2B_4B")?["ttl_rec"] == 0)
        #expect(sec("B2B")?["cpty_sum"] == nil && sec("B2B_4A")?["cpty_sum"] == nil, "counterparties only in the long layout")
        #expect(sec("AT")?["ttl_tax"] == 100)
        #expect(sec("AT")?["ttl_cgst"] == .number(JSONNumber(text: "2.5")!))
        #expect(sec("NIL")?["ttl_nilsup_amt"] == 22)
        #expect(sec("NIL")?["ttl_rec"] == 1, "one NIL object, as in the official example")
        #expect(sec("DOC_ISSUE")?["net_doc_issued"] == 17)
        #expect(sec("HSN")?["ttl_igst"] == 360)
        #expect(sec("HSN")?["ttl_val"] == 0, "HSN has no value, as in the official example")
        #expect(sec("TXPD")?["chksum"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(sec("TTL_LIAB")?["chksum"] == sum["chksum"])
        #expect(sec("TTL_LIAB")?["ttl_tax"] == .number(JSONNumber(text: "536814.29")!), "B2B 1000 + AT 100 + B2CL 535714.29")
        #expect(sum["smryTyp"] == nil)
        // The long layout: counterparties of B2B_4A by ctin, of B2CL by place of supply.
        let long = try #require(send(.get, "/gstrs/gstr-1/2024/11?summary_type=long").inner)
        #expect(long["smryTyp"] == "L")
        let longSecs = try #require(long["sec_sum"]?.arrayValue)
        let b2b4A = longSecs.first { $0["sec_nm"] == "B2B_4A" }
        #expect(b2b4A?["cpty_sum"]?[0]?["ctin"] == .string(TestWorld.recipient.value))
        #expect(longSecs.first { $0["sec_nm"] == "B2CL" }?["cpty_sum"]?.arrayValue?.compactMap { $0["state_cd"]?.stringValue } == ["05", "07"])
        #expect(send(.get, "/gstrs/gstr-1/2024/11?summary_type=short").status == 422)

        // Proceed, EVC OTP, file.
        #expect(send(.post, "/gstrs/gstr-1/2024/11/proceed").statusCD == "1")
        let evc = send(.post, "/evc/otp?gstr=gstr-1", body: #"{"pan":"\#(TestWorld.supplier.pan)"}"#)
        #expect(ShapeComparer.differences(evc.json, VendorFixtures.gstr1Example("auth_evc_otp.200.response.json")) == [])
        let filed = send(.post, "/gstrs/gstr-1/2024/11/file?pan=\(TestWorld.supplier.pan)&otp=\(TestWorld.supplierOTP)", body: "{}")
        #expect(ShapeComparer.differences(filed.json, VendorFixtures.gstr1Example("gstr1_file.200.response.json")) == [])
        #expect(filed.json["data"]?["status_cd"] == 1)
        #expect(filed.inner?["ack_num"]?.stringValue?.isEmpty == false)

        let state = h.tenant.read { $0 }
        #expect(state.taxpayers[TestWorld.supplier]?.gstr1Filed.contains(TestWorld.november) == true)
        let doc = try #require(state.documents[DocumentKey(section: .b2b, supplier: TestWorld.supplier, number: "NEW-1")])
        #expect(doc.filing.filed)
        let after = h.send(.get, Self.t + "/invoices?section=b2b", headers: Harness.auth(recipient))
        #expect(after.inner?["b2b"]?.arrayValue?.first { $0["inum"] == "NEW-1" }?["srcfilstatus"] == "Filed")

        // Once filed: AUTH117 on save, RT_FIL_02 on file, RET00009 on new-proceed.
        let late = send(.post, "/gstrs/gstr-1/2024/11", body: #"{"b2b":[\#(Self.b2b("NEW-2"))]}"#)
        #expect(late.errorCode == "AUTH117")
        #expect(ShapeComparer.differences(late.json, VendorFixtures.gstr1Example("gstr1_save.AUTH117.response.json")) == [])
        #expect(late.errorMessage == "GSTR1 is already filed for current period")
        _ = send(.post, "/evc/otp?gstr=gstr-1", body: #"{"pan":"\#(TestWorld.supplier.pan)"}"#)
        let again = send(.post, "/gstrs/gstr-1/2024/11/file?pan=\(TestWorld.supplier.pan)&otp=\(TestWorld.supplierOTP)")
        #expect(again.errorCode == "RT_FIL_02")
        #expect(ShapeComparer.differences(again.json, VendorFixtures.gstr1Example("gstr1_file.RT_FIL_02.response.json")) == [])
        let np = send(.post, "/gstrs/gstr-1/2024/11/new-proceed?is_nil=N")
        #expect(np.errorCode == "RET00009")
        #expect(ShapeComparer.differences(np.json, VendorFixtures.gstr1Example("gstr_new_proceed.RET00009.response.json")) == [])
        #expect(!imsNumbers().contains("NEW-2"))
    }

    @Test func invalidDatesAndPOSAreProcessedWithErrors() throws {
        // 18 months before 11/2024 is 05/2023: 30-04-2023 is too old; a note dated in December is after the period.
        let note = #"{"ctin":"\#(TestWorld.recipient.value)","nt":[{"ntty":"C","nt_num":"CN-9","nt_dt":"02-12-2024","val":118,"pos":"27","rchrg":"N","inv_typ":"R","itms":[{"num":1,"itm_det":{"rt":18,"txval":100,"iamt":18}}]}]}"#
        let badAt = #"[{"pos":"99","sply_ty":"INTER","itms":[{"rt":5,"ad_amt":100,"iamt":5}]}]"#
        let id = try #require(save(#""b2b":[\#(Self.b2b("OLD-1", date: "30-04-2023")),\#(Self.b2b("OK-1"))],"cdnr":[\#(note)],"at":\#(badAt)"#))
        let s = status(id)
        #expect(s.inner?["status_cd"] == "PE")
        let report = try #require(s.inner?["error_report"])
        #expect(report["b2b"]?[0]?["error_cd"] == "RET191114")
        #expect(report["b2b"]?[0]?["ctin"] == .string(TestWorld.recipient.value))
        #expect(report["b2b"]?[0]?["inv"]?[0]?["inum"] == "OLD-1")
        #expect(report["cdnr"]?[0]?["error_cd"] == "RET191115")
        #expect(report["cdnr"]?[0]?["error_msg"] == "Date is Invalid. Date of note cannot exceed the current tax period .")
        #expect(report["at"]?[0]?["error_msg"] == "Invalid POS")
        let documented = VendorFixtures.gstr1Example("gst_return_status.gstr1_save_processed_with_error.response.json")
        #expect(ShapeComparer.differences(s.json, documented, ignoring: ["error_report"]) == [])
        let documentedReport = try #require(documented["data"]?["data"]?["error_report"])
        // The documented example mixes older payload versions (cdnr notes with idt/inum/p_gst/rsn, etin).
        let older: Set<String> = ["etin", "p_gst", "rsn", "idt", "inum", "pos", "rchrg", "inv_typ", "camt", "samt", "csamt"]
        for k in ["b2b", "cdnr", "at"] {
            #expect(ShapeComparer.differences(report[k]!, documentedReport[k]!, path: k, ignoring: older) == [])
        }
        // The good record went through; the refused ones did not.
        #expect(imsNumbers().contains("OK-1"))
        #expect(!imsNumbers().contains("OLD-1"))
        #expect(send(.get, "/gstrs/gstr-1/at/2024/11").errorCode == "RET11416")
        #expect(send(.get, "/gstrs/gstr-1/cdnr/2024/11").errorCode == "RET11416")
    }

    /// RET191175 as documented: an invoice line whose rate is not in the rate list is refused (PE), so
    /// no document comes out of a save that a scenario file could not hold.
    @Test func aRateOutsideTheListIsRET191175() throws {
        let invoice = #"{"inum":"RT-1","idt":"05-11-2024","val":118,"pos":"27","rchrg":"N","inv_typ":"R","itms":[{"num":1,"itm_det":{"rt":0.18,"txval":100,"iamt":18}}]}"#
        let id = try #require(save(#""b2b":[{"ctin":"\#(TestWorld.recipient.value)","inv":[\#(invoice)]}]"#))
        let s = status(id)
        #expect(s.inner?["status_cd"] == "PE")
        let documented = VendorFixtures.gstr1Example("gst_return_status.RET191175.response.json")
        #expect(ShapeComparer.differences(s.json, documented, ignoring: ["isEdit"]) == [])
        #expect(s.inner?["error_report"]?["b2b"]?[0]?["error_msg"] == "Do enter the correct rate as per the rate list.")
        #expect(!imsNumbers().contains("RT-1"))
    }

    @Test func malformedSaveIsERAndChangesNothing() throws {
        let before = h.tenant.read { ($0.documents.all, $0.gstr1Returns) }
        for body in [#""b2b":[{"ctin":"27BAD","inv":[]}]"#, #""at":[{"pos":"7","sply_ty":"INTER","itms":[]}]"#, #""bogus":[]"#,
                     #""hsn":{"data":[{"num":1}]}"#] {
            let id = try #require(save(body))
            let s = status(id)
            #expect(s.inner?["status_cd"] == "ER")
            #expect(ShapeComparer.differences(s.json, VendorFixtures.gstr1Example("gst_return_status.RET191106.response.json")) == [])
            #expect(s.inner?["error_report"]?["error_cd"] == "RET191106")
        }
        let raw = send(.post, "/gstrs/gstr-1/2024/11", body: #"{"b2b":[{"ctin":"\#(TestWorld.recipient.value)","inv":[{"inum":"X","idt":"2024-11-05"}]}]}"#)
        #expect(raw.statusCD == "1")
        #expect(raw.headers["X-Sandbox-Schema-Violation"]?.hasPrefix("b2b[0].inv[0]") == true)
        let after = h.tenant.read { ($0.documents.all, $0.gstr1Returns) }
        #expect(before.0 == after.0)
        #expect(before.1 == after.1)
        #expect(send(.post, "/gstrs/gstr-1/2024/11", body: "not json").status == 422)
        #expect(send(.get, "/gstrs/2024/11/status?reference_id=nope").errorCode == "IMS0008")
        #expect(send(.get, "/gstrs/2024/11/status").status == 400)
    }

    /// Advances adjusted (`txpd`, `txpda`): saved as the official save example writes them, read back under
    /// the save's keys (GET `…/txp`, `…/txpa`), in the summary's TXPD/TXPDA, and taken off TTL_LIAB.
    @Test func advancesAdjusted() throws {
        let txpd = #"[{"pos":"05","sply_ty":"INTER","diff_percent":0.65,"itms":[{"rt":5,"ad_amt":100,"iamt":5,"csamt":0}]}]"#
        let txpda = #"[{"omon":"102024","pos":"05","sply_ty":"INTER","itms":[{"rt":5,"ad_amt":40,"iamt":2,"csamt":0}]}]"#
        let id = try #require(save(#""b2b":[\#(Self.b2b("NEW-1"))],"txpd":\#(txpd),"txpda":\#(txpda)"#))
        #expect(status(id).inner?["status_cd"] == "P")
        let txp = send(.get, "/gstrs/gstr-1/txp/2024/11")
        let record = try #require(txp.inner?["txpd"]?[0])
        #expect(record["pos"] == "05" && record["itms"]?[0]?["ad_amt"] == 100 && record["chksum"]?.stringValue?.count == 64)
        #expect(send(.get, "/gstrs/gstr-1/txpa/2024/11").inner?["txpda"]?[0]?["omon"] == "102024")
        #expect(send(.get, "/gstrs/gstr-1/txp/2024/10").errorCode == "RET11416")
        let secs = try #require(send(.get, "/gstrs/gstr-1/2024/11").inner?["sec_sum"]?.arrayValue)
        func sec(_ n: String) -> JSONValue? { secs.first { $0["sec_nm"]?.stringValue == n } }
        #expect(sec("TXPD")?["ttl_rec"] == 1 && sec("TXPD")?["ttl_tax"] == 100 && sec("TXPD")?["ttl_igst"] == 5)
        #expect(sec("TXPDA")?["act_tax"] == 40)
        #expect(sec("TTL_LIAB")?["ttl_tax"] == 900, "B2B 1000 less the 100 adjusted")
    }

    /// Supplies through e-commerce operators (`supeco`, `supecoa`), saved from the official save example's
    /// rows: kept per table and operator, a later row of the same operator replacing the first.
    @Test func suppliesThroughOperators() throws {
        let supeco = #"{"clttx":[{"etin":"20ALYPD6528PQC5","suppval":10000,"igst":1000,"cgst":0,"sgst":0,"cess":0,"flag":"E"}],"paytx":[{"etin":"20ALYPD6528PQC5","suppval":500,"igst":90,"cgst":0,"sgst":0,"cess":0}]}"#
        let supecoa = #"{"clttxa":[{"oetin":"20ALYPD6528PQC5","etin":"20ALYPD6528PQC5","suppval":10000,"igst":1000,"cgst":0,"sgst":0,"cess":0,"omon":"052023"}]}"#
        #expect(send(.get, "/gstrs/gstr-1/supeco/2024/11").errorCode == "RETWEB_04")
        #expect(send(.get, "/gstrs/gstr-1/supeco/2024/11").errorMessage == "No invoices found!!")
        let id = try #require(save(#""b2b":[\#(Self.b2b("NEW-1"))],"supeco":\#(supeco),"supecoa":\#(supecoa)"#))
        #expect(status(id).inner?["status_cd"] == "P")
        let got = try #require(send(.get, "/gstrs/gstr-1/supeco/2024/11").inner?["supeco"])
        #expect(got.sortedKeys == ["clttx", "paytx"])
        #expect(got["clttx"]?[0]?.sortedKeys == ["cess", "cgst", "etin", "igst", "sgst", "suppval"])
        #expect(got["paytx"]?[0]?["suppval"] == 500)
        #expect(send(.get, "/gstrs/gstr-1/supecoa/2024/11").inner?["supecoa"]?["clttxa"]?[0]?["omon"] == "052023")
        // The same operator again in the same table: replaced, not added.
        let again = #"{"clttx":[{"etin":"20ALYPD6528PQC5","suppval":20000,"igst":2000}]}"#
        _ = try #require(save(#""supeco":\#(again)"#))
        let replaced = send(.get, "/gstrs/gstr-1/supeco/2024/11").inner?["supeco"]?["clttx"]?.arrayValue
        #expect(replaced?.count == 1 && replaced?.first?["suppval"] == 20000)
        // A table the section does not have fails the save's structure check.
        let bad = try #require(save(#""supeco":{"b2b":[]}"#))
        #expect(status(bad).inner?["status_cd"] == "ER")
    }

    /// Supplies on which the operator pays the tax (`ecom`, `ecoma`), in the parts Sandbox's save example
    /// uses: invoices regrouped by their parties, rate rows flat, each with a checksum on reading.
    @Test func operatorPaidSupplies() throws {
        let ecom = #"{"b2b":[{"inv":[{"val":1180,"itms":[{"num":1,"itm_det":{"rt":18,"txval":1000,"iamt":180}}],"inv_typ":"R","flag":"N","pos":"32","idt":"12-11-2024","inum":"EC-1","sply_ty":"INTER"},{"val":590,"itms":[{"num":1,"itm_det":{"rt":18,"txval":500,"iamt":90}}],"inv_typ":"R","flag":"N","pos":"32","idt":"13-11-2024","inum":"EC-2","sply_ty":"INTER"}],"rtin":"32KLJIP1179C1ZF","stin":"33CBCHE8993D1Z5"}],"b2c":[{"stin":"33CBCHE8993D1Z5","csamt":0,"samt":0,"rt":1,"flag":"N","pos":"04","txval":1000,"camt":0,"iamt":10,"sply_ty":"INTER"}],"urp2c":[{"csamt":0,"samt":0,"rt":1,"flag":"N","pos":"04","txval":200,"camt":0,"iamt":2,"sply_ty":"INTER"}]}"#
        let ecoma = #"{"b2ca":[{"pos":"07","posItms":[{"flag":"N","omon":"062024","sply_ty":"INTER","stin":"33CBCHE8993D1Z5","itms":[{"rt":1.5,"txval":300,"iamt":4.5}]}]}]}"#
        #expect(send(.get, "/gstrs/gstr-1/ecom/2024/11").errorCode == "RET11417")
        let id = try #require(save(#""ecom":\#(ecom),"ecoma":\#(ecoma)"#))
        #expect(status(id).inner?["status_cd"] == "P", "\(status(id).text)")
        let got = try #require(send(.get, "/gstrs/gstr-1/ecom/2024/11").inner?["ecom"])
        #expect(got.sortedKeys == ["b2b", "b2c", "urp2c"])
        let group = try #require(got["b2b"]?[0])
        #expect(group.sortedKeys == ["inv", "rtin", "stin"] && group["inv"]?.arrayValue?.count == 2)
        #expect(group["inv"]?[0]?["chksum"]?.stringValue?.count == 64 && group["inv"]?[0]?["flag"] == nil)
        #expect(got["b2c"]?[0]?["chksum"] != nil && got["urp2c"]?[0]?["txval"] == 200)
        let amended = try #require(send(.get, "/gstrs/gstr-1/ecoma/2024/11").inner?["ecoma"]?["b2ca"]?[0])
        #expect(amended["pos"] == "07" && amended["posItms"]?[0]?["omon"] == "062024")
        // A part the section does not have, or an invoice without its number, fails the structure check.
        #expect(status(try #require(save(#""ecom":{"b2ba":[]}"#))).inner?["status_cd"] == "ER")
    }

    @Test func sectionsAndStateCodeFilter() throws {
        _ = try #require(save(#""b2cl":\#(Self.b2cl),"b2cs":[{"sply_ty":"INTER","pos":"05","typ":"OE","rt":5,"txval":110,"iamt":5.5}]"#))
        let all = send(.get, "/gstrs/gstr-1/b2cl/2024/11")
        #expect(all.inner?["b2cl"]?.arrayValue?.map { $0["pos"]!.stringValue! } == ["07", "05"])
        let only = send(.get, "/gstrs/gstr-1/b2cl/2024/11?state_code=05")
        #expect(only.inner?["b2cl"]?.arrayValue?.count == 1)
        #expect(only.inner?["b2cl"]?[0]?["inv"]?[0]?["inum"] == "CL-2")
        #expect(send(.get, "/gstrs/gstr-1/b2cl/2024/11?state_code=09").errorCode == "RET11416")
        #expect(send(.get, "/gstrs/gstr-1/b2cl/2024/11?state_code=x").status == 422)
        #expect(send(.get, "/gstrs/gstr-1/b2cs/2024/11").inner?["b2cs"]?[0]?["txval"] == 110)
        for s in ["ata", "b2cla", "b2csa", "cdnur", "cdnura", "exp", "expa", "nil", "hsn", "doc-issue", "cdnra"] {
            let r = send(.get, "/gstrs/gstr-1/\(s)/2024/11")
            // Exports answer their own documented code.
            #expect(r.errorCode == (s.hasPrefix("exp") ? "RET11417" : "RET11416"), "\(s)")
            #expect(ShapeComparer.differences(r.json, VendorFixtures.example("gstr1_b2b.RET11416.response.json")) == [])
        }
        // The seed's October notes come from the world's documents.
        let cdnr = send(.get, "/gstrs/gstr-1/cdnr/2024/10")
        #expect(Set(cdnr.inner?["cdnr"]?[0]?["nt"]?.arrayValue?.map { $0["nt_num"]!.stringValue! } ?? []) == ["DN-1", "CN-1"])
        #expect(send(.get, "/gstrs/gstr-1/cdnra/2024/10").inner?["cdnra"]?[0]?["nt"]?[0]?["ont_num"] != nil)
        // A delete flag removes a saved record, an edit replaces it.
        _ = try #require(save(#""b2cl":[{"pos":"07","inv":[{"flag":"D","inum":"CL-1","idt":"06-11-2024","val":1,"itms":[{"num":1,"itm_det":{"rt":5,"txval":1}}]}]}]"#))
        #expect(send(.get, "/gstrs/gstr-1/b2cl/2024/11").inner?["b2cl"]?.arrayValue?.map { $0["pos"]!.stringValue! } == ["05"])
    }

    @Test func proceedErrors() {
        let first = send(.post, "/gstrs/gstr-1/2024/11/proceed", body: #"{"gstin":"\#(TestWorld.supplier.value)","ret_period":"112024"}"#)
        #expect(ShapeComparer.differences(first.json, VendorFixtures.gstr1Example("gstr_proceed.200.response.json"), ignoring: ["timestamp"]) == [])
        let again = send(.post, "/gstrs/gstr-1/2024/11/proceed")
        #expect(again.errorCode == "RET00003")
        #expect(ShapeComparer.differences(again.json, VendorFixtures.gstr1Example("gstr_proceed.RET00003.response.json")) == [])
        #expect(send(.post, "/gstrs/gstr-1/2024/11/new-proceed").errorCode == "RET00003")
        let bad = send(.post, "/gstrs/gstr-9x/2024/11/new-proceed")
        #expect(bad.errorCode == "AUTH154")
        #expect(ShapeComparer.differences(bad.json, VendorFixtures.gstr1Example("gstr_new_proceed.AUTH154.response.json")) == [])
        #expect(send(.post, "/gstrs/gstr-1/2024/11/new-proceed?is_nil=maybe").status == 422)
        #expect(send(.post, "/gstrs/gstr-1/2024/11/proceed", body: #"{"ret_period":"102024"}"#).status == 422)
        // A save after proceeding puts the return back to saved: proceed works again.
        _ = save(#""b2b":[\#(Self.b2b("P-1"))]"#)
        #expect(send(.get, "/gstrs/2024/11/status?reference_id=x").errorCode == "IMS0008")
        #expect(send(.post, "/gstrs/gstr-1/2024/11/new-proceed?is_nil=N").statusCD == "1")
    }

    @Test func operationsAreRegistered() {
        let ops = Set(SandboxRoutes.routes().map(\.operation))
        let mine = ["gstr1.at", "gstr1.ata", "gstr1.b2cl", "gstr1.b2cla", "gstr1.b2cs", "gstr1.b2csa", "gstr1.cdnr", "gstr1.cdnra",
                    "gstr1.cdnur", "gstr1.cdnura", "gstr1.exp", "gstr1.expa", "gstr1.nil", "gstr1.hsn", "gstr1.doc-issue",
                    "gstr1.summary", "gstr1.save", "gstr1.reset", "returns.status", "returns.proceed", "returns.new-proceed",
                    "taxpayer.evc.otp", "gstr1.file"]
        #expect(mine.filter { !ops.contains($0) } == [])
    }

    @Test func evcAndFileErrors() {
        let wrong = send(.post, "/evc/otp?gstr=gstr-1", body: #"{"pan":"ABCDE1234F"}"#)
        #expect(wrong.errorCode == "OTP0010")
        #expect(ShapeComparer.differences(wrong.json, VendorFixtures.gstr1Example("auth_evc_otp.OTP0010.response.json")) == [])
        #expect(send(.post, "/evc/otp", body: #"{"pan":"\#(TestWorld.supplier.pan)"}"#).status == 400)
        #expect(send(.post, "/evc/otp?gstr=gstr-1", body: "{}").status == 400)
        let pan = TestWorld.supplier.pan
        // No EVC OTP requested yet.
        #expect(send(.post, "/gstrs/gstr-1/2024/08/file?pan=\(pan)&otp=\(TestWorld.supplierOTP)").errorCode == "AUTH4033")
        _ = send(.post, "/evc/otp?gstr=gstr-1", body: #"{"pan":"\#(pan)"}"#)
        #expect(send(.post, "/gstrs/gstr-1/2024/08/file?pan=\(pan)&otp=000000").errorCode == "AUTH4033")
        #expect(send(.post, "/gstrs/gstr-1/2024/08/file?pan=ABCDE1234F&otp=\(TestWorld.supplierOTP)").errorCode == "OTP0010")
        let nothing = send(.post, "/gstrs/gstr-1/2024/08/file?pan=\(pan)&otp=\(TestWorld.supplierOTP)")
        #expect(nothing.errorCode == "RT_FIL_10")
        #expect(ShapeComparer.differences(nothing.json, VendorFixtures.gstr1Example("gstr1_file.RT_FIL_10.response.json")) == [])
        #expect(send(.post, "/gstrs/gstr-1/2024/08/file?pan=\(pan)").status == 400)
        #expect(h.tenant.read { $0.isGSTR1Filed(supplier: TestWorld.supplier, period: TestWorld.august) } == false)
        // The EVC OTP expires after 10 minutes.
        h.advanceClock(by: SandboxAPIContext.otpLifetime)
        #expect(send(.post, "/gstrs/gstr-1/2024/10/file?pan=\(pan)&otp=\(TestWorld.supplierOTP)").errorCode == "AUTH4033")
    }
}

/// Reset while jobs wait for a poll: RET191251 for a second reset, ER RET191251 for a save in between,
/// REC while running.
@Suite struct GSTR1ResetTests {
    let s = GSTR1ReturnRouteTests(timing: .afterPolls(1))

    @Test func resetInProgressAndAfter() throws {
        let saveID = try #require(s.save(#""b2b":[\#(GSTR1ReturnRouteTests.b2b("R-1"))],"at":\#(GSTR1ReturnRouteTests.at)"#))
        #expect(s.status(saveID).inner?["status_cd"] == "REC")
        #expect(s.status(saveID).inner?["status_cd"] == "P")
        #expect(s.imsNumbers().contains("R-1"))

        let reset = s.send(.post, "/gstrs/gstr-1/2024/11/reset", body: #"{"gstin":"\#(TestWorld.supplier.value)","ret_period":"112024"}"#)
        #expect(ShapeComparer.differences(reset.json, VendorFixtures.gstr1Example("gstr1_reset.200.response.json")) == [])
        let resetID = try #require(reset.inner?["reference_id"]?.stringValue)
        let busy = s.send(.post, "/gstrs/gstr-1/2024/11/reset")
        #expect(busy.errorCode == "RET191251")
        #expect(ShapeComparer.differences(busy.json, VendorFixtures.gstr1Example("gstr1_reset.RET191251.response.json")) == [])
        let during = try #require(s.save(#""at":\#(GSTR1ReturnRouteTests.at)"#))

        let running = s.status(resetID)
        #expect(ShapeComparer.differences(running.json, VendorFixtures.gstr1Example("gst_return_status.reset_request_received.response.json")) == [])
        let done = s.status(resetID)
        #expect(ShapeComparer.differences(done.json, VendorFixtures.gstr1Example("gst_return_status.gstr1_reset_processed.response.json")) == [])
        #expect(done.inner?["action"] == "RESET")
        #expect(done.inner?["status_cd"] == "P")

        _ = s.status(during)
        let refused = s.status(during)
        #expect(ShapeComparer.differences(refused.json, VendorFixtures.gstr1Example("gst_return_status.RET191251.response.json")) == [])
        #expect(refused.inner?["error_report"]?["error_cd"] == "RET191251")

        #expect(!s.imsNumbers().contains("R-1"))
        #expect(s.send(.get, "/gstrs/gstr-1/at/2024/11").errorCode == "RET11416")
        #expect(s.send(.get, "/gstrs/gstr-1/b2b/2024/11").errorCode == "RET11416")
        // The reset is done: another may start.
        #expect(s.send(.post, "/gstrs/gstr-1/2024/11/reset").statusCD == "1")
    }
}
