import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import Testing
import VayanaAPI

/// GSTN's public calls through EAS (Search Taxpayer, View & Track Returns): the organisation's login is
/// enough (no GSTN session), and the answers are the registrations and filing state Sandbox's public
/// routes serve, in the v3 envelope.
@Suite struct CommonAPITests {
    static let common = "/basic/gstn/v3.0/commonapi/v0.3"

    @Test func searchTaxpayerWithoutAGSTNSession() throws {
        let h = Harness()
        h.login()
        let found = h.get("\(Self.common)/search?gstin=\(World.supplierA.value)&action=TP")
        #expect(found.status == 200 && found.json["status"] == "1")
        let sample = json(#"{"status":"1","data":{"gstin":"27ASJPC0786C3C7","lgnm":"Vay Network Services Pvt Ltd","stj":"x","stjCd":"MH001","ctj":"x","ctjCd":"UX0102","rgdt":"01/07/2017","ctb":"Proprietorship","dty":"Regular","sts":"Active","cxdt":"","tradeNam":"GSTN","pradr":{"addr":{"bnm":"","st":"","loc":"","bno":"","stcd":"","dst":"","flno":"","lt":"","lg":"","pncd":"400123"}}},"error":null,"info":null,"additionalInfo":null,"alert":null}"#)
        // Every key of Vayana's v3.0 sample (but its nulls) is there, with the sample's types.
        for key in sample["data"]!.objectValue!.keys { #expect(found.data?[key] != nil, "\(key)") }
        #expect(found.data?["gstin"] == .string(World.supplierA.value) && found.data?["sts"] == "Active")
        // The same registration bytes as Sandbox's public search renders.
        #expect(found.rawData == h.world { PublicSearchRender.taxpayer($0.registration(World.supplierA)!) })

        let unknown = h.get("\(Self.common)/search?gstin=07AAACX9999Z1Z5&action=TP")
        #expect(unknown.status == 502 && unknown.gstnCode == "FO8000")
        #expect(h.get("\(Self.common)/search?gstin=27ABC&action=TP").errorKey == "err-invalid-gstin-format")
        #expect(h.get("\(Self.common)/search?gstin=\(World.supplierA.value)").status == 400)
        #expect(h.get("\(Self.common)/search?gstin=\(World.supplierA.value)&action=XX").status == 400)
        #expect(h.get("\(Self.common)/search?gstin=\(World.supplierA.value)&action=TP", headers: []).errorKey == "err-invalid-org")
    }

    @Test func trackReturnsByFinancialYear() throws {
        let h = Harness()
        h.login()
        // The first party with a filed return in 2024-25 (the shared world's suppliers file March 2025).
        let found: (GSTIN, [ReturnFiling])? = h.world { s in
            for g in s.parties.keys.sorted() {
                let filed = s.filedReturns(gstin: g).filter { $0.period.financialYearStart == 2024 }
                if !filed.isEmpty { return (g, filed) }
            }
            return nil
        }
        let (gstin, expected) = try #require(found)
        let track = h.get("\(Self.common)/returns?gstin=\(gstin.value)&fy=2024-25&action=RETTRACK")
        #expect(track.status == 200)
        let list = track.data?["EFiledlist"]?.arrayValue ?? []
        #expect(list.count == expected.count && list.first?["valid"] == .bool(true) && list.first?["arn"] == .string(expected[0].arn))
        #expect(list.first?["ret_prd"] == .string(expected[0].period.mmyyyy) && list.first?["status"] == "Filed")
        #expect(h.get("\(Self.common)/returns?gstin=\(gstin.value)&fy=2024-25&action=RETTRACK&type=ALL-RTRN").rawData == track.rawData)
        #expect(h.get("\(Self.common)/returns?gstin=\(gstin.value)&fy=2023-24&action=RETTRACK").gstnCode == "RET13510")
        #expect(h.get("\(Self.common)/returns?gstin=\(gstin.value)&fy=2024&action=RETTRACK").status == 400)
        #expect(h.get("\(Self.common)/returns?gstin=\(gstin.value)&fy=2024-25&action=RETTRACK&type=GSTR9").status == 400)
        #expect(h.get("\(Self.common)/returns?gstin=\(gstin.value)&fy=2024-25").status == 400)
    }
}
