import GSTCore
import JSON
import Testing

/// Issue 3's journey over real HTTP on the built-in default scenario: authenticate → OTP → verify →
/// IMS get → save A/R/P across sections → poll → regenerate (IMS2B009 early, success when ready) →
/// poll → the GSTR-2B shows the actions, with totals equal to the documents' sums.
struct EndToEndFlowTests {
    static let gstin = "27AAPCA4821K1ZD"  // Acme Retail in Scenarios/default.json

    /// A fresh tenant per test: any `key_test_` key gets its own copy of the default world.
    let apiKey = "key_test_e2e_\(UInt32.random(in: 0...UInt32.max))"

    func login(_ sandbox: LiveSandbox) throws -> String {
        let auth = try sandbox.call("POST", "/authenticate", headers: ["x-api-key": apiKey, "x-api-secret": "secret_test_e2e"])
        #expect(auth.status == 200)
        let platform = try #require(auth.json["data"]?["access_token"]?.stringValue)
        let headers = ["x-api-key": apiKey, "authorization": platform]
        let body: JSONValue = ["username": "acme.retail", "gstin": .string(Self.gstin)]
        let otp = try sandbox.call("POST", "/gst/compliance/tax-payer/otp", headers: headers, body: body)
        #expect(otp.json["data"]?["status_cd"] == "1")
        let wrong = try sandbox.call("POST", "/gst/compliance/tax-payer/otp/verify?otp=000000", headers: headers, body: body)
        #expect(wrong.json["data"]?["error"]?["error_cd"] == "AUTH4033")
        let verified = try sandbox.call("POST", "/gst/compliance/tax-payer/otp/verify?otp=575757", headers: headers, body: body)
        return try #require(verified.json["data"]?["access_token"]?.stringValue)
    }

    /// The save-request record for an IMS record as GETINV shows it.
    func saveRecord(_ record: JSONValue, action: String) -> JSONValue {
        var fields = record.objectValue ?? [:]
        for key in ["hash", "ispendactblocked", "srcfilstatus"] { fields[key] = nil }
        fields["prev_status"] = fields["action"]
        fields["action"] = .string(action)
        return .object(fields)
    }

    @Test func imsActionsFlowIntoTheRegeneratedGSTR2B() throws {
        let sandbox = try LiveSandbox()
        let token = try login(sandbox)
        let headers = ["x-api-key": apiKey, "authorization": token]
        let base = "/gst/compliance/tax-payer"

        // Records of March 2025 (the regenerable period) the supplier has filed, still at no action.
        func records(_ section: String) throws -> [JSONValue] {
            let reply = try sandbox.call("GET", "\(base)/invoices?section=\(section)&status=no_action_taken", headers: headers)
            #expect(reply.status == 200)
            let key = section == "CN" ? "b2bcn" : section.lowercased()
            return (reply.json["data"]?["data"]?[key]?.arrayValue ?? []).filter {
                $0["rtnprd"] == "032025" && $0["srcfilstatus"] == "Filed"
            }
        }
        let invoices = try records("B2B")
        try #require(invoices.count >= 3)
        let pendable = try #require(invoices.first { $0["ispendactblocked"] == "N" })
        let others = invoices.filter { $0 != pendable }
        let accepted = others[0], rejected = others[1]
        let creditNotes = try records("CN")
        try #require(!creditNotes.isEmpty)
        let acceptedNote = creditNotes[0]

        let save: JSONValue = [
            "rtin": .string(Self.gstin), "reqtyp": "SAVE",
            "invdata": [
                "b2b": [saveRecord(accepted, action: "A"), saveRecord(rejected, action: "R"), saveRecord(pendable, action: "P")],
                "b2bcn": [saveRecord(acceptedNote, action: "A")],
            ],
        ]
        let saved = try sandbox.call("POST", "\(base)/invoices/status/save", headers: headers, body: save)
        let reference = try #require(saved.json["data"]?["data"]?["reference_id"]?.stringValue)
        let status = try sandbox.call("GET", "\(base)/invoices/status?reference_id=\(reference)", headers: headers)
        #expect(status.json["data"]?["data"]?["status_cd"] == "P")
        #expect(status.json["data"]?["data"]?["proc_cnt"] == "4")

        // The same record again with a stale prev_status is reported, not applied.
        let stale: JSONValue = ["rtin": .string(Self.gstin), "reqtyp": "SAVE", "invdata": ["b2b": [saveRecord(accepted, action: "R")]]]
        let staleRef = try #require(try sandbox.call("POST", "\(base)/invoices/status/save", headers: headers, body: stale)
            .json["data"]?["data"]?["reference_id"]?.stringValue)
        let staleStatus = try sandbox.call("GET", "\(base)/invoices/status?reference_id=\(staleRef)", headers: headers)
        #expect(staleStatus.json["data"]?["data"]?["status_cd"] == "PE")
        #expect(staleStatus.json["data"]?["data"]?["error_report"]?["b2b"]?[0]?["error_cd"] == "IMSSAV0010")

        // April's draft is not due until the 14th of May on the scenario clock.
        let early = try sandbox.call("POST", "\(base)/gstrs/gstr-2b/2025/04/regenerate", headers: headers)
        #expect(early.json["data"]?["error"]?["error_cd"] == "IMS2B009")
        #expect(early.json["data"]?["error"]?["message"] == "Kindly generate 2b after 14/05/2025")
        // February's GSTR-3B is filed.
        let filed = try sandbox.call("POST", "\(base)/gstrs/gstr-2b/2025/02/regenerate", headers: headers)
        #expect(filed.json["data"]?["error"]?["error_cd"] == "IMS2B007")

        // Until it is regenerated, March's draft (generated on 14 April) knows nothing of today's actions.
        let before = try sandbox.call("GET", "\(base)/gstrs/gstr-2b/2025/03", headers: headers)
        #expect(!invoiceNumbers(before.json, "docRejdata", "b2b").contains(rejected["inum"]!.stringValue!))
        #expect(invoiceNumbers(before.json, "docdata", "b2b").contains(pendable["inum"]!.stringValue!))

        let regenerate = try sandbox.call("POST", "\(base)/gstrs/gstr-2b/2025/03/regenerate", headers: headers)
        let job = try #require(regenerate.json["data"]?["data"]?["reference_id"]?.stringValue)
        let poll = try sandbox.call("GET", "\(base)/gstrs/gstr-2b/regenerate?reference_id=\(job)", headers: headers)
        #expect(poll.json["data"]?["data"]?["status_cd"] == "P")
        let unknown = try sandbox.call("GET", "\(base)/gstrs/gstr-2b/regenerate?reference_id=ffffffffffffff0", headers: headers)
        #expect(unknown.json["data"]?["error"]?["error_cd"] == "IMS0008")

        let twoB = try sandbox.call("GET", "\(base)/gstrs/gstr-2b/2025/03", headers: headers).json
        let docdata = invoiceNumbers(twoB, "docdata", "b2b")
        let rejectedNumbers = invoiceNumbers(twoB, "docRejdata", "b2b")
        #expect(docdata.contains(accepted["inum"]!.stringValue!))
        #expect(rejectedNumbers.contains(rejected["inum"]!.stringValue!))
        #expect(!docdata.contains(rejected["inum"]!.stringValue!))
        #expect(!docdata.contains(pendable["inum"]!.stringValue!) && !rejectedNumbers.contains(pendable["inum"]!.stringValue!))
        #expect(noteNumbers(twoB, "docdata", "cdnr").contains(acceptedNote["nt_num"]!.stringValue!))

        // itcsumm is the sum of the documents it summarises.
        let data = try #require(twoB["data"]?["data"]?["data"])
        var igst = Amount.zero
        for supplier in data["docdata"]?["b2b"]?.arrayValue ?? [] {
            for inv in supplier["inv"]?.arrayValue ?? [] where inv["rev"] == "N" && inv["itcavl"] == "Y" {
                igst = igst + (inv["igst"]?.amountValue ?? .zero)
            }
        }
        #expect(data["itcsumm"]?["itcavl"]?["nonrevsup"]?["b2b"]?["igst"]?.amountValue == igst)
        #expect(igst > .zero)
    }

    func invoiceNumbers(_ twoB: JSONValue, _ bucket: String, _ section: String) -> [String] {
        (twoB["data"]?["data"]?["data"]?[bucket]?[section]?.arrayValue ?? []).flatMap { supplier in
            (supplier["inv"]?.arrayValue ?? []).compactMap { $0["inum"]?.stringValue }
        }
    }

    func noteNumbers(_ twoB: JSONValue, _ bucket: String, _ section: String) -> [String] {
        (twoB["data"]?["data"]?["data"]?[bucket]?[section]?.arrayValue ?? []).flatMap { supplier in
            (supplier["nt"]?.arrayValue ?? []).compactMap { $0["ntnum"]?.stringValue }
        }
    }
}
