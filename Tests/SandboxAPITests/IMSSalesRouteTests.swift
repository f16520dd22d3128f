import GSTCore
import HTTPWire
import JSON
import Testing

/// The IMS supplier view (`GET …/invoices/{year}/{month}/sales`): the supplier's own documents with
/// the recipients' IMS actions as `imsactn` (Sandbox's schema `sales.json`; the docs show no success
/// example, only RET11416).
@Suite struct IMSSalesRouteTests {
    let h = Harness(TestWorld.seed())
    static let t = "/gst/compliance/tax-payer"

    func sales(_ query: String, period: String = "2024/10") -> Reply {
        let token = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
        return h.send(.get, Self.t + "/invoices/\(period)/sales?" + query, headers: Harness.auth(token))
    }

    func imsAct(_ records: String) {
        let save = h.send(.post, Self.t + "/invoices/status/save", headers: Harness.auth(h.taxpayerToken()), body: IMSRouteTests.body(records))
        #expect(save.statusCD == "1")
    }

    static func invoices(_ r: Reply) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for g in r.inner?["gstr1"]?["b2b"]?.arrayValue ?? [] { for inv in g["inv"]?.arrayValue ?? [] { out[inv["inum"]!.stringValue!] = inv } }
        return out
    }

    @Test func b2bCarriesTheRecipientsAction() throws {
        let before = sales("section=b2b&return_type=gstr-1")
        #expect(before.statusCD == "1")
        #expect(before.inner?.sortedKeys == ["gstin", "gstr1", "rtnprd"])
        #expect(before.inner?["gstin"]?.stringValue == TestWorld.supplier.value && before.inner?["rtnprd"] == "102024")
        let fresh = Self.invoices(before)
        try #require(fresh["INV-1"] != nil && fresh["INV-2"] != nil)
        #expect(fresh.values.allSatisfy { $0["imsactn"] == nil }, "no action taken yet: no imsactn")
        #expect(fresh["INV-1"]?["cflag"] == "N" && fresh["INV-1"]?["updby"] == "S")

        imsAct(#""b2b":[\#(IMSRouteTests.record("INV-1")),\#(IMSRouteTests.record("INV-2", action: "R"))]"#)
        let after = Self.invoices(sales("section=B2B&return_type=GSTR-1"))
        #expect(after["INV-1"]?["imsactn"] == "A")
        #expect(after["INV-2"]?["imsactn"] == "R")
        #expect(after["INV-3"]?["imsactn"] == nil)
        // The key sits in byte order among the GSTR-1 record's own keys.
        #expect(after["INV-1"]?.sortedKeys.contains("imsactn") == true)
    }

    @Test func notesAndEmptyAnswers() {
        let cdnr = sales("section=cdnr&return_type=gstr-1")
        let notes = cdnr.inner?["gstr1"]?["cdnr"]?.arrayValue?.flatMap { $0["nt"]?.arrayValue ?? [] } ?? []
        #expect(!notes.isEmpty && notes.allSatisfy { $0["nt_num"] != nil && $0["d_flag"] == "Y" })
        // Nothing in GSTR-1A, nor in a period without documents: the documented RET11416.
        #expect(sales("section=b2b&return_type=gstr-1a").errorCode == "RET11416")
        #expect(sales("section=b2b&return_type=gstr-1", period: "2024/08").errorCode == "RET11416")
    }

    @Test func badQueries() {
        #expect(sales("return_type=gstr-1").status == 400)
        #expect(sales("section=b2b").status == 400)
        #expect(sales("section=b2c&return_type=gstr-1").status == 422)
        #expect(sales("section=b2b&return_type=gstr-3b").status == 422)
        #expect(sales("section=b2b&return_type=gstr-1", period: "2024/13").status == 422)
        #expect(h.send(.get, Self.t + "/invoices/2024/10/sales?section=b2b&return_type=gstr-1").status == 401)
    }
}

/// E-commerce documents in the supplier view: grouped per recipient with `rtin` and `stin`.
@Suite struct IMSSalesECOMTests {
    @Test func ecomAndEcoma() throws {
        var seed = TestWorld.seed()
        seed.taxpayers.append(Taxpayer(gstin: TestWorld.localSupplier, tradeName: "Local Supplier", username: "local.supplier", otp: "131313"))
        let h = Harness(seed)
        let token = h.taxpayerToken(gstin: TestWorld.localSupplier, username: "local.supplier", otp: "131313")
        func sales(_ section: String) -> Reply {
            h.send(.get, "/gst/compliance/tax-payer/invoices/2024/10/sales?section=\(section)&return_type=gstr-1", headers: Harness.auth(token))
        }
        let ecom = try #require(sales("ecom").inner?["gstr1"]?["ecom"])
        let group = try #require(ecom["b2b"]?[0])
        #expect(group.sortedKeys == ["inv", "rtin", "stin"])
        #expect(group["rtin"]?.stringValue == TestWorld.recipient.value && group["stin"]?.stringValue == TestWorld.localSupplier.value)
        let inv = try #require(group["inv"]?[0])
        #expect(inv.sortedKeys == ["chksum", "flag", "idt", "inum", "inv_typ", "itms", "pos", "sply_ty", "val"])
        #expect(inv["inum"] == "E-1" && inv["flag"] == "N" && inv["sply_ty"] == "INTRA")
        let amended = try #require(sales("ecoma").inner?["gstr1"]?["ecoma"]?["b2ba"]?[0]?["inv"]?[0])
        #expect(amended["inum"] == "E-2" && amended["oinum"] == "E-0" && amended["oidt"] == "05-09-2024")
    }
}

/// Added-back liabilities: the supplier's records whose rejection by the recipient puts liability back
/// (Sandbox's schema `added-back-liabilities.json`; the only documented example is IMS0027).
@Suite struct AddedBackLiabilityRouteTests {
    let h = Harness(TestWorld.seed())

    func addedBack(_ section: String, period: String = "2024/10") -> Reply {
        let token = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
        return h.send(.get, "/gst/compliance/tax-payer/invoices/added-back-liabilities/\(period)?section=\(section)", headers: Harness.auth(token))
    }

    /// The recipient rejects `numbers` of `section` through IMS (the same job the vendor routes submit).
    func reject(_ section: IMSSection, _ numbers: [String]) {
        let items = numbers.map {
            IMSActionItem(section: section, supplier: TestWorld.supplier, number: $0, period: TestWorld.october,
                          action: .rejected, previousStatus: .noAction)
        }
        let outcome = h.tenant.write { s -> IMSJobOutcome? in
            let id = s.submitIMSAction(.save(items), recipient: TestWorld.recipient)
            guard case .completed(let outcome)? = s.pollIMSJob(referenceID: id, recipient: TestWorld.recipient) else { return nil }
            return outcome
        }
        #expect(outcome?.processedCount == numbers.count)
    }

    @Test func rejectedCreditNotesAndDownwardAmendments() throws {
        #expect(addedBack("cdnr").errorCode == "IMS0027", "nothing rejected yet")
        reject(.b2bcn, ["CN-1"])
        let cdnr = try #require(addedBack("CDNR").inner)
        #expect(cdnr.sortedKeys == ["gstin", "rejInvAddBackLiab", "rtnprd"] && cdnr["rtnprd"] == "102024")
        let note = try #require(cdnr["rejInvAddBackLiab"]?["cdnr"]?[0])
        #expect(note.sortedKeys == ["camt", "csamt", "ctin", "form", "iamt", "inv_typ", "nt_dt", "nt_num", "ntty", "samt", "supPrd",
                                    "tradenm", "txval", "val"])
        #expect(note["nt_num"] == "CN-1" && note["ntty"] == "C" && note["txval"] == 50 && note["supPrd"] == "102024")
        #expect(note["ctin"]?.stringValue == TestWorld.recipient.value && note["tradenm"] == "Acme Retail" && note["form"] == "R1")
        // INV-1A amends INV-0 (not in this world): counted as lowering the liability, so its rejection adds it back.
        reject(.b2ba, ["INV-1A"])
        let b2ba = try #require(addedBack("b2ba").inner?["rejInvAddBackLiab"]?["b2ba"]?[0])
        #expect(b2ba["inum"] == "INV-1A" && b2ba["oinum"] == "INV-0" && b2ba["oidt"] == "02-09-2024")
        #expect(addedBack("ecoma").errorCode == "IMS0027")
    }

    @Test func badQueries() {
        #expect(addedBack("").status == 400)
        #expect(addedBack("b2b").status == 422)
        #expect(addedBack("cdnr", period: "2024/13").status == 422)
    }
}
