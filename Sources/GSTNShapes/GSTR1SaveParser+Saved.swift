import GSTCore
import JSON

/// The saved sections of a GSTR-1 payload (everything but b2b/b2ba/cdnr/cdnra). Each record is checked
/// for the fields GSTN requires and kept as sent (minus `flag`); its identity — what a later save of the
/// same record replaces — is the GSTN key of the section:
///
/// | section | shape | identity |
/// |---|---|---|
/// | at | `[{pos, sply_ty, itms[{rt, ad_amt, …}]}]` | pos, sply_ty |
/// | ata | `[{omon, pos, sply_ty, itms}]` | omon, pos, sply_ty |
/// | b2cl | `[{pos, inv[{inum, idt, val, itms[{num, itm_det}]}]}]` | pos, inum |
/// | b2cla | `[{pos, inv[{oinum, oidt, inum, idt, val, itms}]}]` | pos, inum |
/// | b2cs | `[{sply_ty, pos, typ, rt, txval, …}]` | pos, sply_ty, rt, typ, etin |
/// | b2csa | `[{omon, sply_ty, pos, typ, itms[{rt, txval, …}]}]` | omon, pos, sply_ty, typ |
/// | cdnur | `[{typ, ntty, nt_num, nt_dt, val, itms}]` | nt_num |
/// | cdnura | `[{typ, ntty, ont_num, ont_dt, nt_num, nt_dt, val, itms}]` | nt_num |
/// | exp | `[{exp_typ, inv[{inum, idt, val, itms[{rt, txval, …}]}]}]` | exp_typ, inum |
/// | expa | `[{exp_typ, inv[{oinum, oidt, inum, idt, val, itms}]}]` | exp_typ, inum |
/// | nil | `{inv[{sply_ty, expt_amt, nil_amt, ngsup_amt}]}` | whole object |
/// | hsn | `{data[{num, hsn_sc, uqc, qty, txval, …}]}` | whole object |
/// | doc_issue | `{doc_det[{doc_num, docs[{num, from, to, totnum, cancel, net_issue}]}]}` | whole object |
/// | txpd, txpda | as at, ata | as at, ata |
/// | supeco | `{clttx|paytx: [{etin, suppval, igst, cgst, sgst, cess}]}` | table, etin |
/// | supecoa | `{clttxa|paytxa: [{oetin, omon, etin, suppval, …}]}` | table, oetin, omon |
/// | ecom | `{b2b[{stin, rtin, inv[…]}], urp2b[{rtin, inv[…]}], b2c[{stin, pos, rt, sply_ty, …}], urp2c[…]}` | part, parties, inum / pos, rt, sply_ty |
/// | ecoma | `{b2ba[…], urp2ba[…]}` (with oinum, oidt), `b2ca[{pos, posItms[{stin, omon, sply_ty, itms}]}]`, `urp2ca[{pos, omon, sply_ty, itms}]` | part, parties, inum / pos, stin, omon, sply_ty |
extension Reader {
    static let supplyTypes: Set<String> = ["INTER", "INTRA"]

    func saved(_ v: JSONValue, section: GSTR1SavedSection) throws -> [GSTR1Entry] {
        let key = section.rawValue
        if section.isWholeObject {
            var o = try object(v, path)
            try checkWhole(o, section: section)
            let delete = try flagDeletes(o, path)
            o["flag"] = nil
            return [GSTR1Entry(target: .saved(section, identity: ""), wire: GSTR1WireRecord(section: key, inner: .object(o)),
                               date: nil, placeOfSupply: nil, delete: delete)]
        }
        if !section.operatorTables.isEmpty { return try operatorRows(v, section: section) }
        if !section.ecomParts.isEmpty { return try ecomRecords(v, section: section) }
        var out: [GSTR1Entry] = []
        for (gi, g) in try list(v, path).enumerated() {
            let gp = "\(path)[\(gi)]"
            var rec = try object(g, gp)
            switch section {
            case .b2cl, .b2cla, .exp, .expa:
                // Grouped: the group's own fields, then one entry per inner invoice.
                let groupField = section == .exp || section == .expa ? "exp_typ" : "pos"
                let groupValue: String
                var pos: String?
                if groupField == "pos" { pos = try self.pos(rec, gp); groupValue = pos! } else {
                    groupValue = try oneOf(rec, "exp_typ", gp, ["WPAY", "WOPAY"])
                }
                let invs = try list(rec["inv"], "\(gp).inv")
                rec["inv"] = nil
                for (ii, r) in invs.enumerated() {
                    let p = "\(gp).inv[\(ii)]"
                    var inv = try object(r, p)
                    let number = try string(inv, "inum", p, max: 16)
                    let date = try self.date(inv, "idt", p)
                    if section == .b2cla || section == .expa { _ = try string(inv, "oinum", p, max: 16); _ = try self.date(inv, "oidt", p) }
                    _ = try amount(inv, "val", p)
                    if section == .exp || section == .expa { try flatItems(inv, p, required: ["rt", "txval"]) } else { _ = try lineItems(inv, p) }
                    let delete = try flagDeletes(inv, p)
                    inv["flag"] = nil
                    let wire = GSTR1WireRecord(section: key, group: rec, innerKey: "inv", inner: .object(inv))
                    out.append(GSTR1Entry(target: .saved(section, identity: "\(groupValue)|\(number)"), wire: wire,
                                          date: date, placeOfSupply: pos, delete: delete))
                }
            default:
                out.append(try flatRecord(rec, section: section, path: gp))
            }
        }
        return out
    }

    /// supeco / supecoa: `{"<table>":[rows]}`, one row per operator (`etin`) and table; an amendment
    /// names the original operator and month (`oetin`, `omon`), which identify it. Rows have no items.
    private func operatorRows(_ v: JSONValue, section: GSTR1SavedSection) throws -> [GSTR1Entry] {
        let o = try object(v, path)
        var out: [GSTR1Entry] = []
        for (table, rows) in o.sorted(by: { $0.key < $1.key }) {
            guard section.operatorTables.contains(table) else {
                throw fail("\(path).\(table)", "expected one of \(section.operatorTables)")
            }
            for (i, r) in try list(rows, "\(path).\(table)").enumerated() {
                let p = "\(path).\(table)[\(i)]"
                var rec = try object(r, p)
                var identity = [table, try string(rec, "etin", p, max: 15)]
                if section == .supecoa {
                    identity = [table, try string(rec, "oetin", p, max: 15), try string(rec, "omon", p)]
                    try period(rec, "omon", p)
                }
                _ = try amount(rec, "suppval", p)
                for k in ["igst", "cgst", "sgst", "cess"] { _ = try amount(rec, k, p, required: false) }
                let delete = try flagDeletes(rec, p)
                rec["flag"] = nil
                out.append(GSTR1Entry(target: .saved(section, identity: identity.joined(separator: "|")),
                                      wire: GSTR1WireRecord(section: section.rawValue, group: ["table": .string(table)], inner: .object(rec)),
                                      date: nil, placeOfSupply: nil, delete: delete))
            }
        }
        return out
    }

    /// ecom / ecoma, as Sandbox's save example and GET schemas write them (no structured save schema
    /// exists). Invoices (`b2b`, `urp2b`, `b2ba`, `urp2ba`) are grouped by their parties and kept one per
    /// invoice number; rate rows (`b2c`, `urp2c`) by place of supply, rate and supply type (and supplier);
    /// amended rows (`b2ca`, `urp2ca`) by place of supply, original month and supply type (and supplier).
    private func ecomRecords(_ v: JSONValue, section: GSTR1SavedSection) throws -> [GSTR1Entry] {
        let o = try object(v, path)
        var out: [GSTR1Entry] = []
        func entry(_ identity: [String], group: [String: JSONValue], innerKey: String?, _ rec: [String: JSONValue],
                   date: CivilDate?, pos: String?, _ p: String) throws -> GSTR1Entry {
            let delete = try flagDeletes(rec, p)
            var kept = rec
            kept["flag"] = nil
            return GSTR1Entry(target: .saved(section, identity: identity.joined(separator: "|")),
                              wire: GSTR1WireRecord(section: section.rawValue, group: group, innerKey: innerKey, inner: .object(kept)),
                              date: date, placeOfSupply: pos, delete: delete)
        }
        for (part, rows) in o.sorted(by: { $0.key < $1.key }) {
            guard section.ecomParts.contains(part) else { throw fail("\(path).\(part)", "expected one of \(section.ecomParts)") }
            for (gi, g) in try list(rows, "\(path).\(part)").enumerated() {
                let gp = "\(path).\(part)[\(gi)]"
                let rec = try object(g, gp)
                switch part {
                case "b2b", "urp2b", "b2ba", "urp2ba":
                    var group: [String: JSONValue] = ["part": .string(part), "rtin": .string(try string(rec, "rtin", gp, max: 15))]
                    if part.hasPrefix("b2b") { group["stin"] = .string(try string(rec, "stin", gp, max: 15)) }
                    for (ii, r) in try list(rec["inv"], "\(gp).inv").enumerated() {
                        let p = "\(gp).inv[\(ii)]"
                        let inv = try object(r, p)
                        let number = try string(inv, "inum", p, max: 16)
                        let date = try self.date(inv, "idt", p)
                        _ = try oneOf(inv, "sply_ty", p, Self.supplyTypes)
                        if part.hasSuffix("a") { _ = try string(inv, "oinum", p, max: 16); _ = try self.date(inv, "oidt", p) }
                        let pos = try self.pos(inv, p)
                        _ = try oneOf(inv, "inv_typ", p, ["R", "DE", "SEWP", "SEWOP"])
                        _ = try amount(inv, "val", p)
                        _ = try lineItems(inv, p)
                        let parties = [group["stin"]?.stringValue ?? "", group["rtin"]!.stringValue!]
                        out.append(try entry([part] + parties + [number], group: group, innerKey: "inv", inv, date: date, pos: pos, p))
                    }
                case "b2c", "urp2c":
                    let pos = try self.pos(rec, gp)!
                    let supplier = part == "b2c" ? try string(rec, "stin", gp, max: 15) : ""
                    let rate = String(try amount(rec, "rt", gp).paise)
                    _ = try amount(rec, "txval", gp)
                    for k in ["iamt", "camt", "samt", "csamt"] { _ = try amount(rec, k, gp, required: false) }
                    let identity = [part, supplier, pos, rate, try oneOf(rec, "sply_ty", gp, Self.supplyTypes)]
                    out.append(try entry(identity, group: ["part": .string(part)], innerKey: nil, rec, date: nil, pos: pos, gp))
                case "b2ca":
                    let pos = try self.pos(rec, gp)!
                    for (ii, r) in try list(rec["posItms"], "\(gp).posItms").enumerated() {
                        let p = "\(gp).posItms[\(ii)]"
                        let row = try object(r, p)
                        try period(row, "omon", p)
                        try flatItems(row, p, required: ["rt", "txval"])
                        let identity = [part, pos, try string(row, "stin", p, max: 15), try string(row, "omon", p),
                                        try oneOf(row, "sply_ty", p, Self.supplyTypes)]
                        out.append(try entry(identity, group: ["part": .string(part), "pos": .string(pos)], innerKey: "posItms",
                                             row, date: nil, pos: pos, p))
                    }
                default:  // urp2ca
                    let pos = try self.pos(rec, gp)!
                    try period(rec, "omon", gp)
                    try flatItems(rec, gp, required: ["rt", "txval"])
                    let identity = [part, pos, try string(rec, "omon", gp), try oneOf(rec, "sply_ty", gp, Self.supplyTypes)]
                    out.append(try entry(identity, group: ["part": .string(part)], innerKey: nil, rec, date: nil, pos: pos, gp))
                }
            }
        }
        return out
    }

    private func flatRecord(_ input: [String: JSONValue], section: GSTR1SavedSection, path p: String) throws -> GSTR1Entry {
        var rec = input
        var identity: [String] = []
        var date: CivilDate?
        var isNote = false
        var pos: String?
        switch section {
        case .at, .ata, .txpd, .txpda:
            // Advances adjusted (txpd) are written as advances received (at): one record per place of
            // supply and supply type, items by rate with the advance `ad_amt`.
            if section == .ata || section == .txpda { try period(rec, "omon", p); identity.append(try string(rec, "omon", p)) }
            pos = try self.pos(rec, p)
            identity += [pos!, try oneOf(rec, "sply_ty", p, Self.supplyTypes)]
            try flatItems(rec, p, required: ["rt", "ad_amt"])
        case .b2cs:
            pos = try self.pos(rec, p)
            identity += [pos!, try oneOf(rec, "sply_ty", p, Self.supplyTypes), String(try amount(rec, "rt", p).paise),
                         try oneOf(rec, "typ", p, ["OE", "E"]), rec["etin"]?.stringValue ?? ""]
            _ = try amount(rec, "txval", p)
            for k in ["iamt", "camt", "samt", "csamt"] { _ = try amount(rec, k, p, required: false) }
        case .b2csa:
            try period(rec, "omon", p)
            pos = try self.pos(rec, p)
            identity += [try string(rec, "omon", p), pos!, try oneOf(rec, "sply_ty", p, Self.supplyTypes), try oneOf(rec, "typ", p, ["OE", "E"])]
            try flatItems(rec, p, required: ["rt", "txval"])
        case .cdnur, .cdnura:
            _ = try oneOf(rec, "typ", p, ["B2CL", "EXPWP", "EXPWOP"])
            _ = try oneOf(rec, "ntty", p, ["C", "D"])
            identity.append(try string(rec, "nt_num", p, max: 16))
            date = try self.date(rec, "nt_dt", p)
            isNote = true
            if section == .cdnura { _ = try string(rec, "ont_num", p, max: 16); _ = try self.date(rec, "ont_dt", p) }
            _ = try amount(rec, "val", p)
            pos = try self.pos(rec, p, required: false)
            _ = try lineItems(rec, p)
        default:
            throw fail(p, "not a flat section")
        }
        let delete = try flagDeletes(rec, p)
        rec["flag"] = nil
        return GSTR1Entry(target: .saved(section, identity: identity.joined(separator: "|")),
                          wire: GSTR1WireRecord(section: section.rawValue, inner: .object(rec)),
                          date: date, isNote: isNote, placeOfSupply: pos, delete: delete)
    }

    private func checkWhole(_ o: [String: JSONValue], section: GSTR1SavedSection) throws {
        switch section {
        case .nilRated:
            for (i, v) in try list(o["inv"], "\(path).inv").enumerated() {
                let p = "\(path).inv[\(i)]"
                let r = try object(v, p)
                _ = try oneOf(r, "sply_ty", p, ["INTRB2B", "INTRB2C", "INTRAB2B", "INTRAB2C"])
                for k in ["expt_amt", "nil_amt", "ngsup_amt"] { _ = try amount(r, k, p) }
            }
        case .hsn:
            let lists = ["data", "hsn_b2b", "hsn_b2c"].filter { o[$0] != nil }
            guard !lists.isEmpty else { throw fail("\(path).data", "required") }
            for name in lists {
                for (i, v) in try list(o[name], "\(path).\(name)").enumerated() {
                    let p = "\(path).\(name)[\(i)]"
                    let r = try object(v, p)
                    guard r["num"]?.intValue != nil else { throw fail("\(p).num", "expected an integer") }
                    _ = try string(r, "hsn_sc", p, max: 8)
                    _ = try string(r, "uqc", p, max: 30)
                    guard r["qty"]?.numberValue != nil else { throw fail("\(p).qty", "expected a number") }
                    _ = try amount(r, "txval", p)
                    for k in ["iamt", "camt", "samt", "csamt"] { _ = try amount(r, k, p, required: false) }
                }
            }
        case .docIssue:
            for (i, v) in try list(o["doc_det"], "\(path).doc_det").enumerated() {
                let p = "\(path).doc_det[\(i)]"
                let r = try object(v, p)
                guard r["doc_num"]?.intValue != nil else { throw fail("\(p).doc_num", "expected an integer") }
                // A document type with nothing issued is `"docs": []`, as GSTN's own GET returns it.
                guard let docs = r["docs"]?.arrayValue else { throw fail("\(p).docs", "expected an array") }
                for (j, d) in docs.enumerated() {
                    let dp = "\(p).docs[\(j)]"
                    let doc = try object(d, dp)
                    for k in ["num", "totnum", "cancel", "net_issue"] {
                        guard let n = doc[k]?.intValue, n >= 0 else { throw fail("\(dp).\(k)", "expected a non-negative integer") }
                    }
                    _ = try string(doc, "from", dp); _ = try string(doc, "to", dp)
                }
            }
        default:
            throw fail(path, "not a whole-object section")
        }
    }
}
