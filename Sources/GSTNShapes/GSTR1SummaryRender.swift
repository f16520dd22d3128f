import GSTCore
import JSON

/// The GSTR-1 summary (`GET …/gstrs/gstr-1/{year}/{month}`) as Sandbox's official "200 Success" and
/// "200 Success long summary" examples show it (openapi.json, `getGstr1Summary`):
/// `{chksum, gstin, newSumFlag: true, ret_period, sec_sum[…]}`, plus `smryTyp: "L"` in the long layout.
///
/// - `sec_sum` always holds the same 30 entries in the official order (`order`), empty ones with zero
///   totals; B2B, B2BA are the sums of their table entries (B2B_4A regular, 4B reverse charge, 6C
///   deemed export, SEZWP, SEZWOP); CDNR, CDNRA carry those five as `sub_sections` named by `sec_nm`,
///   CDNUR, CDNURA (B2CL, EXPWOP, EXPWP) and EXP, EXPA (EXPWOP, EXPWP) as `sub_sections` named by `typ`.
/// - Amendment entries carry `act_*`, the amended values.
/// - Long layout only: `cpty_sum` per `ctin` on B2B_4x and the CDNR sub-sections, per `state_cd`
///   (place of supply) on B2CL and B2CS.
/// - `ttl_rec` counts records (invoices, notes, B2CS rows, HSN rows; one NIL object); `ttl_tax` is the
///   taxable value, `ttl_val` the sum of `val` (taxable value plus tax where a section has no `val`;
///   always 0 for HSN, as in the example); credit notes count negative.
/// - `chksum`: SHA-256 of the empty string for an empty entry; of the children's checksums joined for
///   an entry with children (sub-sections, or `cpty_sum` rows — the rule the example's hashes follow);
///   of the records' own checksums joined for a leaf.
/// - TTL_LIAB sums the liability entries (B2B, B2CL, B2CS, EXP, AT, CDNR, CDNUR, less TXPD) and its checksum,
///   also the top-level one, hashes every other entry's. GSTN's own derivation of that checksum and
///   of leaf checksums is not documented.
package enum GSTR1SummaryRender {
    /// Totals of an entry (or a `cpty_sum` row).
    struct Totals {
        var rec = 0
        var val = Amount.zero, tax = Amount.zero, igst = Amount.zero, cgst = Amount.zero, sgst = Amount.zero, cess = Amount.zero
        var sawVal = false
        var extra: [String: Amount] = [:]
        var counts: [String: Int] = [:]

        init() {}

        init(_ d: Document) {
            rec = 1; val = d.value; tax = d.taxableValue
            igst = d.igst; cgst = d.cgst; sgst = d.sgst; cess = d.cess
            if d.section.kind == .creditNote { negate() }
        }

        /// The amounts found anywhere in a saved record, by field name.
        init(record r: GSTR1SavedRecord, section: GSTR1SavedSection) {
            walk(.object(r.wire.group)); walk(r.wire.inner)
            rec = GSTR1SummaryRender.recordCount(section, r.wire.inner)
            if r.wire.inner["ntty"]?.stringValue == "C" { negate() }
        }

        /// `ttl_val` as written: the sum of `val`, or taxable value plus tax where no record has `val`.
        var value: Amount { sawVal ? val : tax + igst + cgst + sgst + cess }

        mutating func negate() {
            val = -val; tax = -tax; igst = -igst; cgst = -cgst; sgst = -sgst; cess = -cess
        }

        mutating func add(_ o: Totals) {
            rec = Self.saturatingSum(rec, o.rec)
            val = val + o.value; sawVal = true
            tax = tax + o.tax; igst = igst + o.igst; cgst = cgst + o.cgst; sgst = sgst + o.sgst; cess = cess + o.cess
            for (k, a) in o.extra { extra[k, default: .zero] = extra[k, default: .zero] + a }
            for (k, n) in o.counts { counts[k] = Self.saturatingSum(counts[k] ?? 0, n) }
        }

        private mutating func walk(_ v: JSONValue) {
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
    }

    /// A leaf's records, optionally keyed by counterparty (`ctin` or `state_cd`).
    struct Leaf {
        var totals = Totals()
        var checksums: [String] = []
        var byParty: [String: (totals: Totals, checksums: [String])] = [:]

        mutating func add(_ t: Totals, checksum: String, party: String?) {
            totals.add(t); checksums.append(checksum)
            if let party {
                byParty[party, default: (Totals(), [])].totals.add(t)
                byParty[party, default: (Totals(), [])].checksums.append(checksum)
            }
        }
    }

    /// One entry of `sec_sum` (or of a `sub_sections` list).
    struct Entry {
        var name: String
        /// Sub-sections of CDNUR/CDNURA/EXP/EXPA are named by `typ`, every other entry by `sec_nm`.
        var namedByType = false
        var amendment = false
        var totals = Totals()
        var checksum = SHA256.hex("")
        /// `cpty_sum` key (`ctin` / `state_cd`) and rows, for entries that list counterparties in the long layout.
        var partyKey: String?
        var parties: [(key: String, totals: Totals, checksum: String)] = []
        var subSections: [Entry]?
        /// NIL and DOC_ISSUE: their own field sets instead of the amounts.
        var custom: [String: JSONValue]?
        var zeroValue = false

        init(_ name: String, amendment: Bool = false, namedByType: Bool = false) {
            self.name = name; self.amendment = amendment; self.namedByType = namedByType
        }

        /// A leaf entry; `partyKey` names its `cpty_sum` key when it lists counterparties.
        init(_ name: String, leaf: Leaf, amendment: Bool = false, namedByType: Bool = false, partyKey: String? = nil) {
            self.init(name, amendment: amendment, namedByType: namedByType)
            totals = leaf.totals
            self.partyKey = partyKey
            if partyKey != nil {
                parties = leaf.byParty.keys.sorted().map { k in
                    let p = leaf.byParty[k]!
                    return (k, p.totals, SHA256.hex(p.checksums.joined()))
                }
                checksum = SHA256.hex(parties.map(\.checksum).joined())
            } else {
                checksum = SHA256.hex(leaf.checksums.joined())
            }
        }

        /// An entry that sums its children.
        init(_ name: String, children: [Entry], amendment: Bool = false, asSubSections: Bool) {
            self.init(name, amendment: amendment)
            for c in children { totals.add(c.totals) }
            checksum = SHA256.hex(children.map(\.checksum).joined())
            if asSubSections { subSections = children }
        }

        func json(long: Bool) -> JSONValue {
            var o: [String: JSONValue] = ["chksum": .string(checksum)]
            o[namedByType ? "typ" : "sec_nm"] = .string(name)
            if let custom {
                o.merge(custom) { a, _ in a }
                return .object(o)
            }
            let t = totals
            func n(_ a: Amount) -> JSONValue { .number(JSONNumber(a)) }
            let amounts: [(String, JSONValue)] = [
                ("val", n(zeroValue ? .zero : t.value)), ("tax", n(t.tax)), ("igst", n(t.igst)),
                ("cgst", n(t.cgst)), ("sgst", n(t.sgst)), ("cess", n(t.cess)),
            ]
            for (k, v) in amounts { o["ttl_" + k] = v }
            o["ttl_rec"] = .number(JSONNumber(t.rec))
            // The sandbox keeps the amended records only: their values are the actual ones.
            if amendment { for (k, v) in amounts { o["act_" + k] = v } }
            if long, let partyKey {
                o["cpty_sum"] = .array(parties.map { p in
                    var row: [String: JSONValue] = ["chksum": .string(p.checksum), partyKey: .string(p.key)]
                    row["ttl_rec"] = .number(JSONNumber(p.totals.rec))
                    for (k, v) in [("val", p.totals.value), ("tax", p.totals.tax), ("igst", p.totals.igst),
                                   ("cgst", p.totals.cgst), ("sgst", p.totals.sgst), ("cess", p.totals.cess)] {
                        row["ttl_" + k] = n(v)
                    }
                    return .object(row)
                })
            }
            if let subSections { o["sub_sections"] = .array(subSections.map { $0.json(long: long) }) }
            return .object(o)
        }
    }

    /// The B2B / CDNR tables a document belongs to, by its invoice type (customs bonded warehouse
    /// supplies go with regular ones: the example does not show them).
    static func table(_ d: Document) -> String {
        switch d.invoiceType {
        case .deemedExport: return "6C"
        case .sezWithPayment: return "SEZWP"
        case .sezWithoutPayment: return "SEZWOP"
        case .regular, .customsBondedWarehouse: return d.reverseCharge ? "4B" : "4A"
        }
    }

    static let tables = ["4A", "4B", "6C", "SEZWOP", "SEZWP"]

    /// - Parameters:
    ///   - documents: the supplier's documents of the period in B2B, B2BA and the CDNR sections.
    ///   - long: `summary_type=long`: `smryTyp` and the `cpty_sum` lists.
    package static func summary(supplier: GSTIN, period: ReturnPeriod, documents: [Document],
                                saved: [(GSTR1SavedSection, [GSTR1SavedRecord])], long: Bool) -> JSONValue {
        // Documents into their (entry, table) leaves, by ctin.
        var docLeaves: [String: Leaf] = [:]
        for d in documents {
            let entry: String
            switch d.section {
            case .b2b: entry = "B2B"
            case .b2ba: entry = "B2BA"
            case .b2bcn, .b2bdn: entry = "CDNR"
            case .b2bcna, .b2bdna: entry = "CDNRA"
            default: continue
            }
            docLeaves["\(entry)_\(table(d))", default: Leaf()].add(Totals(d), checksum: d.imsHash, party: d.recipient.value)
        }
        func docEntries(_ entry: String, amendment: Bool, parties: Bool) -> [Entry] {
            tables.map { Entry("\(entry)_\($0)", leaf: docLeaves["\(entry)_\($0)"] ?? Leaf(), amendment: amendment,
                               partyKey: parties ? "ctin" : nil) }
        }

        // Saved records into leaves: by section, and by `typ` / place of supply where the summary splits them.
        var savedLeaves: [String: Leaf] = [:]
                for (section, list) in saved {
            for r in list {
                let t = Totals(record: r, section: section), checksum = GSTR1SectionRender.checksum(r.wire.inner)
                let g = r.wire.group, inner = r.wire.inner
                switch section {
                case .b2cl, .b2cla: savedLeaves[section.rawValue, default: Leaf()].add(t, checksum: checksum, party: g["pos"]?.stringValue)
                case .b2cs, .b2csa: savedLeaves[section.rawValue, default: Leaf()].add(t, checksum: checksum, party: inner["pos"]?.stringValue)
                case .exp, .expa:
                    savedLeaves["\(section.rawValue)_\(g["exp_typ"]?.stringValue ?? "")", default: Leaf()].add(t, checksum: checksum, party: nil)
                case .cdnur, .cdnura:
                    savedLeaves["\(section.rawValue)_\(inner["typ"]?.stringValue ?? "")", default: Leaf()].add(t, checksum: checksum, party: nil)
                default: savedLeaves[section.rawValue, default: Leaf()].add(t, checksum: checksum, party: nil)
                }
            }
        }
        func savedEntry(_ section: GSTR1SavedSection, amendment: Bool = false, parties: Bool = false) -> Entry {
            Entry(section.rawValue.uppercased(), leaf: savedLeaves[section.rawValue] ?? Leaf(), amendment: amendment,
                  partyKey: parties ? "state_cd" : nil)
        }
        func typed(_ section: GSTR1SavedSection, _ types: [String], amendment: Bool) -> Entry {
            Entry(section.rawValue.uppercased(), children: types.map {
                Entry($0, leaf: savedLeaves["\(section.rawValue)_\($0)"] ?? Leaf(), amendment: amendment, namedByType: true)
            }, amendment: amendment, asSubSections: true)
        }

        let b2bTables = docEntries("B2B", amendment: false, parties: true)
        let b2baTables = docEntries("B2BA", amendment: true, parties: false)
        let b2b = Entry("B2B", children: b2bTables, asSubSections: false)
        let b2ba = Entry("B2BA", children: b2baTables, amendment: true, asSubSections: false)
        let cdnr = Entry("CDNR", children: docEntries("CDNR", amendment: false, parties: true), asSubSections: true)
        let cdnra = Entry("CDNRA", children: docEntries("CDNRA", amendment: true, parties: false), amendment: true, asSubSections: true)
        let at = savedEntry(.at), b2cl = savedEntry(.b2cl, parties: true), b2cs = savedEntry(.b2cs, parties: true)
        let cdnur = typed(.cdnur, ["B2CL", "EXPWOP", "EXPWP"], amendment: false)
        let exports = typed(.exp, ["EXPWOP", "EXPWP"], amendment: false)
        var hsn = savedEntry(.hsn)
        hsn.zeroValue = true
        var nilEntry = savedEntry(.nilRated)
        let nilTotals = nilEntry.totals
        nilEntry.custom = ["ttl_rec": .number(JSONNumber(nilTotals.rec)),
                           "ttl_expt_amt": .number(JSONNumber(nilTotals.extra["expt_amt"] ?? .zero)),
                           "ttl_nilsup_amt": .number(JSONNumber(nilTotals.extra["nil_amt"] ?? .zero)),
                           "ttl_ngsup_amt": .number(JSONNumber(nilTotals.extra["ngsup_amt"] ?? .zero))]
        var docIssue = savedEntry(.docIssue)
        docIssue.name = "DOC_ISSUE"
        let docTotals = docIssue.totals
        docIssue.custom = ["ttl_rec": .number(JSONNumber(docTotals.rec)),
                           "ttl_doc_issued": .number(JSONNumber(docTotals.counts["totnum"] ?? 0)),
                           "ttl_doc_cancelled": .number(JSONNumber(docTotals.counts["cancel"] ?? 0)),
                           "net_doc_issued": .number(JSONNumber(docTotals.counts["net_issue"] ?? 0))]
        let txpd = savedEntry(.txpd), txpda = savedEntry(.txpda, amendment: true)

        var before = [at, savedEntry(.ata, amendment: true), b2b, b2ba] + b2baTables + b2bTables
        before += [b2cl, savedEntry(.b2cla, amendment: true), b2cs, savedEntry(.b2csa, amendment: true), hsn, nilEntry]
        let after = [txpd, txpda, docIssue, cdnr, cdnra, cdnur, typed(.cdnura, ["B2CL", "EXPWOP", "EXPWP"], amendment: true),
                     exports, typed(.expa, ["EXPWOP", "EXPWP"], amendment: true)]
        var liability = Entry("TTL_LIAB")
        for e in [b2b, b2cl, b2cs, exports, at, cdnr, cdnur] { liability.totals.add(e.totals) }
        // Tax already paid on advances is adjusted against these supplies: it comes off.
        var adjusted = txpd.totals
        adjusted.negate()
        liability.totals.add(adjusted)
        liability.checksum = SHA256.hex((before + after).map(\.checksum).joined())

        var body: [String: JSONValue] = [
            "chksum": .string(liability.checksum), "gstin": .string(supplier.value), "newSumFlag": true,
            "ret_period": .string(period.mmyyyy),
            "sec_sum": .array((before + [liability] + after).map { $0.json(long: long) }),
        ]
        if long { body["smryTyp"] = "L" }
        return .object(body)
    }

    /// Records a saved record stands for: rows of hsn / doc_issue, one NIL object, otherwise one.
    static func recordCount(_ section: GSTR1SavedSection, _ inner: JSONValue) -> Int {
        switch section {
        case .hsn: return ["data", "hsn_b2b", "hsn_b2c"].reduce(0) { $0 + (inner[$1]?.arrayValue?.count ?? 0) }
        case .docIssue: return inner["doc_det"]?.arrayValue?.reduce(0) { $0 + ($1["docs"]?.arrayValue?.count ?? 0) } ?? 0
        default: return 1
        }
    }
}
