import GSTCore
import HTTPWire
import JSON
import Testing

/// Each served operation's response held key for key against its official example
/// (`OfficialExamples`, with the page each comes from). `ShapeComparer` reports a key we send that the
/// example lacks, a key it has that we lack, and a type that differs. Where an example is an excerpt or
/// shows an optional part, the case says what it leaves out and why.
@Suite struct ConformanceTests {
    /// The test world with the taxpayer's October GSTR-1 filed, so its GSTR-3B is open.
    static func seed() -> WorldSeed {
        var s = TestWorld.seed()
        s.taxpayers[0].gstr1Filed = [TestWorld.october]
        return s
    }

    let h = Harness(Self.seed())

    func get(_ path: String) -> Reply { h.send(.get, "/gst/compliance/tax-payer/gstrs/" + path, headers: Harness.auth(h.taxpayerToken())) }

    /// Everything but `tx_pmt`, which payment (issue 14) brings.
    @Test func gstr3bDetails() {
        let r = get("gstr-3b/2024/10")
        #expect(ShapeComparer.differences(r.json, OfficialExamples.parse(OfficialExamples.gstr3bDetails), ignoring: ["tx_pmt"]) == [])
    }

    /// The example's supplier holds one e-invoice record: compared with one of ours that is e-invoiced.
    @Test func gstr2bDocdataRecord() throws {
        let groups = try #require(get("gstr-2b/2024/10").inner?["data"]?["docdata"]?["b2b"]?.arrayValue)
        let candidates = groups.compactMap { g -> JSONValue? in
            guard var o = g.objectValue, let record = g["inv"]?.arrayValue?.first(where: { $0["irn"] != nil }) else { return nil }
            o["inv"] = .array([record])
            return .object(o)
        }
        let einvoiced = try #require(candidates.first)
        #expect(ShapeComparer.differences(einvoiced, OfficialExamples.parse(OfficialExamples.gstr2bDocdataB2B)) == [])
    }

    /// The whole `itcsumm` of the example holds only the tables and lines something landed on; ours
    /// too. Each table we print has the example's table heads, each line the example's line keys
    /// (`txval` and the four heads), and no line is all zero.
    @Test func gstr2bITCSummary() throws {
        let ours = try #require(get("gstr-2b/2024/10").inner?["data"]?["itcsumm"])
        let example = OfficialExamples.parse(OfficialExamples.gstr2bITCSummary)
        #expect(ours.sortedKeys == example.sortedKeys)
        let lineModel = try #require(example["itcavl"]?["nonrevsup"]?["b2b"])
        let heads: Set<String> = ["cess", "cgst", "igst", "sgst"]
        var lines = 0
        for bucket in ["itcavl", "itcunavl"] {
            for (table, value) in ours[bucket]?.objectValue ?? [:] {
                let keys = Set(value.objectValue?.keys.map { $0 } ?? [])
                #expect(heads.isSubset(of: keys), "\(bucket).\(table)")
                for line in keys.subtracting(heads) {
                    lines += 1
                    #expect(ShapeComparer.differences(value[line]!, lineModel) == [], "\(bucket).\(table).\(line)")
                    #expect(value[line] != ["cess": 0, "cgst": 0, "igst": 0, "sgst": 0, "txval": 0], "\(bucket).\(table).\(line)")
                }
            }
        }
        #expect(lines > 0)
        #expect(ours["itcavl"]?["isdsup"] == nil && ours["itcavl"]?["imports"] == nil, "no ISD or import documents: no table")
    }

    /// Against the example's first supplier (filed, no e-invoice): our filed suppliers' records without an IRN.
    @Test func gstr2aB2B() throws {
        let r = get("gstr-2a/b2b/2024/10")
        var example = try #require(OfficialExamples.parse(OfficialExamples.gstr2aB2B).objectValue)
        var groups = try #require(r.json.objectValue)
        let filed = (r.inner?["b2b"]?.arrayValue ?? []).filter { $0["fldtr1"] != nil }.map { g -> JSONValue in
            var o = g.objectValue!
            o["inv"] = .array((g["inv"]?.arrayValue ?? []).filter { $0["irn"] == nil })
            return .object(o)
        }
        try #require(!filed.isEmpty)
        groups["data"] = ["data": ["b2b": .array(filed)], "status_cd": "1"]
        example["data"] = ["data": ["b2b": .array([OfficialExamples.parse(OfficialExamples.gstr2aB2B)["data"]!["data"]!["b2b"]![0]!])], "status_cd": "1"]
        #expect(ShapeComparer.differences(.object(groups), .object(example)) == [])
    }
}

/// The GSTR-1 summary of a return holding B2B, AT, B2CL, HSN, NIL and DOC_ISSUE records, against both
/// official layouts entry by entry: the same 30 `sec_nm` in the same order, each with the example's keys
/// and types (its `sub_sections` and `cpty_sum` rows too).
@Suite struct GSTR1SummaryConformanceTests {
    let h = Harness(TestWorld.seed())

    func summary(_ query: String) throws -> JSONValue {
        let token = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
        let t = GSTR1ReturnRouteTests.self
        let body = #"{"gstin":"\#(TestWorld.supplier.value)","fp":"112024","b2b":[\#(t.b2b("NEW-1"))],"at":\#(t.at),"b2cl":\#(t.b2cl),"hsn":\#(t.hsn),"nil":\#(t.nilSection),"doc_issue":\#(t.docIssue)}"#
        let saved = h.send(.post, t.t + "/gstrs/gstr-1/2024/11", headers: Harness.auth(token), body: body)
        try #require(saved.statusCD == "1")
        return h.send(.get, t.t + "/gstrs/gstr-1/2024/11" + query, headers: Harness.auth(token)).json
    }

    func differences(_ ours: JSONValue, _ official: JSONValue) -> [String] {
        let a = ours["data"]?["data"]?["sec_sum"]?.arrayValue ?? [], b = official["data"]?["data"]?["sec_sum"]?.arrayValue ?? []
        var out = ShapeComparer.differences(ours, official, ignoring: ["sec_sum"])
        let names = { (list: [JSONValue]) in list.map { $0["sec_nm"]?.stringValue ?? "?" } }
        if names(a) != names(b) { out.append("sec_sum names: \(names(a)) vs \(names(b))") }
        for (x, y) in zip(a, b) { out += ShapeComparer.differences(x, y, path: "$.sec_sum[\(y["sec_nm"]?.stringValue ?? "?")]") }
        return out
    }

    @Test func shortLayout() throws {
        #expect(differences(try summary(""), OfficialExamples.parse(OfficialExamples.gstr1Summary)) == [])
    }

    @Test func longLayout() throws {
        #expect(differences(try summary("?summary_type=long"), OfficialExamples.parse(OfficialExamples.gstr1SummaryLong)) == [])
    }
}

/// GSTR-1 section GETs and the documented "nothing here" answers against their official examples. The
/// saved sections are saved from the examples' own records (what a client posting back a GET does).
@Suite struct SectionConformanceTests {
    let h = Harness(TestWorld.seed())
    static let t = "/gst/compliance/tax-payer"

    func official(_ text: String) -> JSONValue { OfficialExamples.parse(text) }

    /// The example's records without what GSTN adds on reading (`chksum`, `flag`).
    static func posted(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(var o): o["chksum"] = nil; o["flag"] = nil; return .object(o.mapValues(posted))
        case .array(let a): return .array(a.map(posted))
        default: return v
        }
    }

    @Test func savedSectionsAsGSTNReturnsThem() throws {
        let token = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
        func inner(_ text: String, _ key: String) -> JSONValue { Self.posted(official(text)["data"]!["data"]![key]!) }
        // B2CS rows of the supplier's own kind: the example's inter-state rows (its place of supply differs).
        let b2cs = (inner(OfficialExamples.gstr1B2CS, "b2cs").arrayValue ?? []).filter { $0["sply_ty"] == "INTER" && $0["pos"] != "27" }
        var body: [String: JSONValue] = ["gstin": .string(TestWorld.supplier.value), "fp": "112024", "b2cs": .array(Array(b2cs.prefix(3)))]
        body["nil"] = inner(OfficialExamples.gstr1Nil, "nil")
        body["hsn"] = inner(OfficialExamples.gstr1HSN, "hsn")
        body["doc_issue"] = inner(OfficialExamples.gstr1DocIssue, "doc_issue")
        let saved = h.send(.post, Self.t + "/gstrs/gstr-1/2024/11", headers: Harness.auth(token), body: String(decoding: JSONWriter.write(.object(body)), as: UTF8.self))
        try #require(saved.statusCD == "1", "\(saved.text)")
        let id = try #require(saved.inner?["reference_id"]?.stringValue)
        let status = h.send(.get, Self.t + "/gstrs/2024/11/status?reference_id=\(id)", headers: Harness.auth(token))
        #expect(status.inner?["status_cd"] == "P", "\(status.text)")
        for (path, example) in [("b2cs", OfficialExamples.gstr1B2CS), ("nil", OfficialExamples.gstr1Nil),
                                ("hsn", OfficialExamples.gstr1HSN), ("doc-issue", OfficialExamples.gstr1DocIssue)] {
            let r = h.send(.get, Self.t + "/gstrs/gstr-1/\(path)/2024/11", headers: Harness.auth(token))
            #expect(ShapeComparer.differences(r.json, official(example)) == [], "\(path)")
        }
    }

    /// The seed's October notes; intra- and inter-state notes carry their own tax heads, as the example's do.
    @Test func cdnr() throws {
        let token = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
        let r = h.send(.get, Self.t + "/gstrs/gstr-1/cdnr/2024/10", headers: Harness.auth(token))
        try #require(r.inner?["cdnr"]?.arrayValue?.isEmpty == false)
        let example = official(OfficialExamples.gstr1CDNR)
        let heads = { (v: JSONValue) in Set(v["nt"]?[0]?["itms"]?[0]?["itm_det"]?.objectValue?.keys.map { $0 } ?? []) }
        let inter = try #require(example["data"]?["data"]?["cdnr"]?[0]), intra = try #require(example["data"]?["data"]?["cdnr"]?[3])
        #expect(heads(inter) == ["csamt", "iamt", "rt", "txval"] && heads(intra) == ["camt", "csamt", "rt", "samt", "txval"])
        for group in r.inner?["cdnr"]?.arrayValue ?? [] {
            let intraState = group["nt"]?[0]?["pos"]?.stringValue == String(TestWorld.supplier.value.prefix(2))
            let model = intraState ? intra : inter
            #expect(ShapeComparer.differences(group, model) == [], "\(group["ctin"]?.stringValue ?? "")")
        }
        #expect(ShapeComparer.differences(r.json, example, ignoring: ["cdnr"]) == [])
    }

    /// Empty sections answer each operation's documented code and message.
    @Test func nothingHere() {
        let supplier = h.taxpayerToken(gstin: TestWorld.supplier, username: TestWorld.supplierUser, otp: TestWorld.supplierOTP)
        let recipient = h.taxpayerToken()
        for (token, path, example) in [(supplier, "gstr-1/exp/2024/11", OfficialExamples.gstr1ExpNothing),
                                       (recipient, "gstr-2a/b2b/2024/08", OfficialExamples.gstr2aB2BNothing),
                                       (recipient, "gstr-2a/impg/2024/10", OfficialExamples.gstr2aImpgNothing),
                                       (recipient, "gstr-2a/2024/08", OfficialExamples.gstr2aDocumentNoData)] {
            let r = h.send(.get, Self.t + "/gstrs/" + path, headers: Harness.auth(token))
            let model = official(example)
            #expect(ShapeComparer.differences(r.json, model) == [], "\(path)")
            #expect(r.json["data"]?["error"] == model["data"]?["error"], "\(path): the documented code and message")
        }
    }
}
