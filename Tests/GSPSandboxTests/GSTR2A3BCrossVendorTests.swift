import GSTCore
import JSON
import Testing

/// GSTR-2A and GSTR-3B over real HTTP on the default scenario: Sandbox's routes and Vayana's returns
/// lite give the same GSTN payload, and filing GSTR-3B through Sandbox is what Vayana's 2B side sees.
struct GSTR2A3BCrossVendorTests {
    static let gstin = CrossVendorTests.gstin
    static let eas = CrossVendorTests.eas

    @Test func sameGSTR2AAndGSTR3BThroughBothVendors() throws {
        let live = try LiveSandbox()
        let s = try CrossVendorTests().open(live)
        for (path, action, key) in [("b2b", "B2B", "b2b"), ("cdn", "CDN", "cdn")] {
            let sandbox = try live.call("GET", "/gst/compliance/tax-payer/gstrs/gstr-2a/\(path)/2025/03", headers: s.sandbox)
            let vayana = try live.call("GET", "\(Self.eas)/v3.0/returns?gstn_ret_type=gstr2a&gstin=\(Self.gstin)&ret_period=032025&action=\(action)",
                                       headers: s.vayana)
            // The scenario's March has B2B documents for Acme Retail.
            #expect(path != "b2b" || sandbox.json["data"]?["status_cd"] == "1")
            if sandbox.json["data"]?["status_cd"] == "1" {
                #expect(vayana.status == 200)
                #expect(sandbox.json["data"]?["data"]?[key]?.arrayValue?.isEmpty == false)
                #expect(sandbox.json["data"]?["data"] == vayana.json["data"], "\(path)")
            } else {
                // Nothing of that kind in the scenario: both answer RET13508.
                #expect(sandbox.json["data"]?["error"]?["error_cd"] == "RET13508")
                #expect(vayana.json["error"]?["args"]?["gstn-err"]?["error-code"] == "RET13508")
            }
        }
        let whole = try live.call("GET", "/gst/compliance/tax-payer/gstrs/gstr-2a/2025/03", headers: s.sandbox)
        #expect(whole.json["data"]?["data"]?["fp"] == "032025")

        let sandbox3B = try live.call("GET", "/gst/compliance/tax-payer/gstrs/gstr-3b/2025/03", headers: s.sandbox)
        let vayana3B = try live.call("GET", "\(Self.eas)/v3.0/returns?gstn_ret_type=gstr3b&gstin=\(Self.gstin)&ret_period=032025&action=RETSUM",
                                     headers: s.vayana)
        #expect(sandbox3B.json["data"]?["status_cd"] == "1")
        #expect(sandbox3B.json["data"]?["data"] == vayana3B.json["data"])
    }
}
