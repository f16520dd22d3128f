import Dispatch
import Synchronization
import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// Sandbox's GSTR-3B recipe through the routes: save → ledger balance → offset liability → `tx_pmt` →
/// EVC OTP → file, with the ledgers as state. The official offset example pays the official
/// "after offsetting" return exactly, so a world holding that return replays it end to end.
@Suite struct GSTR3BPaymentTests {
    static let base = "/gst/compliance/tax-payer"

    /// TestWorld with the recipient's October GSTR-1 filed and its ledgers opened with `cash` / `itc`.
    static func harness(cash: CashAmounts = .zero, itc: TaxTotals = .zero) -> Harness {
        var s = TestWorld.seed()
        s.taxpayers[0].gstr1Filed = [TestWorld.october]
        s.taxpayers[0].openingBalances = OpeningBalances(cash: cash, credit: itc)
        return Harness(s)
    }

    /// The official "after offsetting" return's figures (table 3.1(a), 3.1(d), 4(C)).
    static let officialReturn = #"""
        {"gstin":"\#(TestWorld.recipient.value)","ret_period":"102024",
         "sup_details":{"osup_det":{"txval":2183112.28,"iamt":376705.19,"camt":8127.33,"samt":8127.33,"csamt":0},
                        "isup_rev":{"txval":100000,"iamt":0,"camt":9000,"samt":9000,"csamt":0}},
         "itc_elg":{"itc_net":{"iamt":218140,"camt":33384,"samt":33384,"csamt":0}}}
        """#

    static func save(_ h: Harness, _ auth: [(String, String)], _ body: String) throws {
        let saved = h.send(.post, "\(base)/gstrs/gstr-3b/2024/10", headers: auth, body: body)
        let id = try #require(saved.inner?["reference_id"]?.stringValue)
        #expect(h.send(.get, "\(base)/gstrs/2024/10/status?reference_id=\(id)", headers: auth).inner?["status_cd"] == "P")
    }

    @Test func theOfficialOffsetPaysTheOfficialReturn() throws {
        // Cash for what the official example pays in cash: IGST 108051 (30002), CGST and SGST 9000 (30003).
        let h = Self.harness(cash: CashAmounts(igst: MinorHeads(tax: Amount(rupees: 108_051)), cgst: MinorHeads(tax: Amount(rupees: 9_000)),
                                               sgst: MinorHeads(tax: Amount(rupees: 9_500))))
        let auth = Harness.auth(h.taxpayerToken())
        let offset = OfficialExamples.offsetRequest
        // Offset before the return is saved: refused, nothing posted.
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth, body: offset).errorCode == "RT-3BOL1001")
        try Self.save(h, auth, Self.officialReturn)

        // The balance the recipe reads: cash, and ITC including the period's own 4(C).
        let bal = h.send(.get, "\(Self.base)/ledgers/bal/2024/10", headers: auth)
        #expect(ShapeComparer.differences(bal.json, OfficialExamples.parse(OfficialExamples.ledgerBalance), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(bal.inner?["itc_bal"]?["igst_bal"]?.scalarText == "218140" && bal.inner?["itc_bal"]?["cgst_bal"]?.scalarText == "33384")
        #expect(bal.inner?["cash_bal"]?["igst"]?["tx"]?.scalarText == "108051" && bal.inner?["cash_bal"]?["sgst_tot_bal"]?.scalarText == "9500")

        // Before payment: tx_py holds the liability in whole rupees.
        let before = h.send(.get, "\(Self.base)/gstrs/gstr-3b/2024/10", headers: auth).inner?["tx_pmt"]
        #expect(before?.sortedKeys == ["pdcash", "pditc", "tx_py"])
        #expect(before?["tx_py"]?[0]?["igst"]?["tx"]?.scalarText == "376705" && before?["tx_py"]?[1]?["cgst"]?["tx"]?.scalarText == "9000")

        let paid = h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth, body: offset)
        #expect(ShapeComparer.differences(paid.json, OfficialExamples.parse(OfficialExamples.offsetDone)) == [])
        #expect(paid.inner?["Message"] == "Payment of tax successfully done")

        // After: tx_pmt is the official one but for GSTN's ledger ids.
        let after = try #require(h.send(.get, "\(Self.base)/gstrs/gstr-3b/2024/10", headers: auth).inner?["tx_pmt"])
        let official = try #require(OfficialExamples.parse(OfficialExamples.gstr3bAfterOffset)["data"]?["data"]?["tx_pmt"])
        #expect(JSONWriter.write(withoutLedgerIDs(after)) == JSONWriter.write(withoutLedgerIDs(official)))
        let id = after["pditc"]?["liab_ldg_id"]?.scalarText
        #expect(id != "0" && id == after["pdcash"]?[0]?["liab_ldg_id"]?.scalarText && id == after["tx_py"]?[0]?["liab_ldg_id"]?.scalarText)

        // The ledgers: credit used up, 500 SGST cash left, nothing owed.
        let ledgers = h.tenant.read { $0.ledgers(of: TestWorld.recipient) }
        #expect(ledgers.creditBalance == .zero)
        #expect(ledgers.cashBalance == CashAmounts(sgst: MinorHeads(tax: Amount(rupees: 500))))
        #expect(ledgers.liabilityBalance == .zero)
        // Paid once: a second offset and a save are refused.
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth, body: offset).errorCode == "RT-3BOL1002")
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10", headers: auth, body: Self.officialReturn).errorCode == "RT-3BOL1002")

        // The three ledgers between two dates, in the official shapes.
        let range = "from=01/10/2024&to=20/11/2024"
        let cash = h.send(.get, "\(Self.base)/ledgers/cash?\(range)", headers: auth)
        #expect(ShapeComparer.differences(cash.json, OfficialExamples.parse(OfficialExamples.cashLedger), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(cash.inner?["tr"]?.arrayValue?.map { $0["tr_typ"]?.stringValue ?? "" } == ["Cr", "Dr", "Dr"])
        #expect(cash.inner?["cl_bal"]?["tot_rng_bal"]?.scalarText == "500")
        let itc = h.send(.get, "\(Self.base)/ledgers/itc?\(range)", headers: auth)
        #expect(ShapeComparer.differences(itc.json, OfficialExamples.parse(OfficialExamples.itcLedger), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(itc.inner?["itcLdgDtls"]?["tr"]?.arrayValue?.map { $0["desc"]?.stringValue ?? "" }
                == ["ITC accrued through - Inputs", "Other than Reverse Charge"])
        let tax = h.send(.get, "\(Self.base)/ledgers/tax/2024/10?\(range)", headers: auth)
        #expect(ShapeComparer.differences(tax.json, OfficialExamples.parse(OfficialExamples.liabilityLedger), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(tax.inner?["tr"]?.arrayValue?.map { ($0["tr_typ"]?.stringValue ?? "") + ($0["dschrg_typ"]?.stringValue ?? "") }
                == ["Dr", "Dr", "Crcredit", "Crcash", "Crcash"])
        #expect(tax.inner?["cl_bal"]?["tot_rng_bal"]?.scalarText == "0" && tax.inner?["fr_dt"] == "102024")

        // EVC OTP, then filing.
        let pan = TestWorld.recipient.pan
        #expect(h.send(.post, "\(Self.base)/evc/otp?gstr=gstr-3b", headers: auth, body: #"{"pan":"\#(pan)"}"#).status == 200)
        let filed = h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/file?pan=\(pan)&otp=\(TestWorld.recipientOTP)", headers: auth)
        #expect(filed.data?["data"]?["ack_num"]?.stringValue?.hasPrefix("AA271024") == true)
    }

    /// `liab_ldg_id` is GSTN's own number: compared apart.
    func withoutLedgerIDs(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let m):
            var out: [String: JSONValue] = [:]
            for (k, x) in m where k != "liab_ldg_id" { out[k] = withoutLedgerIDs(x) }
            return .object(out)
        case .array(let a): return .array(a.map(withoutLedgerIDs))
        default: return v
        }
    }

    @Test func refusalsDebitNothing() throws {
        // Liability IGST 180; ITC IGST 51 (50.5 rounded), CGST 1, SGST 1; cash IGST 100.
        let h = Self.harness(cash: CashAmounts(igst: MinorHeads(tax: Amount(rupees: 100))))
        let auth = Harness.auth(h.taxpayerToken())
        try Self.save(h, auth, GSTR3BRouteTests.draft())
        let start = h.tenant.read { $0.ledgers(of: TestWorld.recipient) }
        func offset(_ pditc: String, ipd: Int) -> Reply {
            h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth,
                   body: #"{"pdcash":[{"trans_typ":30002,"ipd":\#(ipd)}],"pditc":{"trans_typ":30002,\#(pditc)}}"#)
        }
        let cases: [(Reply, String)] = [
            (offset(#""i_pdi":51"#, ipd: 100), "the payment for other than reverse charge"),               // partial
            (offset(#""i_pdi":51,"i_pdc":1,"i_pds":1"#, ipd: 128), "the payment for other than reverse charge"),  // excess
            (offset(#""i_pdi":50,"i_pdc":1,"i_pds":1"#, ipd: 128), "Rule 88A"),                            // IGST credit left
            (offset(#""i_pdi":51,"i_pdc":2"#, ipd: 127), "CGST credit used is 2"),                         // beyond the ledger
            (offset(#""i_pdi":51,"i_pdc":1,"i_pds":1"#, ipd: 127), "exceeds the cash ledger"),             // cash short
        ]
        for (reply, reason) in cases {
            #expect(reply.errorCode == "RT-3BAS1070")
            #expect(reply.errorMessage == GSTNError.partialOrExcessPayment.message)
            #expect(reply.headers["X-Sandbox-Reason"]?.contains(reason) == true, "\(reply.headers["X-Sandbox-Reason"] ?? "no reason")")
        }
        // Not the offset structure; a period not ended; no GSTR-1 filed.
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth, body: #"{"pdcash":[{"trans_typ":1}]}"#).errorCode == "RET191106")
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth, body: #"{"pdcash":{}}"#).errorCode == "RET191106")
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth, body: #"{"pditc":{"i_pdi":-1}}"#).errorCode == "RET191106")
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/11/offset-liability", headers: auth, body: "{}").errorCode == "RT-3BGV1005")
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/09/offset-liability", headers: auth, body: "{}").errorCode == "RET00009")
        #expect(h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/08/offset-liability", headers: auth, body: "{}").errorCode == "RT-R3BQ1004")
        // Filing with the liability unpaid.
        let pan = TestWorld.recipient.pan
        _ = h.send(.post, "\(Self.base)/evc/otp?gstr=gstr-3b", headers: auth, body: #"{"pan":"\#(pan)"}"#)
        let early = h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/file?pan=\(pan)&otp=\(TestWorld.recipientOTP)", headers: auth)
        #expect(early.errorCode == "RT-3BOL1003")
        #expect(h.tenant.read { $0.ledgers(of: TestWorld.recipient) } == start)

        // A challan of 27 more, then the payment goes through.
        #expect(throws: Never.self) { try h.tenant.write { s throws(CashDepositError) in
            try s.depositCash(gstin: TestWorld.recipient, amounts: CashAmounts(igst: MinorHeads(tax: Amount(rupees: 27)))) } }
        #expect(offset(#""i_pdi":51,"i_pdc":1,"i_pds":1"#, ipd: 127).inner?["Message"] == "Payment of tax successfully done")
        #expect(h.tenant.read { $0.ledgers(of: TestWorld.recipient).cashBalance.igst.tax } == Amount(rupees: 0))
    }

    @Test func concurrentOffsetsDebitOnce() throws {
        let h = Self.harness(cash: CashAmounts(igst: MinorHeads(tax: Amount(rupees: 1_000))))
        let auth = Harness.auth(h.taxpayerToken())
        try Self.save(h, auth, GSTR3BRouteTests.draft())
        let body = #"{"pdcash":[{"trans_typ":30002,"ipd":127}],"pditc":{"trans_typ":30002,"i_pdi":51,"i_pdc":1,"i_pds":1}}"#
        let successes = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let paid = h.send(.post, "\(Self.base)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth, body: body).inner?["Message"] != nil
            if paid { successes.withLock { $0 += 1 } }
        }
        #expect(successes.withLock { $0 } == 1)
        #expect(h.tenant.read { $0.ledgers(of: TestWorld.recipient).cashBalance.igst.tax } == Amount(rupees: 873))
    }

    @Test func ledgerQueries() {
        let h = Self.harness()
        let auth = Harness.auth(h.taxpayerToken())
        #expect(h.send(.get, "\(Self.base)/ledgers/cash?to=01/11/2024", headers: auth).status == 400)
        #expect(h.send(.get, "\(Self.base)/ledgers/itc?from=01/11/2024", headers: auth).status == 400)
        #expect(h.send(.get, "\(Self.base)/ledgers/cash?from=2024-11-01&to=02/11/2024", headers: auth).status == 422)
        let beyond = h.send(.get, "\(Self.base)/ledgers/cash?from=01/11/2024&to=21/11/2024", headers: auth)
        #expect(ShapeComparer.differences(beyond.json, OfficialExamples.parse(OfficialExamples.cashLedgerToDateBeyondToday)) == [])
        #expect(beyond.errorCode == "LG9089" && beyond.errorMessage == "To Date cannot be beyond the current date")
        #expect(h.send(.get, "\(Self.base)/ledgers/itc?from=02/11/2024&to=01/11/2024", headers: auth).errorCode == "LG9090")
        #expect(h.send(.get, "\(Self.base)/ledgers/bal/2024/13", headers: auth).status == 422)
        // An empty ledger: zero balances, no rows.
        let cash = h.send(.get, "\(Self.base)/ledgers/cash?from=01/11/2024&to=20/11/2024", headers: auth)
        #expect(cash.inner?["tr"]?.arrayValue?.isEmpty == true && cash.inner?["op_bal"]?["desc"] == "Opening Balance")
    }

    @Test func autoLiabilityCalcHasTheOfficialShape() {
        let h = Self.harness()
        let auth = Harness.auth(h.taxpayerToken())
        let auto = h.send(.get, "\(Self.base)/gstrs/gstr-3b/2024/10/auto-liability-calc", headers: auth)
        #expect(ShapeComparer.differences(auto.json, OfficialExamples.parse(OfficialExamples.autoLiabilityCalc), ignoring: ["timestamp", "transaction_id"]) == [])
        // 4(A)(5): gross − credit notes = the 4(C) GET GSTR-3B shows; one computation.
        let get = h.send(.get, "\(Self.base)/gstrs/gstr-3b/2024/10", headers: auth).inner
        let a5 = auto.inner?["r3bautopop"]?["liabitc"]?["elgitc"]?["itc4a5"]?["subtotal"]
        #expect(a5?["iamt"]?.scalarText == get?["itc_elg"]?["itc_net"]?["iamt"]?.scalarText)
        #expect(auto.inner?["r3bautopop"]?["liabitc"]?["sup_details"]?["osup_3_1a"]?["subtotal"]?["iamt"]?.scalarText
                == get?["sup_details"]?["osup_det"]?["iamt"]?.scalarText)
        #expect(h.send(.get, "\(Self.base)/gstrs/gstr-3b/2024/11/auto-liability-calc", headers: auth).errorCode == "RT-R3BQ1004")
    }
}
