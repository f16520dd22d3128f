import GSTCore
import HTTPWire
import JSON
import Testing
import VayanaAPI

/// Returns download lite: GSTR-2B (the shared snapshot), GSTR-1, FILEDET / FILEDOWNLOAD.
@Suite struct ReturnsTests {
    static let returns = "\(Harness.gstn)/v3.0/returns"
    static let g = World.recipient.value

    static func twoB(_ h: Harness, extra: String = "") -> Reply {
        h.get("\(returns)?gstn_ret_type=gstr2b&gstin=\(g)&rtnprd=032025&action=GET2B\(extra)")
    }

    /// The snapshot GSTCore holds (what Sandbox's GSTR-2B route renders).
    static func snapshot(_ h: Harness) -> GSTR2B? {
        h.world { state -> GSTR2B? in
            if case .available(let b) = state.gstr2b(recipient: World.recipient, period: World.march) { return b }
            return nil
        }
    }

    static func numbers(_ data: JSONValue?, section: String) -> [String] {
        (data?[section]?.arrayValue ?? []).flatMap { group in
            (group["inv"]?.arrayValue ?? group["nt"]?.arrayValue ?? []).map { $0["inum"]?.stringValue ?? $0["ntnum"]?.stringValue ?? "" }
        }
    }

    @Test func gstr2bIsTheSharedSnapshot() throws {
        let h = Harness().ready()
        let reply = Self.twoB(h)
        #expect(reply.status == 200)
        let snapshot = try #require(Self.snapshot(h))
        let doc = try #require(reply.data)
        #expect(doc.keys == ["chksum", "data"])
        #expect(doc["chksum"]?.stringValue == snapshot.checksum)
        let d = try #require(doc["data"])
        // Every key of the seed's GSTN example (004) except the ITC-reversal tables, plus `fc` and `docRejdata`.
        #expect(d.keys == ["cpsumm", "docRejdata", "docdata", "fc", "gendt", "gstin", "itcsumm", "rtnprd", "version"])
        #expect(d["gstin"]?.stringValue == Self.g && d["rtnprd"] == "032025" && d["version"] == "1.0")
        #expect(d["gendt"]?.stringValue == snapshot.generatedOn.dashed && d["fc"] == 1)
        #expect(d["itcsumm"]?.keys == ["itcavl", "itcunavl"])
        // Only the tables and lines something landed on, as in Sandbox's official 2B (real GSTN data).
        let lines: [String: Set<String>] = [
            "nonrevsup": ["b2b", "b2ba", "cdnr", "cdnra", "ecom", "ecoma"], "isdsup": ["isd", "isda"],
            "revsup": ["b2b", "b2ba", "cdnr", "cdnra"], "imports": ["impg", "impga", "impgasez", "impgsez"],
            "othersup": ["cdnr", "cdnra", "cdnrarev", "cdnrrev", "isd", "isda"],
        ]
        for bucket in ["itcavl", "itcunavl"] {
            for (table, value) in d["itcsumm"]?[bucket]?.objectValue ?? [:] {
                let present = Set(value.keys).subtracting(["cess", "cgst", "igst", "sgst"])
                #expect(!present.isEmpty && present.isSubset(of: lines[table] ?? []), "\(bucket).\(table)")
                for line in present { #expect(value[line]?["txval"] != 0 || value[line]?["igst"] != 0 || value[line]?["cgst"] != 0) }
            }
        }
        #expect(d["itcsumm"]?["itcavl"]?["nonrevsup"]?["b2b"] != nil)
        // The documents and totals are the snapshot's.
        let docs = snapshot.allDocuments.filter { !$0.document.section.isNote }.map(\.document.number)
        #expect(Self.numbers(d["docdata"], section: "b2b") == docs)
        #expect(Self.numbers(d["docdata"], section: "cdnr") == ["A-CN1"])
        #expect(d["itcsumm"]?["itcavl"]?["nonrevsup"]?["igst"]?.text == snapshot.itcSummary.available.total(of: .nonrevsup).igst.description)
        #expect(d["itcsumm"]?["itcunavl"]?["nonrevsup"]?["b2b"]?["cgst"]?.text == "180")  // A-003, POS rule
        let invoice = d["docdata"]?["b2b"]?[0]?["inv"]?[0]
        // The IMS-era record both vendors pass on from GSTN (Sandbox's official example): `rsn` always,
        // no pre-IMS `items` / `diffprcnt`.
        #expect(invoice?.keys == ["cess", "cgst", "dt", "igst", "imsStatus", "inum", "itcavl", "pos", "rev", "rsn",
                                  "sgst", "txval", "typ", "val"])
        let cpsumm = d["cpsumm"]?["b2b"]?[0]
        #expect(cpsumm?.keys == ["cess", "cgst", "ctin", "igst", "sgst", "supfildt", "supprd", "trdnm", "ttldocs", "txval"])
        #expect(cpsumm?["trdnm"] == "Bravo Industries")
        // Served again from the cache: the same bytes.
        #expect(Self.twoB(h).body == reply.body)
        // `ret_period` works as well as `rtnprd`, and `action` may be left out.
        #expect(h.get("\(Self.returns)?gstn_ret_type=gstr2b&gstin=\(Self.g)&ret_period=032025").body == reply.body)
    }

    /// The cross-vendor flow in process: an IMS action through Vayana SAVE → regeneration through GSTCore
    /// (what Sandbox's regenerate route does) → Vayana's 2B download shows it.
    @Test func actionThroughVayanaShowsInTheRegeneratedGSTR2B() throws {
        let h = Harness().ready()
        let before = Self.twoB(h)
        let listedBefore = Self.numbers(before.data?["data"]?["docdata"], section: "b2b")
        #expect(listedBefore.contains("A-001"))
        let availableBefore = Amount(decimalText: before.data?["data"]?["itcsumm"]?["itcavl"]?["nonrevsup"]?["igst"]?.text ?? "")!

        let record = IMSTests.records(h).first { IMSTests.number($0) == "A-001" }!
        let save = h.send(.put, "\(IMSTests.ims)/SAVE", body: IMSTests.body("SAVE", reqtyp: "SAVE", records: [
            "b2b": [IMSTests.actionRecord(record, action: "R")],
        ]))
        let status = h.get("\(IMSTests.ims)/REQSTS?gstin=\(Self.g)&int_tran_id=\(save.data?["reference_id"]?.stringValue ?? "")")
        #expect(status.data?["status_cd"] == "P")

        // The 2B is fixed until regenerated.
        #expect(Self.twoB(h).body == before.body)

        let outcome = h.world { $0.requestGSTR2BRegeneration(recipient: World.recipient, period: World.march) }
        guard case .started(let reference) = outcome else { Issue.record("regeneration refused: \(outcome)"); return }
        #expect(h.world { $0.pollGSTR2BRegeneration(referenceID: reference, recipient: World.recipient) } == .completed)

        let after = Self.twoB(h)
        #expect(after.status == 200)
        let d = try #require(after.data?["data"])
        let listedAfter = Self.numbers(d["docdata"], section: "b2b")
        #expect(!listedAfter.contains("A-001"))
        #expect(Self.numbers(d["docRejdata"], section: "b2b") == ["A-001"])
        #expect(d["docRejdata"]?["b2b"]?[0]?["inv"]?[0]?["imsStatus"] == "R")
        #expect(d["docRejdata"]?["b2b"]?[0]?["inv"]?[0]?["itcavl"] == "N")
        let availableAfter = Amount(decimalText: d["itcsumm"]?["itcavl"]?["nonrevsup"]?["igst"]?.text ?? "")!
        #expect(availableBefore - availableAfter == Amount(rupees: 1_800))
        #expect(after.data?["chksum"]?.stringValue == Self.snapshot(h)?.checksum)
    }

    @Test func largeGSTR2BIsSplitIntoFileNumbers() {
        let h = Harness(seed: World.seed(pageSize: 2)).ready()
        let summary = Self.twoB(h)
        #expect(summary.status == 200)
        let d = summary.data?["data"]
        // Five documents in docdata (four in ITC, the POS-rule one not) at two per file.
        #expect(d?["fc"] == 3)
        #expect(d?["docdata"] == nil && d?["cpsumm"] != nil && d?["itcsumm"] != nil)
        var all: [String] = []
        for n in 1...3 {
            let page = Self.twoB(h, extra: "&file_num=\(n)")
            #expect(page.status == 200)
            #expect(page.data?["chksum"] == summary.data?["chksum"])
            all += Self.numbers(page.data?["data"]?["docdata"], section: "b2b") + Self.numbers(page.data?["data"]?["docdata"], section: "cdnr")
        }
        #expect(all.sorted() == ["A-001", "A-002", "A-003", "A-CN1", "B-001"])
        let beyond = Self.twoB(h, extra: "&file_num=4")
        #expect(beyond.status == 400 && beyond.errorKey == "err-invalid-parameter")
    }

    @Test func gstr1ServesTheTaxpayersOwnDocuments() {
        let h = Harness()
        h.login()
        h.openSession(World.supplierB, username: World.supplierBUser, otp: World.supplierBOTP)
        let base = "\(Self.returns)?gstn_ret_type=gstr1&gstin=\(World.supplierB.value)&ret_period=032025"
        let all = h.get("\(base)&action=B2B")
        #expect(all.status == 200)
        let groups = all.data?["b2b"]?.arrayValue ?? []
        #expect(groups.map { $0["ctin"]?.stringValue ?? "" } == [World.otherRecipient.value, World.recipient.value])
        #expect(groups.map { ($0["inv"]?.arrayValue ?? []).count } == [2, 1])
        // Key by key against the groups of eas-returns-filedownload.response.json (GSTN's section shape).
        #expect(groups[0].keys == ["cfs", "ctin", "inv"])
        let invoice = groups[1]["inv"]?[0]
        #expect(invoice?.keys == ["cflag", "chksum", "flag", "idt", "inum", "inv_typ", "itms", "pos", "rchrg", "updby", "val"])
        #expect(invoice?["itms"]?[0]?.keys == ["itm_det", "num"])
        #expect(invoice?["itms"]?[0]?["itm_det"]?.keys == ["camt", "csamt", "iamt", "rt", "samt", "txval"])
        #expect(invoice?["cflag"] == "N")

        let filtered = h.get("\(base)&action=B2B&ctin=\(World.recipient.value)")
        #expect(filtered.data?["b2b"]?.arrayValue?.count == 1)
        // `action_required` reads the counterparty's IMS action; `cflag` stays "N" (the official examples).
        _ = h.world { state in
            state.submitIMSAction(.save([IMSActionItem(section: .b2b, supplier: World.supplierB, number: "B-001", period: World.march,
                                                       action: .accepted, previousStatus: .noAction)]),
                                  recipient: World.recipient)
        }
        let accepted = h.get("\(base)&action=B2B&ctin=\(World.recipient.value)")
        #expect(accepted.data?["b2b"]?[0]?["inv"]?[0]?["cflag"] == "N")
        #expect(h.get("\(base)&action=B2B&ctin=\(World.recipient.value)&action_required=Y").gstnCode == "RET11416")
        let badCtin = h.get("\(base)&action=B2B&ctin=123")
        #expect(badCtin.status == 400)
        #expect(badCtin.json["error"]?["args"] == json(#"{"parameter-name":"ctin"}"#))
        #expect(h.get("\(base)&action=CDNR").gstnCode == "RET11416")  // this supplier issued no notes
        #expect(h.get("\(base)&action=B2CS").gstnCode == "RET11416")  // nor saved any B2CS record
        #expect(h.get("\(base)&action=ECOM").gstnCode == "RET11417")  // nor any e-commerce supply
        #expect(h.get("\(base)&action=RETSUM").gstnCode == "GEN5002")
    }

    @Test func largeGSTR1GoesThroughFileDetails() {
        let h = Harness(seed: World.seed(pageSize: 2))
        h.login()
        h.openSession(World.supplierB, username: World.supplierBUser, otp: World.supplierBOTP)
        let gstin = World.supplierB.value
        let list = h.get("\(Self.returns)?gstn_ret_type=gstr1&gstin=\(gstin)&ret_period=032025&action=B2B")
        #expect(list.data?.keys == ["token"])
        let token = list.data?["token"]?.stringValue ?? ""
        // All - Get File Details: no gstn_ret_type, action FILEDET (eas-returns-filedet.response.json keys).
        let details = h.get("\(Self.returns)?action=FILEDET&gstin=\(gstin)&ret_period=032025&token=\(token)")
        #expect(details.status == 200)
        #expect(details.data?.keys == ["ek", "fc", "urls"])
        #expect(details.data?["fc"] == 2)
        let ek = details.data?["ek"]?.stringValue ?? ""
        var count = 0
        for u in details.data?["urls"]?.arrayValue ?? [] {
            let file = h.get("/basic/gstn/v1.0\(u["ul"]?.stringValue ?? "")", headers: h.authHeaders + [("X-FLYNN-N-FILEDET-EKEY", ek)])
            #expect(file.status == 200)
            #expect(file.data?.keys == ["b2b"])
            count += (file.data?["b2b"]?.arrayValue ?? []).reduce(0) { $0 + ($1["inv"]?.arrayValue?.count ?? 0) }
        }
        #expect(count == 3)
        // Another taxpayer's GSTIN cannot read the token.
        h.openSession()
        let other = h.get("\(Self.returns)?action=FILEDET&gstin=\(Self.g)&ret_period=032025&token=\(token)")
        #expect(other.status == 404)
    }

    @Test func vayanaAndSandboxShareOneTenant() {
        let h = Harness()
        #expect(h.registry.tenant(forSandboxKey: World.sandboxKey) === h.tenant)
        #expect(h.registry.tenant(forVayanaOrganisation: World.organisation) === h.tenant)
        #expect(VayanaRoutes.routes().map(\.operation) == [
            "vayana.auth.login", "vayana.gstn.otprequest", "vayana.gstn.authtoken", "vayana.gstn.refreshtoken",
            "vayana.gstn.authenticate", "vayana.returns", "vayana.returns.filedownload", "vayana.ims.getinv", "vayana.ims.getcnt",
            "vayana.ims.save", "vayana.ims.reset", "vayana.ims.reqsts", "vayana.ims.filedet",
            "vayana.common.search", "vayana.common.returns",
        ])
    }
}
