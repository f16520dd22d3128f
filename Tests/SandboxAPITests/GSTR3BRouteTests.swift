import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// GSTR-3B through Sandbox's routes: save → return status (R3B), the return, and filing as state —
/// filing removes the period's accepted/rejected records from IMS and makes 2B regeneration IMS2B007.
@Suite struct GSTR3BRouteTests {
    static let base = "/gst/compliance/tax-payer/gstrs"

    /// TestWorld with the recipient's October GSTR-1 filed (so its October GSTR-3B can be filed).
    static func seed() -> WorldSeed {
        var s = TestWorld.seed()
        s.taxpayers[0].gstr1Filed = [TestWorld.october]
        return s
    }

    static func imsNumbers(_ h: Harness, _ auth: [(String, String)]) -> [String] {
        let r = h.send(.get, "/gst/compliance/tax-payer/invoices?section=B2B", headers: auth)
        return (r.inner?["b2b"]?.arrayValue ?? []).compactMap { $0["inum"]?.stringValue }
    }

    @Test func filingRemovesDecidedRecordsAndBlocksRegeneration() throws {
        let h = Harness(Self.seed())
        let auth = Harness.auth(h.taxpayerToken())
        // Accept INV-1 through IMS; L-12 is rejected, L-11 pending.
        let save = h.send(.post, "/gst/compliance/tax-payer/invoices/status/save", headers: auth,
                          body: IMSRouteTests.body(#""b2b":[\#(IMSRouteTests.record("INV-1", action: "A"))]"#))
        let ims = try #require(save.inner?["reference_id"]?.stringValue)
        #expect(h.send(.get, "/gst/compliance/tax-payer/invoices/status?reference_id=\(ims)", headers: auth).inner?["status_cd"] == "P")
        #expect(Set(Self.imsNumbers(h, auth)).isSuperset(of: ["INV-1", "INV-2", "L-10", "L-11", "L-12"]))
        #expect(h.send(.post, "\(Self.base)/gstr-2b/2024/10/regenerate", headers: auth).inner?["reference_id"] != nil)

        // Refusals change nothing.
        #expect(h.send(.post, "\(Self.base)/gstr-3b/2024/10/file?otp=123456", headers: auth).status == 400)
        #expect(h.send(.post, "\(Self.base)/gstr-3b/2024/10/file?pan=ABCDE1234F", headers: auth).status == 400)
        #expect(h.send(.post, "\(Self.base)/gstr-3b/2024/10/file?pan=ABC&otp=123456", headers: auth).status == 422)
        let early = h.send(.post, "\(Self.base)/gstr-3b/2024/11/file?pan=ABCDE1234F&otp=123456", headers: auth)
        #expect(early.errorCode == "RT-R3BQ1004")
        #expect(early.errorMessage == "You have not filed GSTR-1 of the selected tax period. Please file the same to enable filing of GSTR-3B.")
        #expect(h.tenant.read { $0.isGSTR3BFiled(gstin: TestWorld.recipient, period: TestWorld.october) } == false)

        // The recipe's EVC OTP, then filing with the taxpayer's PAN and OTP. Nothing to pay (the
        // recipient issued nothing in October): filing settles the return (GSTR3BPaymentTests pay one).
        let pan = TestWorld.recipient.pan
        #expect(h.send(.post, "\(Self.base)/gstr-3b/2024/10/file?pan=\(pan)&otp=\(TestWorld.recipientOTP)", headers: auth).errorCode == "AUTH4033")
        #expect(h.send(.post, "/gst/compliance/tax-payer/evc/otp?gstr=gstr-3b", headers: auth, body: #"{"pan":"\#(pan)"}"#).status == 200)
        #expect(h.send(.post, "\(Self.base)/gstr-3b/2024/10/file?pan=ABCDE1234F&otp=\(TestWorld.recipientOTP)", headers: auth).errorCode == "OTP0010")
        let filed = h.send(.post, "\(Self.base)/gstr-3b/2024/10/file?pan=\(pan)&otp=\(TestWorld.recipientOTP)", headers: auth, body: "{}")
        #expect(filed.status == 200)
        #expect(filed.data?.sortedKeys == ["data", "status_cd"])
        #expect(filed.data?["status_cd"] == "1")   // a string, as GSTR-3B's documented file success (GSTR-1's is a number)
        #expect(ShapeComparer.differences(filed.json, OfficialExamples.parse(OfficialExamples.gstr3bFile)) == [])
        let ack = try #require(filed.data?["data"]?["ack_num"]?.stringValue)
        // "AB2410242527396 19/11/2024 16:23" in the official example: the number, then the IST date and time.
        let parts = ack.split(separator: " ")
        #expect(parts.count == 3 && parts[0].hasPrefix("AA271024") && parts[0].count == 15)
        #expect(parts.count == 3 && CivilDate(ddmmyyyy: String(parts[1])) != nil && parts[2].count == 5 && parts[2].dropFirst(2).first == ":")

        // Accepted INV-1 and rejected L-12 left IMS; no-action and pending records stay.
        let after = Self.imsNumbers(h, auth)
        #expect(!after.contains("INV-1") && !after.contains("L-12"))
        #expect(Set(after).isSuperset(of: ["INV-2", "INV-3", "L-10", "L-11"]))
        // Regeneration is refused as documented.
        let regen = h.send(.post, "\(Self.base)/gstr-2b/2024/10/regenerate", headers: auth)
        #expect(regen.errorCode == "IMS2B007" && regen.errorMessage == "Either the entered ITC period is incorrect or it has 3B filed")
        // A second filing, or a save after filing: RET00009.
        let again = h.send(.post, "\(Self.base)/gstr-3b/2024/10/file?pan=ABCDE1234F&otp=123456", headers: auth)
        #expect(again.errorCode == "RET00009" && again.errorMessage == "Return Form already filed" && again.statusCD == "0")
        let lateSave = h.send(.post, "\(Self.base)/gstr-3b/2024/10", headers: auth, body: #"{"gstin":"\#(TestWorld.recipient.value)","ret_period":"102024"}"#)
        #expect(lateSave.errorCode == "RET00009")
    }

    static func draft(period: String = "102024") -> String {
        #"""
        {"gstin":"\#(TestWorld.recipient.value)","ret_period":"\#(period)",
         "sup_details":{"osup_det":{"txval":1000,"iamt":180,"camt":0,"samt":0,"csamt":0}},
         "itc_elg":{"itc_net":{"iamt":50.5,"camt":1,"samt":1,"csamt":0}}}
        """#
    }

    @Test func saveIsAJobPolledThroughTheReturnStatus() throws {
        let h = Harness(Self.seed())
        let auth = Harness.auth(h.taxpayerToken())
        let auto = h.send(.get, "\(Self.base)/gstr-3b/2024/10", headers: auth)
        #expect(auto.statusCD == "1")
        // The official GET example's keys (reference/sandbox-official/gstr3b_details.200.json).
        #expect(auto.inner?.sortedKeys == ["gstin", "inter_sup", "intr_ltfee", "inward_sup", "itc_elg", "ret_period", "sup_details", "tx_pmt"])
        #expect(auto.inner?["inward_sup"]?["isup_details"]?.arrayValue?.compactMap { $0["ty"]?.stringValue } == ["GST", "NONGST"])
        for line in ["isup_rev", "osup_det", "osup_nil_exmp", "osup_nongst", "osup_zero"] {
            #expect(auto.inner?["sup_details"]?[line]?.sortedKeys == ["camt", "csamt", "iamt", "samt", "txval"])
        }
        #expect(auto.inner?["itc_elg"]?.sortedKeys == ["itc_avl", "itc_inelg", "itc_net", "itc_rev"])
        #expect(auto.inner?["itc_elg"]?["itc_avl"]?.arrayValue?.compactMap { $0["ty"]?.stringValue } == ["IMPG", "IMPS", "ISRC", "ISD", "OTH"])
        #expect(auto.inner?["sup_details"]?.sortedKeys == ["isup_rev", "osup_det", "osup_nil_exmp", "osup_nongst", "osup_zero"])
        // Auto-populated ITC is the October GSTR-2B's net available ITC.
        let net = h.tenant.write { s -> TaxTotals? in
            if case .available(let b) = s.gstr2b(recipient: TestWorld.recipient, period: TestWorld.october) { return b.itcSummary.netAvailable }
            return nil
        }
        #expect(auto.inner?["itc_elg"]?["itc_net"]?["iamt"]?.scalarText == net?.igst.description)
        // 4(A)(5) is the gross ITC and 4(B)(2) the credit notes reversed: 4(C) = 4(A) − 4(B).
        let reversed = h.tenant.write { s -> TaxTotals? in
            if case .available(let b) = s.gstr2b(recipient: TestWorld.recipient, period: TestWorld.october) { return b.itcSummary.available.total(of: .othersup) }
            return nil
        }
        let oth = auto.inner?["itc_elg"]?["itc_avl"]?.arrayValue?.last, rev = auto.inner?["itc_elg"]?["itc_rev"]?.arrayValue?.last
        #expect(rev?["iamt"]?.scalarText == reversed?.igst.description)
        #expect(oth?["iamt"]?.scalarText == net.flatMap { n in reversed.map { (n + $0).igst.description } })

        let body = Self.draft()
        let saved = h.send(.post, "\(Self.base)/gstr-3b/2024/10", headers: auth, body: body)
        let id = try #require(saved.inner?["reference_id"]?.stringValue)
        #expect(id.count == 36 && id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])   // a UUID, as the official example
        let status = h.send(.get, "\(Self.base)/2024/10/status?reference_id=\(id)", headers: auth)
        // The documented "GSTR-3B save processed" data.
        #expect(status.inner == (try JSONParser.parse(#"{"action":"SAVE","form_typ":"R3B","status_cd":"P"}"#)))
        let got = h.send(.get, "\(Self.base)/gstr-3b/2024/10", headers: auth).inner
        #expect(got?["sup_details"]?["osup_det"]?["txval"]?.scalarText == "1000")
        #expect(got?["sup_details"]?["osup_det"]?["iamt"]?.scalarText == "180")
        #expect(got?["itc_elg"]?["itc_net"]?["iamt"]?.scalarText == "50.5")

        // Another period in the body: accepted as a job that ends ER RET191106; nothing stored.
        let wrong = h.send(.post, "\(Self.base)/gstr-3b/2024/10", headers: auth, body: Self.draft(period: "112024"))
        let wrongID = try #require(wrong.inner?["reference_id"]?.stringValue)
        let er = h.send(.get, "\(Self.base)/2024/10/status?reference_id=\(wrongID)", headers: auth)
        #expect(er.inner == (try JSONParser.parse(
            #"{"action":"SAVE","error_report":{"error_cd":"RET191106","error_msg":"Error in Json structure validation."},"form_typ":"R3B","status_cd":"ER"}"#)))
        #expect(h.send(.get, "\(Self.base)/gstr-3b/2024/10", headers: auth).inner == got)
        // Not JSON → 422 and no job; status without / with an unknown id.
        #expect(h.send(.post, "\(Self.base)/gstr-3b/2024/10", headers: auth, body: "{").status == 422)
        #expect(h.send(.get, "\(Self.base)/2024/10/status", headers: auth).status == 400)
        #expect(h.send(.get, "\(Self.base)/2024/10/status?reference_id=nope", headers: auth).errorCode == "IMS0008")
        // An IMS job's id is not a return job.
        let imsSave = h.send(.post, "/gst/compliance/tax-payer/invoices/status/save", headers: auth,
                             body: IMSRouteTests.body(#""b2b":[\#(IMSRouteTests.record("INV-2", action: "A"))]"#))
        let imsID = try #require(imsSave.inner?["reference_id"]?.stringValue)
        #expect(h.send(.get, "\(Self.base)/2024/10/status?reference_id=\(imsID)", headers: auth).errorCode == "IMS0008")
    }

    /// GSTN shows no GSTR-3B before the period's GSTR-1 is filed: GET and SAVE answer RT-R3BQ1004.
    @Test func gstr3bWaitsForTheGSTR1() throws {
        let h = Harness()
        let auth = Harness.auth(h.taxpayerToken())
        #expect(h.send(.get, "\(Self.base)/gstr-3b/2024/10", headers: auth).errorCode == "RT-R3BQ1004")
        #expect(h.send(.post, "\(Self.base)/gstr-3b/2024/10", headers: auth, body: Self.draft()).errorCode == "RT-R3BQ1004")
    }

    @Test func returnStatusWhileTheJobRuns() throws {
        var seed = TestWorld.seed(jobTiming: .afterPolls(1))
        seed.taxpayers[0].gstr1Filed = [TestWorld.october]
        let h = Harness(seed)
        let auth = Harness.auth(h.taxpayerToken())
        let saved = h.send(.post, "\(Self.base)/gstr-3b/2024/10", headers: auth, body: "{}")
        let id = try #require(saved.inner?["reference_id"]?.stringValue)
        #expect(h.send(.get, "\(Self.base)/2024/10/status?reference_id=\(id)", headers: auth).inner
            == (try JSONParser.parse(#"{"action":"SAVE","form_typ":"R3B","status_cd":"REC"}"#)))
        #expect(h.send(.get, "\(Self.base)/2024/10/status?reference_id=\(id)", headers: auth).inner?["status_cd"] == "P")
    }
}
