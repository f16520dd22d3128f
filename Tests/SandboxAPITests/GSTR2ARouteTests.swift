import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// GSTR-2A through Sandbox's routes: live (a supplier's saved-but-unfiled document shows with `cfs` N,
/// and Y once it files), GSTN's shapes, and RET13508 for what the world does not hold.
@Suite struct GSTR2ARouteTests {
    static let base = "/gst/compliance/tax-payer/gstrs/gstr-2a"

    /// TestWorld plus `U-1`: saved by `supplier` in its October GSTR-1, not filed.
    static func seed() -> WorldSeed {
        var s = TestWorld.seed()
        s.documents.append(TestWorld.document(.b2b, from: TestWorld.supplier, number: "U-1", date: TestWorld.date(25, 10),
                                              taxable: 70_000, filed: false))
        return s
    }

    static func group(_ reply: Reply, _ section: String, _ ctin: GSTIN) -> JSONValue? {
        reply.inner?[section]?.arrayValue?.first { $0["ctin"]?.stringValue == ctin.value }
    }

    static func numbers(_ group: JSONValue?, _ key: String = "inv") -> [String] {
        (group?[key]?.arrayValue ?? []).compactMap { $0["inum"]?.stringValue ?? $0["nt_num"]?.stringValue }
    }

    @Test func b2bShowsUnfiledDocumentsAndTheirFiling() throws {
        let h = Harness(Self.seed())
        let auth = Harness.auth(h.taxpayerToken())
        let before = h.send(.get, "\(Self.base)/b2b/2024/10", headers: auth)
        #expect(before.statusCD == "1")
        #expect(before.inner?.sortedKeys == ["b2b"])
        let supplier = try #require(Self.group(before, "b2b", TestWorld.supplier))
        // One of its documents is only saved: not filed, no filing date/period yet.
        #expect(supplier.sortedKeys == ["cfs", "cfs3b", "ctin", "inv"])
        #expect(supplier["cfs"] == "N" && supplier["cfs3b"] == "N")
        #expect(Self.numbers(supplier) == ["INV-1", "INV-2", "INV-3", "U-1"])
        let local = try #require(Self.group(before, "b2b", TestWorld.localSupplier))
        #expect(local.sortedKeys == ["cfs", "cfs3b", "ctin", "fldtr1", "flprdr1", "inv"])
        #expect(local["cfs"] == "Y" && local["fldtr1"] == "11-Nov-24" && local["flprdr1"] == "Oct-24")
        // Rejected and pending documents are the suppliers' side too: all three show.
        #expect(Self.numbers(local) == ["L-10", "L-11", "L-12"])
        let inv1 = try #require(supplier["inv"]?[0])
        #expect(inv1.sortedKeys == ["chksum", "idt", "inum", "inv_typ", "irn", "irngendate", "itms", "pos", "rchrg", "srctyp", "val"])
        #expect(inv1["idt"] == "05-10-2024" && inv1["inv_typ"] == "R" && inv1["pos"] == "27" && inv1["rchrg"] == "N")
        #expect(inv1["val"]?.scalarText == "4718.82" && inv1["srctyp"] == "e-Invoice")
        #expect(inv1["itms"]?[0]?["itm_det"]?.sortedKeys == ["camt", "csamt", "iamt", "rt", "samt", "txval"])
        #expect(inv1["itms"]?[0]?["itm_det"]?["iamt"]?.scalarText == "719.82" && inv1["itms"]?[0]?["num"] == 1)
        let plain = try #require(local["inv"]?[0])
        #expect(plain.sortedKeys == ["chksum", "idt", "inum", "inv_typ", "itms", "pos", "rchrg", "val"])

        // The supplier files: the same document now shows as filed.
        let changed = h.tenant.write { $0.recordSupplierFiling(supplier: TestWorld.supplier, period: TestWorld.october, on: TestWorld.date(12, 11)) }
        #expect(changed == 1)
        let after = h.send(.get, "\(Self.base)/b2b/2024/10", headers: auth)
        let filed = try #require(Self.group(after, "b2b", TestWorld.supplier))
        #expect(filed["cfs"] == "Y" && filed["fldtr1"] == "12-Nov-24" && filed["flprdr1"] == "Oct-24")
        #expect(Self.numbers(filed) == ["INV-1", "INV-2", "INV-3", "U-1"])
        // The payload is GSTNShapes' rendering of GSTCore's view (what Vayana's gstr2a B2B serves).
        let expected = h.tenant.write { state in
            GSTR2ARender.section(.b2b, suppliers: state.gstr2a(recipient: TestWorld.recipient, period: TestWorld.october, section: .b2b))
        }
        #expect(after.inner == (try JSONParser.parse(expected)))
    }

    @Test func notesAndAmendments() throws {
        let h = Harness(Self.seed())
        let auth = Harness.auth(h.taxpayerToken())
        let cdn = h.send(.get, "\(Self.base)/cdn/2024/10", headers: auth)
        let notes = try #require(Self.group(cdn, "cdn", TestWorld.supplier))
        #expect(Self.numbers(notes, "nt") == ["CN-1", "DN-1"])
        #expect(notes["nt"]?[0]?["ntty"] == "C" && notes["nt"]?[1]?["ntty"] == "D")
        #expect(notes["nt"]?[0]?.sortedKeys == ["chksum", "d_flag", "inv_typ", "itms", "nt_dt", "nt_num", "ntty", "pos", "rchrg", "val"])
        #expect(notes["nt"]?[0]?["nt_dt"] == "18-10-2024")

        let cdna = h.send(.get, "\(Self.base)/cdna/2024/10", headers: auth)
        let amended = try #require(Self.group(cdna, "cdna", TestWorld.supplier)?["nt"]?[0])
        #expect(amended.sortedKeys == ["aspd", "atyp", "chksum", "d_flag", "inv_typ", "itms", "nt_dt", "nt_num", "ntty", "ont_dt", "ont_num",
                                 "pos", "rchrg", "val"])
        #expect(amended["nt_num"] == "CN-2" && amended["ont_num"] == "CN-0" && amended["ont_dt"] == "04-09-2024" && amended["aspd"] == "Sep-24")

        let b2ba = h.send(.get, "\(Self.base)/b2ba/2024/10", headers: auth)
        let inv = try #require(Self.group(b2ba, "b2ba", TestWorld.supplier)?["inv"]?[0])
        #expect(inv["inum"] == "INV-1A" && inv["oinum"] == "INV-0" && inv["oidt"] == "02-09-2024" && inv["atyp"] == "R")

        let whole = h.send(.get, "\(Self.base)/2024/10", headers: auth)
        #expect(whole.data?.sortedKeys == ["data"], "no status_cd, as both official examples show")
        #expect(whole.inner?.sortedKeys == ["b2b", "b2ba", "cdn", "cdna", "ecom", "ecoma", "fp", "gstin"])
        #expect(whole.inner?["fp"] == "102024" && whole.inner?["gstin"]?.stringValue == TestWorld.recipient.value)
        #expect(whole.inner?["b2b"] == h.send(.get, "\(Self.base)/b2b/2024/10", headers: auth).inner?["b2b"])
        #expect(whole.inner?["cdn"] == cdn.inner?["cdn"])
        // Supplies through an e-commerce operator: `ecom` / `ecoma` (schemas ecom.json / ecoma.json), no e-invoice fields.
        let ecom = try #require(h.send(.get, "\(Self.base)/ecom/2024/10", headers: auth).inner?["ecom"]?[0])
        #expect(ecom["ctin"]?.stringValue == TestWorld.localSupplier.value && ecom["cfs"] == "Y")
        #expect(ecom["inv"]?[0]?.sortedKeys == ["chksum", "idt", "inum", "inv_typ", "itms", "pos", "rchrg", "val"])
        #expect(ecom["inv"]?[0]?["inum"] == "E-1")
        let ecoma = try #require(h.send(.get, "\(Self.base)/ecoma/2024/10", headers: auth).inner?["ecoma"]?[0]?["inv"]?[0])
        #expect(ecoma.sortedKeys == ["aspd", "atyp", "chksum", "idt", "inum", "inv_typ", "itms", "oidt", "oinum", "pos", "rchrg", "val"])
        #expect(ecoma["oinum"] == "E-0" && ecoma["oidt"] == "05-09-2024")
        #expect(whole.inner?["ecom"] == h.send(.get, "\(Self.base)/ecom/2024/10", headers: auth).inner?["ecom"])
        #expect(h.send(.get, "\(Self.base)/ecom/2024/08", headers: auth).errorCode == "RET13509")
    }

    /// Each section's documented code: RET13509 (documents), RET13510 (imports), RET13508 (amdhist); the
    /// whole document of an empty period is the official "200 No data", `{fp, gstin}`.
    @Test func nothingToShowAnswersEachSectionsDocumentedCode() {
        let h = Harness(Self.seed())
        let auth = Harness.auth(h.taxpayerToken())
        let expected = [
            ("b2b/2024/08", "RET13509", "No document found for the provided Inputs"),
            ("cdna/2024/08", "RET13509", "No document found for the provided Inputs"),
            ("isd/2024/10", "RET13509", "No document found for the provided Inputs"),
            ("tcs/2024/10", "RET13509", "No document found for the provided Inputs"),
            ("tds/2024/10", "RET13509", "No document found for the provided Inputs"),
            ("impg/2024/10", "RET13510", "No Record found for the provided Inputs"),
            ("impgsez/2024/10", "RET13510", "No Record found for the provided Inputs"),
            ("amdhist/2024/10?bill_of_entry_number=1&port_code=INMAA1&bill_of_entry_date=01-10-2024", "RET13508",
             "No Details Found for the Provided Inputs"),
        ]
        for (path, code, message) in expected {
            let r = h.send(.get, "\(Self.base)/\(path)", headers: auth)
            #expect(r.status == 200, "\(path)")
            #expect(r.errorCode == code && r.errorMessage == message, "\(path)")
            #expect(r.statusCD == "0", "\(path)")
        }
        let empty = h.send(.get, "\(Self.base)/2024/08", headers: auth)
        #expect(empty.data == ["data": ["fp": "082024", "gstin": .string(TestWorld.recipient.value)]])
        let amdhist = h.send(.get, "\(Self.base)/amdhist/2024/10?port_code=INMAA1", headers: auth)
        #expect(amdhist.status == 400 && amdhist.message == "bill_of_entry_number is required")
        #expect(h.send(.get, "\(Self.base)/b2b/2024/13", headers: auth).status == 422)
        #expect(h.send(.get, "\(Self.base)/b2b/2024/10").status == 401)
    }
}
