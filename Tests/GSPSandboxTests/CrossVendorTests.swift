import GSTCore
import JSON
import Testing

/// One GST world seen through both vendors, over real HTTP on the default scenario (whose Sandbox
/// key and Vayana login belong to the same tenant): an IMS action through one vendor, a
/// regeneration, and the other vendor's GSTR-2B shows it.
struct CrossVendorTests {
    static let gstin = EndToEndFlowTests.gstin
    static let sandboxKey = "key_live_gspsandbox"
    static let eas = "/basic/gstn/v1.0/taxpayerapi"

    struct Sessions {
        let sandbox: [String: String]
        let vayana: [String: String]
    }

    func open(_ live: LiveSandbox) throws -> Sessions {
        let auth = try live.call("POST", "/authenticate", headers: ["x-api-key": Self.sandboxKey, "x-api-secret": "secret_live_gspsandbox"])
        let platform = try #require(auth.json["data"]?["access_token"]?.stringValue)
        let who: JSONValue = ["username": "acme.retail", "gstin": .string(Self.gstin)]
        let headers = ["x-api-key": Self.sandboxKey, "authorization": platform]
        _ = try live.call("POST", "/gst/compliance/tax-payer/otp", headers: headers, body: who)
        let verified = try live.call("POST", "/gst/compliance/tax-payer/otp/verify?otp=575757", headers: headers, body: who)
        let taxpayer = try #require(verified.json["data"]?["access_token"]?.stringValue)

        let login = try live.call("POST", "/theodore/apis/v1/authtokens", body: [
            "handle": "developer@gspsandbox.local", "password": "Sandbox@2025", "handleType": "email", "tokenDurationInMins": 60,
        ])
        #expect(login.status == 200)
        let userToken = try #require(login.json["data"]?["token"]?.stringValue)
        let org = try #require(login.json["data"]?["associatedOrgs"]?[0]?["organisation"]?["id"]?.stringValue)
        let vayana = ["X-FLYNN-N-ORG-ID": org, "X-FLYNN-N-USER-TOKEN": userToken]
        // Without a GSTN session the GSTN layer refuses: 502 with RET11402.
        let early = try live.call("GET", "\(Self.eas)/v3.0/returns?gstn_ret_type=gstr2b&gstin=\(Self.gstin)&rtnprd=032025", headers: vayana)
        #expect(early.status == 502)
        #expect(early.json["error"]?["args"]?["gstn-err"]?["error-code"] == "RET11402")
        let otp = try live.call("POST", "\(Self.eas)/v0.2/authenticate/OTPREQUEST", headers: vayana,
                                body: ["gstin": .string(Self.gstin), "username": "acme.retail"])
        let requestID = try #require(otp.json["data"]?["otp-request-id"]?.stringValue)
        let session = try live.call("POST", "\(Self.eas)/v0.2/authenticate/AUTHTOKEN", headers: vayana,
                                    body: ["otp-request-id": .string(requestID), "otp": "575757"])
        #expect(session.json["data"]?["gst-session-id"]?.stringValue != nil)
        return Sessions(sandbox: ["x-api-key": Self.sandboxKey, "authorization": taxpayer], vayana: vayana)
    }

    /// Two March records the supplier filed, still at no action, from Sandbox's IMS listing.
    func twoRecords(_ live: LiveSandbox, _ s: Sessions) throws -> (JSONValue, JSONValue) {
        let list = try live.call("GET", "/gst/compliance/tax-payer/invoices?section=B2B&status=no_action_taken", headers: s.sandbox)
        let records = (list.json["data"]?["data"]?["b2b"]?.arrayValue ?? []).filter {
            $0["rtnprd"] == "032025" && $0["srcfilstatus"] == "Filed"
        }
        try #require(records.count >= 2)
        return (records[0], records[1])
    }

    func regenerateThroughSandbox(_ live: LiveSandbox, _ s: Sessions) throws {
        let started = try live.call("POST", "/gst/compliance/tax-payer/gstrs/gstr-2b/2025/03/regenerate", headers: s.sandbox)
        let job = try #require(started.json["data"]?["data"]?["reference_id"]?.stringValue)
        let poll = try live.call("GET", "/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=\(job)", headers: s.sandbox)
        #expect(poll.json["data"]?["data"]?["status_cd"] == "P")
    }

    func imsStatus(of number: String, in twoB: JSONValue) -> String? {
        for bucket in ["docdata", "docRejdata"] {
            for supplier in twoB["data"]?[bucket]?["b2b"]?.arrayValue ?? [] {
                for inv in supplier["inv"]?.arrayValue ?? [] where inv["inum"]?.stringValue == number {
                    return (bucket == "docRejdata" ? "rejected:" : "") + (inv["imsStatus"]?.stringValue ?? "?")
                }
            }
        }
        return nil
    }

    @Test func sandboxActionShowsInVayanasDownload_AndVayanasInSandboxs() throws {
        let live = try LiveSandbox()
        let s = try open(live)
        let (first, second) = try twoRecords(live, s)
        let firstNumber = try #require(first["inum"]?.stringValue), secondNumber = try #require(second["inum"]?.stringValue)

        // Sandbox → Vayana: reject through Sandbox's IMS route.
        let reject: JSONValue = ["rtin": .string(Self.gstin), "reqtyp": "SAVE",
                                 "invdata": ["b2b": [EndToEndFlowTests().saveRecord(first, action: "R")]]]
        let saved = try live.call("POST", "/gst/compliance/tax-payer/invoices/status/save", headers: s.sandbox, body: reject)
        let ref = try #require(saved.json["data"]?["data"]?["reference_id"]?.stringValue)
        #expect(try live.call("GET", "/gst/compliance/tax-payer/invoices/status?reference_id=\(ref)", headers: s.sandbox)
            .json["data"]?["data"]?["status_cd"] == "P")
        try regenerateThroughSandbox(live, s)
        let vayana2B = try live.call("GET", "\(Self.eas)/v3.0/returns?gstn_ret_type=gstr2b&gstin=\(Self.gstin)&rtnprd=032025", headers: s.vayana)
        #expect(vayana2B.status == 200)
        #expect(imsStatus(of: firstNumber, in: try #require(vayana2B.json["data"])) == "rejected:R")
        // The same document through both vendors.
        let sandbox2B = try live.call("GET", "/gst/compliance/tax-payer/gstrs/gstr-2b/2025/03", headers: s.sandbox)
        #expect(sandbox2B.json["data"]?["data"] == vayana2B.json["data"])

        // Vayana → Sandbox: accept through Vayana's IMS SAVE.
        let accept: JSONValue = ["action": "SAVE", "data": ["rtin": .string(Self.gstin), "reqtyp": "SAVE",
                                 "invdata": ["b2b": [EndToEndFlowTests().saveRecord(second, action: "A")]]]]
        let put = try live.call("PUT", "\(Self.eas)/v0.3/returns/ims/SAVE", headers: s.vayana, body: accept)
        #expect(put.status == 200)
        let reference = try #require(put.json["data"]?["reference_id"]?.stringValue)
        let status = try live.call("GET", "\(Self.eas)/v0.3/returns/ims/REQSTS?gstin=\(Self.gstin)&int_tran_id=\(reference)", headers: s.vayana)
        #expect(status.json["data"]?["status_cd"] == "P")
        try regenerateThroughSandbox(live, s)
        let after = try live.call("GET", "/gst/compliance/tax-payer/gstrs/gstr-2b/2025/03", headers: s.sandbox)
        #expect(imsStatus(of: secondNumber, in: try #require(after.json["data"]?["data"])) == "A")
        #expect(imsStatus(of: firstNumber, in: try #require(after.json["data"]?["data"])) == "rejected:R")
    }

    /// GSTR-1: what the supplier saves through Sandbox is what Vayana's returns download shows, in
    /// the same GSTN shape (Acme's April GSTR-1 is open on the default scenario).
    @Test func gstr1SavedThroughSandboxIsVayanasDownload() throws {
        let live = try LiveSandbox()
        let s = try open(live)
        let query = "\(Self.eas)/v3.0/returns?gstn_ret_type=gstr1&gstin=\(Self.gstin)&ret_period=042025&action=B2CS"
        let before = try live.call("GET", query, headers: s.vayana)
        #expect(before.json["error"]?["args"]?["gstn-err"]?["error-code"] == "RET11416")

        let save: JSONValue = ["gstin": .string(Self.gstin), "fp": "042025",
                               "b2cs": [["sply_ty": "INTER", "pos": "05", "typ": "OE", "rt": 5, "txval": 110, "iamt": 5.5]]]
        let saved = try live.call("POST", "/gst/compliance/tax-payer/gstrs/gstr-1/2025/04", headers: s.sandbox, body: save)
        let reference = try #require(saved.json["data"]?["data"]?["reference_id"]?.stringValue)
        let status = try live.call("GET", "/gst/compliance/tax-payer/gstrs/2025/04/status?reference_id=\(reference)", headers: s.sandbox)
        #expect(status.json["data"]?["data"]?["status_cd"] == "P")

        let sandbox = try live.call("GET", "/gst/compliance/tax-payer/gstrs/gstr-1/b2cs/2025/04", headers: s.sandbox)
        let vayana = try live.call("GET", query, headers: s.vayana)
        #expect(vayana.status == 200)
        #expect(vayana.json["data"]?["b2cs"]?[0]?["txval"] == 110)
        #expect(vayana.json["data"] == sandbox.json["data"]?["data"])
    }
}
