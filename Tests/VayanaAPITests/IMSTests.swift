import GSTCore
import HTTPWire
import JSON
import Testing
import VayanaAPI

/// IMS through Vayana: GETINV, GETCNT, SAVE, RESETIMS, REQSTS, FILEDET, over the shared tenant state.
@Suite struct IMSTests {
    static let ims = "\(Harness.gstn)/v0.3/returns/ims"
    static let g = World.recipient.value

    /// The keys of a b2b record in eas-ims-getinv.response.PARTIAL.json, plus GSTN's current
    /// `ispendactblocked`.
    static let b2bRecordKeys = ["action", "camt", "cess", "hash", "iamt", "idt", "inum", "inv_typ", "ispendactblocked",
                                "ispendactnallwd", "pos", "rtnprd", "samt", "srcfilstatus", "srcform", "stin", "txval", "val"]

    /// A SAVE / RESET record built from a GETINV record, as a client would.
    static func actionRecord(_ record: JSONValue, action: String?, previous: String? = nil) -> JSONValue {
        var o = record.objectValue ?? [:]
        for k in ["action", "hash", "ispendactblocked", "ispendactnallwd", "srcfilstatus"] { o[k] = nil }
        o["prev_status"] = .string(previous ?? record["action"]?.stringValue ?? "N")
        if let action { o["action"] = .string(action) }
        return .object(o)
    }

    static func body(_ action: String, reqtyp: String, records: [String: [JSONValue]], rtin: String = g) -> String {
        let data: JSONValue = ["rtin": .string(rtin), "reqtyp": .string(reqtyp), "invdata": .object(records.mapValues { .array($0) })]
        return JSONWriter.string(["action": .string(action), "data": data])
    }

    static func records(_ h: Harness, section: String = "B2B", status: String? = nil) -> [JSONValue] {
        let reply = h.get("\(ims)/GETINV?gstin=\(g)&section=\(section)" + (status.map { "&status=\($0)" } ?? ""))
        #expect(reply.status == 200)
        return reply.data?[section.lowercased()]?.arrayValue ?? []
    }

    static func number(_ r: JSONValue) -> String { r["inum"]?.stringValue ?? r["nt_num"]?.stringValue ?? "" }

    @Test func getInvoicesMatchesTheExampleShape() {
        let h = Harness().ready()
        let reply = h.get("\(Self.ims)/GETINV?gstin=\(Self.g)&section=B2B")
        #expect(reply.status == 200)
        #expect(reply.json.keys == ["additionalInfo", "alert", "data", "error", "info", "status"])
        #expect(reply.json["status"] == "1")
        #expect(reply.json["error"] == .null && reply.json["info"] == .null && reply.json["alert"] == .null)
        let records = reply.data?["b2b"]?.arrayValue ?? []
        // Documents in key order (supplier, number); the POS-rule document A-003 never enters IMS.
        #expect(records.map(Self.number) == ["B-001", "A-001", "A-002"])
        for r in records { #expect(r.keys == Self.b2bRecordKeys) }
        let b1 = records[0]
        #expect(b1["stin"]?.stringValue == World.supplierB.value)
        #expect(b1["action"] == "N")
        #expect(b1["ispendactblocked"] == "Y" && b1["ispendactnallwd"] == "Y")
        #expect(b1["srcfilstatus"] == "Filed" && b1["srcform"] == "R1" && b1["rtnprd"] == "032025")
        #expect(b1["idt"] == "05-03-2025" && b1["pos"] == "27")
        #expect(b1["txval"]?.text == "7500" && b1["iamt"]?.text == "1350" && b1["val"]?.text == "8850")
        #expect(records[1]["ispendactnallwd"] == "N")

        let notes = Self.records(h, section: "B2BCN")
        #expect(notes.map(Self.number) == ["A-CN1"])
        #expect(notes[0].keys == ["action", "camt", "cess", "hash", "iamt", "inv_typ", "ispendactblocked", "ispendactnallwd",
                                  "nt_dt", "nt_num", "pos", "rtnprd", "samt", "srcfilstatus", "srcform", "stin", "txval", "val"])
        let short = h.get("\(Self.ims)/GETINV?gstin=\(Self.g)&section=cn").data?["b2bcn"]?.arrayValue ?? []
        #expect(short.count == 1)
    }

    @Test func getCountMatchesTheExampleShape() {
        let h = Harness().ready()
        let reply = h.get("\(Self.ims)/GETCNT?gstin=\(Self.g)&goods_typ=ALL_OTH")
        #expect(reply.status == 200)
        let data = reply.data!
        #expect(data.keys == ["all_oth", "inv_supp_isd"])
        #expect(data["all_oth"]?.keys == ["b2b", "b2ba", "b2bcn", "b2bcna", "b2bdn", "b2bdna", "ecom", "ecoma", "ttl_cnt"])
        #expect(data["inv_supp_isd"]?.keys == ["isd", "isda", "ttl_cnt"])
        #expect(data["all_oth"]?["b2b"] == json(#"{"noaction":3,"reject":0,"pending":0,"accept":0}"#))
        #expect(data["all_oth"]?["b2bcn"] == json(#"{"noaction":1,"reject":0,"pending":0,"accept":0}"#))
        #expect(data["all_oth"]?["ttl_cnt"] == 4)
        #expect(data["inv_supp_isd"]?["isd"] == json(#"{"noaction":0,"accept":0,"reject":0,"pending":0}"#))
        // The GSTIN may come in the X-FLYNN-N-GSTIN header instead of the query.
        let byHeader = h.get("\(Self.ims)/GETCNT?goods_typ=ALL_OTH", headers: h.authHeaders + [("X-FLYNN-N-GSTIN", Self.g)])
        #expect(byHeader.body == reply.body)
    }

    /// login → OTPREQUEST → AUTHTOKEN → GETINV / GETCNT → SAVE → REQSTS.
    @Test func loginSessionSaveAndStatus() {
        let h = Harness()
        #expect(h.login().status == 200)
        #expect(!h.openSession().isEmpty)
        let records = Self.records(h)
        #expect(h.get("\(Self.ims)/GETCNT?gstin=\(Self.g)&goods_typ=all_oth").status == 200)
        let a1 = records.first { Self.number($0) == "A-001" }!
        let a2 = records.first { Self.number($0) == "A-002" }!

        let save = h.send(.put, "\(Self.ims)/SAVE", body: Self.body("SAVE", reqtyp: "SAVE", records: [
            "b2b": [Self.actionRecord(a1, action: "A"), Self.actionRecord(a2, action: "R")],
        ]))
        #expect(save.status == 200)
        #expect(save.data?.keys == ["reference_id"])
        #expect(save.headers["X-Sandbox-Schema-Violation"] == nil)
        let reference = save.data?["reference_id"]?.stringValue ?? ""
        #expect(reference.utf8.count == 15)

        let status = h.get("\(Self.ims)/REQSTS?gstin=\(Self.g)&int_tran_id=\(reference)")
        #expect(status.status == 200)
        // gstn-ims-reqsts-processed.data.json, key by key.
        #expect(status.data == json(#"{"err_cd":"","err_msg":"","proc_cnt":"2","status_cd":"P","transTypCd":"SAV"}"#))

        #expect(Self.records(h, status: "A").map(Self.number) == ["A-001"])
        #expect(Self.records(h, status: "R").map(Self.number) == ["A-002"])
        let counts = h.get("\(Self.ims)/GETCNT?gstin=\(Self.g)&goods_typ=ALL_OTH")
        #expect(counts.data?["all_oth"]?["b2b"] == json(#"{"noaction":1,"reject":1,"pending":0,"accept":1}"#))
    }

    @Test func recordErrorsGiveProcessedWithErrors() {
        let h = Harness().ready()
        let records = Self.records(h)
        let b1 = records.first { Self.number($0) == "B-001" }!
        let a1 = records.first { Self.number($0) == "A-001" }!
        let save = h.send(.put, "\(Self.ims)/SAVE", body: Self.body("SAVE", reqtyp: "SAVE", records: [
            // Pending refused (ispendactblocked Y); prev_status wrong (it is N).
            "b2b": [Self.actionRecord(b1, action: "P"), Self.actionRecord(a1, action: "A", previous: "A")],
        ]))
        let reference = save.data?["reference_id"]?.stringValue ?? ""
        let status = h.get("\(Self.ims)/REQSTS?gstin=\(Self.g)&int_tran_id=\(reference)").data!
        // The keys of eas-ims-reqsts.response.json.
        #expect(status.keys == ["err_cd", "err_cnt", "err_msg", "error_report", "proc_cnt", "status_cd", "transTypCd"])
        #expect(status["status_cd"] == "PE" && status["proc_cnt"] == "0" && status["err_cnt"] == "2")
        let report = status["error_report"]?["b2b"]?.arrayValue ?? []
        #expect(report.count == 2)
        for entry in report { #expect(entry.keys == ["error_cd", "error_msg", "inv", "stin"]) }
        let mismatch = report.first { $0["stin"]?.stringValue == World.supplierA.value }
        #expect(mismatch == json("""
            {"stin":"\(World.supplierA.value)","error_cd":"IMSSAV0010",
             "error_msg":"Either previous action is incorrect/ invoice might have edited by supplier",
             "inv":[{"rtnprd":"032025","inum":"A-001"}]}
            """))
        #expect(Self.records(h, status: "N").count == 3)
    }

    @Test func schemaViolationEndsTheJobInError() {
        let h = Harness().ready()
        var record = Self.actionRecord(Self.records(h)[1], action: "A").objectValue!
        record["pos"] = "99"
        let save = h.send(.put, "\(Self.ims)/SAVE", body: Self.body("SAVE", reqtyp: "SAVE", records: ["b2b": [.object(record)]]))
        #expect(save.status == 200)
        #expect(save.headers["X-Sandbox-Schema-Violation"] == "$.invdata.b2b[0].pos: must be a state code 01-38, 96 or 97")
        let reference = save.data?["reference_id"]?.stringValue ?? ""
        let status = h.get("\(Self.ims)/REQSTS?gstin=\(Self.g)&int_tran_id=\(reference)")
        // The GSTN data of Sandbox's ims_status.IMSSAV005 example.
        #expect(status.data == json("""
            {"err_cd":"IMSSAV005","err_cnt":"0","err_msg":"Schema validation failure","proc_cnt":"0","status_cd":"ER","transTypCd":"SAV"}
            """))
        #expect(Self.records(h, status: "A").isEmpty)
    }

    @Test func resetReturnsRecordsToNoAction() {
        let h = Harness().ready()
        let a1 = Self.records(h).first { Self.number($0) == "A-001" }!
        let save = h.send(.put, "\(Self.ims)/SAVE", body: Self.body("SAVE", reqtyp: "SAVE", records: ["b2b": [Self.actionRecord(a1, action: "A")]]))
        _ = h.get("\(Self.ims)/REQSTS?gstin=\(Self.g)&int_tran_id=\(save.data?["reference_id"]?.stringValue ?? "")")
        let accepted = Self.records(h, status: "A")
        #expect(accepted.count == 1)

        let reset = h.send(.put, "\(Self.ims)/RESETIMS",
                           body: Self.body("RESETIMS", reqtyp: "RESET", records: ["b2b": [Self.actionRecord(accepted[0], action: nil)]]))
        #expect(reset.status == 200)
        let reference = reset.data?["reference_id"]?.stringValue ?? ""
        let status = h.get("\(Self.ims)/REQSTS?gstin=\(Self.g)&int_tran_id=\(reference)")
        #expect(status.data == json(#"{"err_cd":"","err_msg":"","proc_cnt":"1","status_cd":"P","transTypCd":"RST"}"#))
        #expect(Self.records(h, status: "A").isEmpty)
        #expect(Self.records(h, status: "N").count == 3)
    }

    @Test func jobsRunningReportInProgress() {
        let h = Harness(seed: World.seed(jobTiming: .afterPolls(1))).ready()
        let a1 = Self.records(h).first { Self.number($0) == "A-001" }!
        let save = h.send(.put, "\(Self.ims)/SAVE", body: Self.body("SAVE", reqtyp: "SAVE", records: ["b2b": [Self.actionRecord(a1, action: "A")]]))
        let target = "\(Self.ims)/REQSTS?gstin=\(Self.g)&int_tran_id=\(save.data?["reference_id"]?.stringValue ?? "")"
        #expect(h.get(target).data?["status_cd"] == "IP")
        #expect(h.get(target).data?["status_cd"] == "P")
    }

    @Test func badSaveBodiesAreRefusedBeforeAnyJob() {
        let h = Harness().ready()
        let notJSON = h.send(.put, "\(Self.ims)/SAVE", body: "{")
        #expect(notJSON.status == 400 && notJSON.errorKey == "err-invalid-json")
        let wrongAction = h.send(.put, "\(Self.ims)/SAVE", body: Self.body("RESETIMS", reqtyp: "SAVE", records: [:]))
        #expect(wrongAction.status == 400)
        #expect(wrongAction.json["error"]?["args"] == json(#"{"parameter-name":"action"}"#))
        let noData = h.send(.put, "\(Self.ims)/SAVE", body: #"{"action":"SAVE"}"#)
        #expect(noData.status == 400 && noData.errorKey == "err-missing-parameter")
        let badRtin = h.send(.put, "\(Self.ims)/SAVE", body: Self.body("SAVE", reqtyp: "SAVE", records: [:], rtin: "27XYZ"))
        #expect(badRtin.status == 400)
        #expect(badRtin.json["error"]?["args"] == json(#"{"parameter-name":"rtin"}"#))
        #expect(h.world { $0.jobs.isEmpty })
    }

    /// An action written to the shared state the way Sandbox's route writes it (through GSTCore) shows in
    /// Vayana's GETINV.
    @Test func actionTakenThroughTheCoreShowsInVayana() {
        let h = Harness().ready()
        let reference = h.world { state in
            state.submitIMSAction(.save([IMSActionItem(section: .b2b, supplier: World.supplierA, number: "A-002", period: World.march,
                                                       action: .rejected, previousStatus: .noAction)]),
                                  recipient: World.recipient)
        }
        #expect(Self.records(h, status: "R").map(Self.number) == ["A-002"])
        // Sandbox's reference id is pollable through Vayana's REQSTS (one job store).
        let status = h.get("\(Self.ims)/REQSTS?gstin=\(Self.g)&int_tran_id=\(reference)")
        #expect(status.data?["status_cd"] == "P")
    }

    @Test func largeResultsGoThroughFileDetailsAndDownload() {
        let h = Harness(seed: World.seed(pageSize: 2)).ready()
        let list = h.get("\(Self.ims)/GETINV?gstin=\(Self.g)&section=B2B")
        #expect(list.status == 200)
        #expect(list.data?.keys == ["token"])
        let token = list.data?["token"]?.stringValue ?? ""

        let details = h.get("\(Self.ims)/FILEDET?gstin=\(Self.g)&token=\(token)")
        #expect(details.status == 200)
        // eas-ims-filedet.response.json, key by key.
        #expect(details.data?.keys == ["ek", "fc", "urls"])
        #expect(details.data?["fc"] == 2)
        let urls = details.data?["urls"]?.arrayValue ?? []
        #expect(urls.count == 2)
        for u in urls { #expect(u.keys == ["hash", "ic", "ul"]) }
        #expect(urls.map { $0["ic"]?.text } == ["2", "1"])
        let ek = details.data?["ek"]?.stringValue ?? ""
        #expect(ek.utf8.count == 44)

        var numbers: [String] = []
        for u in urls {
            let ul = u["ul"]?.stringValue ?? ""
            #expect(ul.hasPrefix("/taxpayerapi-doc/"))
            let file = h.get("/basic/gstn/v1.0\(ul)", headers: h.authHeaders + [("X-FLYNN-N-FILEDET-EKEY", ek)])
            #expect(file.status == 200)
            #expect(SHA256.hex(file.rawData) == u["hash"]?.stringValue)
            numbers += (file.data?["b2b"]?.arrayValue ?? []).map(Self.number)
        }
        #expect(numbers == ["B-001", "A-001", "A-002"])

        let firstURL = urls.first?["ul"]?.stringValue ?? ""
        let noKey = h.get("/basic/gstn/v1.0\(firstURL)")
        #expect(noKey.status == 400 && noKey.errorKey == "err-invalid-filedet-ekey")
        let wrongKey = h.get("/basic/gstn/v1.0\(firstURL)", headers: h.authHeaders + [("X-FLYNN-N-FILEDET-EKEY", "AAAA")])
        #expect(wrongKey.status == 400)
        let unknownFile = h.get("/basic/gstn/v1.0/taxpayerapi-doc/nope", headers: h.authHeaders + [("X-FLYNN-N-FILEDET-EKEY", ek)])
        #expect(unknownFile.status == 404 && unknownFile.errorKey == "err-resource-not-found")
        // An IMS token is not a returns token.
        let wrongScope = h.get("\(Harness.gstn)/v0.3/returns?action=FILEDET&gstin=\(Self.g)&ret_period=032025&token=\(token)")
        #expect(wrongScope.status == 404)
        #expect(wrongScope.json["error"]?["args"] == .object(["token": .string(token)]))
    }
}
