import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// Return tracking from the filing state: the taxpayer's own (`…/gstrs/{year}/{month}/track`) and the
/// public one by GSTIN and financial year (`public/gstrs/track`).
@Suite struct ReturnTrackingTests {
    static let t = "/gst/compliance/tax-payer"

    @Test func taxpayerTrackListsThePeriodsFilings() throws {
        var seed = TestWorld.seed()
        seed.taxpayers[0].gstr1Filed = [TestWorld.october]
        let h = Harness(seed)
        let auth = Harness.auth(h.taxpayerToken())
        // September's GSTR-3B the world states filed: a receipt derived from GSTIN, form and period, on its due date.
        let sept = h.send(.get, "\(Self.t)/gstrs/2024/09/track", headers: auth)
        #expect(ShapeComparer.differences(sept.json, OfficialExamples.parse(OfficialExamples.taxpayerTrack), ignoring: ["timestamp", "transaction_id"]) == [])
        let entry = try #require(sept.inner?["EFiledlist"]?[0])
        #expect(entry["rtntype"] == "GSTR3B" && entry["ret_prd"] == "092024" && entry["dof"] == "20-10-2024" && entry["mof"] == "ONLINE")
        #expect(entry["arn"]?.stringValue?.hasPrefix("AA270924") == true && entry["arn"]?.stringValue?.count == 15)
        #expect(h.send(.get, "\(Self.t)/gstrs/2024/09/track", headers: auth).inner?["EFiledlist"]?[0]?["arn"] == entry["arn"])   // stable
        // Filtered away, or nothing filed: the documented "Record Not Found", data {}.
        let none = h.send(.get, "\(Self.t)/gstrs/2024/09/track?return_type=gstr-1", headers: auth)
        #expect(none.data == (try JSONParser.parse(#"{"data":{},"status_cd":"1"}"#)))
        #expect(ShapeComparer.differences(none.json, OfficialExamples.parse(OfficialExamples.taxpayerTrackNotFound)) == [])
        #expect(h.send(.get, "\(Self.t)/gstrs/2024/13/track", headers: auth).status == 422)

        // Filing October's GSTR-3B through the API: its receipt carries the acknowledgement answered.
        let pan = TestWorld.recipient.pan
        _ = h.send(.post, "\(Self.t)/evc/otp?gstr=gstr-3b", headers: auth, body: #"{"pan":"\#(pan)"}"#)
        let ack = try #require(h.send(.post, "\(Self.t)/gstrs/gstr-3b/2024/10/file?pan=\(pan)&otp=\(TestWorld.recipientOTP)", headers: auth)
            .data?["data"]?["ack_num"]?.stringValue)
        let oct = h.send(.get, "\(Self.t)/gstrs/2024/10/track?return_type=gstr-3b", headers: auth).inner?["EFiledlist"]?.arrayValue ?? []
        #expect(oct.count == 1 && oct.first?["arn"]?.stringValue == String(ack.prefix(15)) && oct.first?["mof"] == "GSP" && oct.first?["dof"] == "20-11-2024")
    }

    @Test func publicTrackByFinancialYear() throws {
        let h = Harness()
        let auth = Harness.auth(h.platformToken())
        func track(_ gstin: String, _ year: String, gstr: String = "") -> Reply {
            h.send(.post, "/gst/compliance/public/gstrs/track?financial_year=\(year.split(separator: " ").joined(separator: "%20"))\(gstr.isEmpty ? "" : "&gstr=\(gstr)")",
                   headers: auth, body: #"{"gstin":"\#(gstin)"}"#)
        }
        // A supplier (not a taxpayer of the world) files GSTR-1 as its documents say.
        let filed = track(TestWorld.localSupplier.value, "FY 2024-25")
        #expect(ShapeComparer.differences(filed.json, OfficialExamples.parse(OfficialExamples.publicTrack), ignoring: ["timestamp", "transaction_id"]) == [])
        let list = filed.inner?["EFiledlist"]?.arrayValue ?? []
        #expect(!list.isEmpty && list.allSatisfy { $0["rtntype"] == "GSTR1" && $0["status"] == "Filed" && $0["valid"] == "Y" })
        #expect(list.contains { $0["ret_prd"] == "102024" })
        #expect(track(TestWorld.localSupplier.value, "FY 2024-25", gstr: "gstr-3b").data?["error"]?["error_code"] == "RET13510")
        // Nothing in the year; a year that is not one, or has not begun; a bad GSTIN; no year.
        let none = track(TestWorld.localSupplier.value, "FY 2023-24")
        #expect(ShapeComparer.differences(none.json, OfficialExamples.parse(OfficialExamples.publicTrackNoRecord)) == [])
        #expect(none.data?["error"]?["error_code"] == "RET13510" && none.data?["status_cd"] == "0")
        for year in ["FY 2024-2025", "2024-25", "FY 2025-26", "FY 2024-26"] {
            let bad = track(TestWorld.localSupplier.value, year)
            #expect(bad.data?["error"]?["error_code"] == "RTN_22" && bad.data?["error"]?["message"] == "Please select a valid financial year", "\(year)")
        }
        #expect(ShapeComparer.differences(track(TestWorld.localSupplier.value, "FY 2025-26").json, OfficialExamples.parse(OfficialExamples.publicTrackInvalidYear)) == [])
        #expect(track("34ACXP00001E0Z0", "FY 2024-25").status == 422)
        #expect(h.send(.post, "/gst/compliance/public/gstrs/track", headers: auth, body: #"{"gstin":"\#(TestWorld.localSupplier.value)"}"#).status == 400)
        // The taxpayer token is not the platform's.
        #expect(h.send(.post, "/gst/compliance/public/gstrs/track?financial_year=FY%202024-25", headers: Harness.auth(h.taxpayerToken()),
                       body: #"{"gstin":"\#(TestWorld.localSupplier.value)"}"#).status == 403)
    }
}
