import GSTCore
import HTTPWire
import JSON
import Testing
@testable import SandboxAPI

/// The filing profile: QRMP preference per quarter (its window, its effect on which months take
/// GSTR-1 and GSTR-3B) and aggregate turnover (its figures, QRMP's limit, the HSN digits it requires).
/// TestWorld's clock is 20 Nov 2024: Q3 of 2024-25 (Oct–Dec) closed its window on 31/10/2024; Q4 is open.
@Suite struct FilingProfileTests {
    static let t = "/gst/compliance/tax-payer"

    static func preference(_ fy: String, _ q: String, _ p: String, gstin: GSTIN = TestWorld.recipient) -> String {
        #"{"gstin":"\#(gstin.value)","fy":"\#(fy)","quarter":"\#(q)","preference":"\#(p)"}"#
    }

    @Test func preferencesAreChosenInTheirWindow() throws {
        let h = Harness()
        let auth = Harness.auth(h.taxpayerToken())
        let get = h.send(.get, "\(Self.t)/gstrs/preference?financial_year=FY%202024-25", headers: auth)
        #expect(ShapeComparer.differences(get.json, OfficialExamples.parse(OfficialExamples.taxpayerPreference), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(get.inner?["response"]?.arrayValue?.map { ($0["quarter"]?.stringValue ?? "") + ($0["preference"]?.stringValue ?? "") } == ["Q1M", "Q2M", "Q3M", "Q4M"])

        let closed = h.send(.post, "\(Self.t)/gstrs/preference", headers: auth, body: Self.preference("2024-25", "Q3", "Q"))
        #expect(closed.errorCode == "RT-QRMP1002" && closed.errorMessage?.contains("from 01/08/2024 to 31/10/2024") == true)
        #expect(h.send(.post, "\(Self.t)/gstrs/preference", headers: auth, body: Self.preference("2024-25", "Q4", "Q")).data?["status_cd"] == "1")
        let after = h.send(.get, "\(Self.t)/gstrs/preference", headers: auth)   // the current financial year
        #expect(after.inner?["response"]?[3]?["preference"] == "Q" && after.inner?["response"]?[2]?["preference"] == "M")
        // The public view of the same preference (platform token).
        let platform = Harness.auth(h.platformToken())
        let pub = h.send(.post, "/gst/compliance/public/gstrs/preference?financial_year=FY%202024-25", headers: platform,
                         body: #"{"gstin":"\#(TestWorld.recipient.value)"}"#)
        #expect(ShapeComparer.differences(pub.json, OfficialExamples.parse(OfficialExamples.publicPreference), ignoring: ["timestamp", "transaction_id"]) == [])
        #expect(pub.inner == after.inner)
        #expect(h.send(.post, "/gst/compliance/public/gstrs/preference?financial_year=2024-25", headers: platform,
                       body: #"{"gstin":"\#(TestWorld.recipient.value)"}"#).errorCode == "RTN_22")

        // Bad bodies change nothing.
        for (body, status) in [(#"{"fy":"2024-25","quarter":"Q4","preference":"M"}"#, 400),
                               (Self.preference("2024-25", "Q5", "M"), 422), (Self.preference("2024-2025", "Q4", "M"), 422),
                               (Self.preference("2024-25", "Q4", "N"), 422), (Self.preference("2024-25", "Q4", "M", gstin: TestWorld.supplier), 422),
                               (Self.preference("2150-51", "Q4", "Q"), 422), (Self.preference("9998-99", "Q1", "M"), 422)] {
            #expect(h.send(.post, "\(Self.t)/gstrs/preference", headers: auth, body: body).status == status, "\(body)")
        }
        #expect(h.tenant.read { $0.filingPreference(gstin: TestWorld.recipient, quarter: FinancialQuarter(yearStart: 2024, quarter: 4)!) } == .quarterly)
    }

    @Test func aQuarterlyFilerFilesTheQuartersLastMonthOnly() throws {
        var seed = TestWorld.seed()
        seed.taxpayers[0].gstr1Filed = [TestWorld.october]
        seed.taxpayers[0].preferences = [FinancialQuarter(yearStart: 2024, quarter: 3)!: .quarterly]
        let h = Harness(seed)
        let auth = Harness.auth(h.taxpayerToken())
        #expect(h.send(.post, "\(Self.t)/gstrs/gstr-3b/2024/10", headers: auth, body: GSTR3BRouteTests.draft()).errorCode == "RT-QRMP1001")
        #expect(h.send(.post, "\(Self.t)/gstrs/gstr-3b/2024/10/offset-liability", headers: auth, body: "{}").errorCode == "RT-QRMP1001")
        let pan = TestWorld.recipient.pan
        _ = h.send(.post, "\(Self.t)/evc/otp?gstr=gstr-3b", headers: auth, body: #"{"pan":"\#(pan)"}"#)
        #expect(h.send(.post, "\(Self.t)/gstrs/gstr-3b/2024/10/file?pan=\(pan)&otp=\(TestWorld.recipientOTP)", headers: auth).errorCode == "RT-QRMP1001")
        #expect(h.send(.post, "\(Self.t)/gstrs/gstr-1/2024/11/proceed", headers: auth).errorCode == "RT-QRMP1001")
        #expect(h.tenant.read { $0.takesMonthlyReturns(gstin: TestWorld.recipient, period: ReturnPeriod(month: 12, year: 2024)!) })
        #expect(h.tenant.read { !$0.isGSTR3BFiled(gstin: TestWorld.recipient, period: TestWorld.october) })
    }

    @Test func aatoFromFiledReturnsAndTheScenario() throws {
        var seed = TestWorld.seed()
        seed.taxpayers[1].declaredTurnover = [2023: Amount(rupees: 60_000_000)]
        let h = Harness(seed)
        let auth = Harness.auth(h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP))
        // 2024-25 applies in 2025-26: no declared figure, so the filed GSTR-1s' turnover.
        let current = h.send(.get, "\(Self.t)/aato?financial_year=FY%202025-26", headers: auth)
        #expect(ShapeComparer.differences(current.json, OfficialExamples.parse(OfficialExamples.aato), ignoring: ["timestamp", "transaction_id"]) == [])
        let filed = h.tenant.read { $0.aggregateTurnover(gstin: TestWorld.supplier, yearStart: 2024).filedByGSTIN }
        #expect(filed > .zero)
        #expect(current.inner?["fy"] == "2024-25" && current.inner?["gsttofil"]?.scalarText == filed.description)
        #expect(current.inner?["estgstto"]?.scalarText == filed.description && current.inner?["pan"] == .string(TestWorld.supplier.pan))
        // 2023-24, declared in the scenario, applies in 2024-25.
        let declared = h.send(.get, "\(Self.t)/aato?financial_year=FY%202024-25", headers: auth)
        #expect(declared.inner?["estgstto"]?.scalarText == "60000000" && declared.inner?["finalpanto"]?.scalarText == "60000000")
        #expect(h.send(.get, "\(Self.t)/aato", headers: auth).status == 400)
        #expect(h.send(.get, "\(Self.t)/aato?financial_year=FY%202024-26", headers: auth).errorCode == "RTN_22")

        // Above ₹5 crore: quarterly filing is refused, and GSTR-1's HSN summary needs 6 digits.
        #expect(h.tenant.read { $0.requiredHSNDigits(gstin: TestWorld.supplier, period: TestWorld.november) } == 6)
        let hsn4 = #"{"gstin":"\#(TestWorld.supplier.value)","fp":"112024","hsn":{"data":[{"num":1,"hsn_sc":"9983","desc":"Fees","uqc":"NA","qty":0,"txval":2,"iamt":0.36,"camt":0,"samt":0,"csamt":0}]}}"#
        let id = try #require(h.send(.post, "\(Self.t)/gstrs/gstr-1/2024/11", headers: auth, body: hsn4).inner?["reference_id"]?.stringValue)
        let status = h.send(.get, "\(Self.t)/gstrs/2024/11/status?reference_id=\(id)", headers: auth)
        #expect(status.inner?["status_cd"] == "PE")
        #expect(status.inner?["error_report"]?["hsn"]?["error_cd"] == "RET191350"
                || status.inner?["error_report"]?["hsn"]?[0]?["error_cd"] == "RET191350", "\(status.json)")
        // The recipient (nothing filed, nothing declared) needs 4.
        #expect(h.tenant.read { $0.requiredHSNDigits(gstin: TestWorld.recipient, period: TestWorld.november) } == 4)
    }
}
