import GSTCore
import JSON

/// The GSTR-1 summary (`GET …/gstrs/gstr-1/{year}/{month}`): `{chksum, gstin, newSumFlag, ret_period,
/// sec_sum[…], smryTyp}`, every total a sum of the return's records.
///
/// - B2B, B2BA, CDNR, CDNRA come from the world's documents, with `cpty_sum` per counterparty;
///   the saved sections from their records: `ttl_rec` counts records (invoices / notes / rows),
///   `ttl_tax` is the taxable value (`txval`; `ad_amt` for advances), `ttl_val` the sum of `val`
///   (taxable value plus tax where a section has no `val`), `ttl_igst`/`cgst`/`sgst`/`cess` the tax heads.
/// - NIL carries `ttl_expt_amt`, `ttl_nilsup_amt`, `ttl_ngsup_amt`; DOC_ISSUE `ttl_doc_issued`,
///   `ttl_doc_cancelled`, `net_doc_issued`.
/// - Only sections holding records appear; `chksum` is the SHA-256 of the section's records.
package enum GSTR1SummaryRender {
    struct Totals {
        var rec = 0
        var val = Amount.zero, tax = Amount.zero, igst = Amount.zero, cgst = Amount.zero, sgst = Amount.zero, cess = Amount.zero
        var sawVal = false
        var extra: [String: Amount] = [:]
        var counts: [String: Int] = [:]

        mutating func add(_ d: Document) {
            rec += 1; val = val + d.value; tax = tax + d.taxableValue
            igst = igst + d.igst; cgst = cgst + d.cgst; sgst = sgst + d.sgst; cess = cess + d.cess
        }

        /// Sums the amounts found anywhere in `v` by field name.
        mutating func walk(_ v: JSONValue) {
            switch v {
            case .object(let o):
                for (k, x) in o {
                    if case .number(let n) = x {
                        let a = n.amount ?? .zero
                        switch k {
                        case "val": val = val + a; sawVal = true
                        case "txval", "ad_amt": tax = tax + a
                        case "iamt": igst = igst + a
                        case "camt": cgst = cgst + a
                        case "samt": sgst = sgst + a
                        case "csamt": cess = cess + a
                        case "expt_amt", "nil_amt", "ngsup_amt": extra[k, default: .zero] = extra[k, default: .zero] + a
                        case "totnum", "cancel", "net_issue": counts[k] = Self.saturatingSum(counts[k] ?? 0, n.int ?? 0)
                        default: break
                        }
                    } else {
                        walk(x)
                    }
                }
            case .array(let a): for x in a { walk(x) }
            default: break
            }
        }

        /// Document counts are any non-negative integers a save request gives (GSTN sets no maximum):
        /// their total stops at `Int.max` rather than trapping.
        static func saturatingSum(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? (b < 0 ? Int.min : Int.max) : sum
        }

        func fields(name: String, checksum: String) -> [String: JSONValue] {
            func n(_ a: Amount) -> JSONValue { .number(JSONNumber(a)) }
            return [
                "sec_nm": .string(name), "chksum": .string(checksum), "ttl_rec": .number(JSONNumber(rec)),
                "ttl_val": n(sawVal ? val : tax + igst + cgst + sgst + cess), "ttl_tax": n(tax),
                "ttl_igst": n(igst), "ttl_cgst": n(cgst), "ttl_sgst": n(sgst), "ttl_cess": n(cess),
            ]
        }
    }

    package static func summary(supplier: GSTIN, period: ReturnPeriod, documents: [(name: String, docs: [Document])],
                                saved: [(GSTR1SavedSection, [GSTR1SavedRecord])]) -> JSONValue {
        var sections: [JSONValue] = []
        for (name, docs) in documents where !docs.isEmpty {
            var t = Totals()
            var byCtin: [GSTIN: Totals] = [:]
            var hashes: [GSTIN: String] = [:]
            for d in docs { t.add(d); byCtin[d.recipient, default: Totals()].add(d); hashes[d.recipient, default: ""] += d.imsHash }
            var o = t.fields(name: name, checksum: SHA256.hex(docs.map(\.imsHash).joined()))
            o["sec_nm"] = .string(name)
            o["cpty_sum"] = .array(byCtin.keys.sorted().map { ctin in
                var c = byCtin[ctin]!.fields(name: "", checksum: SHA256.hex(hashes[ctin]!))
                c["sec_nm"] = nil
                c["ctin"] = .string(ctin.value)
                return .object(c)
            })
            sections.append(.object(o))
        }
        for (section, records) in saved where !records.isEmpty {
            var t = Totals()
            for r in records {
                t.walk(.object(r.wire.group)); t.walk(r.wire.inner)
                t.rec += recordCount(section, r.wire.inner)
            }
            let checksum = SHA256.hex(records.map { GSTR1SectionRender.checksum($0.wire.inner) }.joined())
            let name = section == .docIssue ? "DOC_ISSUE" : section.rawValue.uppercased()
            var o: [String: JSONValue]
            switch section {
            case .nilRated:
                o = ["sec_nm": .string(name), "chksum": .string(checksum), "ttl_rec": .number(JSONNumber(t.rec)),
                     "ttl_expt_amt": .number(JSONNumber(t.extra["expt_amt"] ?? .zero)),
                     "ttl_nilsup_amt": .number(JSONNumber(t.extra["nil_amt"] ?? .zero)),
                     "ttl_ngsup_amt": .number(JSONNumber(t.extra["ngsup_amt"] ?? .zero))]
            case .docIssue:
                o = ["sec_nm": .string(name), "chksum": .string(checksum), "ttl_rec": .number(JSONNumber(t.rec)),
                     "ttl_doc_issued": .number(JSONNumber(t.counts["totnum"] ?? 0)),
                     "ttl_doc_cancelled": .number(JSONNumber(t.counts["cancel"] ?? 0)),
                     "net_doc_issued": .number(JSONNumber(t.counts["net_issue"] ?? 0))]
            default:
                o = t.fields(name: name, checksum: checksum)
            }
            sections.append(.object(o))
        }
        var body: [String: JSONValue] = [
            "gstin": .string(supplier.value), "newSumFlag": true, "ret_period": .string(period.mmyyyy),
            "sec_sum": .array(sections), "smryTyp": "L",
        ]
        body["chksum"] = .string(SHA256.hex(JSONWriter.write(.array(sections))))
        return .object(body)
    }

    /// Records a saved record stands for: rows of nil / hsn / doc_issue, otherwise one.
    static func recordCount(_ section: GSTR1SavedSection, _ inner: JSONValue) -> Int {
        switch section {
        case .nilRated: return inner["inv"]?.arrayValue?.count ?? 0
        case .hsn: return ["data", "hsn_b2b", "hsn_b2c"].reduce(0) { $0 + (inner[$1]?.arrayValue?.count ?? 0) }
        case .docIssue: return inner["doc_det"]?.arrayValue?.reduce(0) { $0 + ($1["docs"]?.arrayValue?.count ?? 0) } ?? 0
        default: return 1
        }
    }
}
