import GSTCore
import GSTNShapes
import HTTPWire
import JSON
import Testing
import VayanaAPI

/// Returns lite for GSTR-2A and GSTR-3B: the payloads are GSTNShapes' renderings of GSTCore's views,
/// byte for byte what Sandbox's GSTR-2A / GSTR-3B routes put in `data.data`.
@Suite struct GSTR2A3BTests {
    static let returns = "\(Harness.gstn)/v3.0/returns"
    static let g = World.recipient.value

    /// World plus `A-900`: saved by supplier A for March, not filed.
    static func seed() -> WorldSeed {
        var s = World.seed()
        var unfiled = World.invoice(from: World.supplierA, "A-900", rupees: 900, day: 28)
        unfiled.filing.filed = false
        unfiled.filing.filedOn = nil
        s.documents.append(unfiled)
        return s
    }

    static func twoA(_ h: Harness, _ action: String, period: String = "032025", extra: String = "") -> Reply {
        h.get("\(returns)?gstn_ret_type=gstr2a&gstin=\(g)&ret_period=\(period)&action=\(action)\(extra)")
    }

    static func rendered(_ h: Harness, _ section: GSTR2ASection) -> [UInt8] {
        h.world { GSTR2ARender.section(section, suppliers: $0.gstr2a(recipient: World.recipient, period: World.march, section: section)) }
    }

    @Test func b2bBeforeAndAfterTheSupplierFiles() throws {
        let h = Harness(seed: Self.seed()).ready()
        let before = Self.twoA(h, "B2B")
        #expect(before.status == 200)
        #expect(before.rawData == Self.rendered(h, .b2b))
        let alpha = try #require(before.data?["b2b"]?.arrayValue?.first { $0["ctin"]?.stringValue == World.supplierA.value })
        #expect(alpha["cfs"] == "N" && alpha["fldtr1"] == nil)
        #expect((alpha["inv"]?.arrayValue ?? []).compactMap { $0["inum"]?.stringValue } == ["A-001", "A-002", "A-003", "A-900"])
        let bravo = try #require(before.data?["b2b"]?.arrayValue?.first { $0["ctin"]?.stringValue == World.supplierB.value })
        #expect(bravo["cfs"] == "Y" && bravo["fldtr1"] == "11-Apr-25" && bravo["flprdr1"] == "Mar-25" && bravo["cfs3b"] == "N")

        h.world { _ = $0.recordSupplierFiling(supplier: World.supplierA, period: World.march, on: CivilDate(year: 2025, month: 4, day: 13)!) }
        let after = Self.twoA(h, "B2B")
        #expect(after.rawData == Self.rendered(h, .b2b))
        let filed = try #require(after.data?["b2b"]?.arrayValue?.first { $0["ctin"]?.stringValue == World.supplierA.value })
        #expect(filed["cfs"] == "Y" && filed["fldtr1"] == "13-Apr-25")
        // ctin filter.
        let only = Self.twoA(h, "B2B", extra: "&ctin=\(World.supplierB.value)")
        #expect(only.data?["b2b"]?.arrayValue?.count == 1)
    }

    @Test func notesAndErrors() {
        let h = Harness(seed: Self.seed()).ready()
        let cdn = Self.twoA(h, "CDN")
        #expect(cdn.rawData == Self.rendered(h, .cdn))
        #expect(cdn.data?["cdn"]?[0]?["nt"]?[0]?["nt_num"] == "A-CN1" && cdn.data?["cdn"]?[0]?["nt"]?[0]?["ntty"] == "C")
        for (action, code) in [("B2BA", "RET13509"), ("CDNA", "RET13509"), ("ISD", "RET13509"), ("TCS", "RET13509"), ("TDS", "RET13509"),
                               ("TDSA", "RET13509"), ("ECOM", "RET13509"), ("ECOMA", "RET13509"), ("IMPG", "RET13510"), ("IMPGSEZ", "RET13510"), ("AMDHIST", "RET13508")] {
            let r = Self.twoA(h, action)
            #expect(r.status == 502, "\(action)")
            #expect(r.gstnCode == code, "\(action)")
        }
        #expect(Self.twoA(h, "B2B", period: "042025").gstnCode == "RET13509")
        #expect(Self.twoA(h, "B2B", period: "13-2025").status == 400)
        #expect(Self.twoA(h, "NOPE").status == 400)
        #expect(Self.twoA(h, "B2B", extra: "&ctin=bad").errorKey == "err-invalid-gstin-format")
        #expect(h.get("\(Self.returns)?gstn_ret_type=gstr2a&gstin=\(Self.g)&ret_period=032025").errorKey == "err-missing-parameter")
        // Without a GSTN session: RET11402.
        let fresh = Harness(seed: Self.seed())
        fresh.login()
        #expect(Self.twoA(fresh, "B2B").gstnCode == "RET11402")
    }

    @Test func gstr3bReturnSummaryFollowsFiling() throws {
        let h = Harness(seed: Self.seed()).ready()
        let url = "\(Self.returns)?gstn_ret_type=gstr3b&gstin=\(Self.g)&ret_period=032025&action=RETSUM"
        // Until the recipient's own GSTR-1 for March is filed, GSTN shows no 3B: RT-R3BQ1004.
        #expect(h.get(url).gstnCode == "RT-R3BQ1004")
        h.world { _ = $0.recordSupplierFiling(supplier: World.recipient, period: World.march, on: CivilDate(year: 2025, month: 4, day: 11)!) }
        let before = h.get(url)
        #expect(before.status == 200)
        let expected = h.world { GSTR3BRender.summary($0.gstr3bSummary(gstin: World.recipient, period: World.march)!) }
        #expect(before.rawData == expected)
        #expect(before.data?["ret_period"] == "032025" && before.data?["gstin"]?.stringValue == Self.g)
        // Filing through GSTCore (what Sandbox's file route calls): regeneration is refused afterwards.
        let ack = h.world { s -> String? in try? s.fileGSTR3BReturn(gstin: World.recipient, period: World.march) }
        #expect(ack?.hasPrefix("AA270325") == true)
        #expect(h.world { $0.requestGSTR2BRegeneration(recipient: World.recipient, period: World.march) } == .invalidPeriodOrGSTR3BFiled)
        #expect(h.get(url).status == 200)
        #expect(h.get("\(Self.returns)?gstn_ret_type=gstr3b&gstin=\(Self.g)&ret_period=032025&action=RETFILE").gstnCode == "GEN5002")
        #expect(h.get("\(Self.returns)?gstn_ret_type=gstr3b&gstin=\(Self.g)&ret_period=032025").errorKey == "err-missing-parameter")
    }
}
