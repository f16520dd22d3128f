import GSTCore
import JSON

/// Reads a GSTN GSTR-1 save payload (`{gstin, fp, gt, cur_gt, b2b, b2ba, cdnr, …}`) into the core's
/// `GSTR1Entry`s, checking its structure. Any structural fault fails the whole body (GSTN: status ER
/// RET191106 "Error in Json structure validation."); business faults (dates, place of supply) are
/// left to the save job, which refuses only the records concerned (status PE).
///
/// Structure rules, from GSTN's GSTR-1 schema as Sandbox documents it (§5.3):
/// - the body is an object; `gstin`, when present, is the session's; `fp`, when present, is the period.
/// - only the sections below plus `gstin`, `fp`, `gt`, `cur_gt`; at least one section must be present.
/// - dates DD-MM-YYYY, `pos` two digits, amounts non-negative with at most two decimals and at most
///   GSTN's maxima (`val` 9,999,999,999,999.99, any other 99,999,999,999.99), `rchrg` Y/N,
///   `inv_typ` R/DE/SEWP/SEWOP/CBW, `ntty` C/D, `flag` (optional) one of D/A/R/N/U/E, `ctin` a valid
///   GSTIN other than the supplier, non-empty `inv`/`nt`/`itms` lists.
/// - `flag` "D" deletes the record.
package enum GSTR1SaveParser {
    package struct Fault: Error, Hashable, Sendable, CustomStringConvertible {
        package var path: String
        package var problem: String
        package var description: String { "\(path): \(problem)" }
    }

    static let ignoredSections: Set<String> = []
    static let metaKeys: Set<String> = ["gstin", "fp", "gt", "cur_gt"]

    package static func parse(_ body: JSONValue, supplier: GSTIN, period: ReturnPeriod) -> Result<[GSTR1Entry], Fault> {
        do { return .success(try entries(body, supplier: supplier, period: period)) } catch let f as Fault {
            return .failure(f)
        } catch {
            return .failure(Fault(path: "$", problem: "\(error)"))
        }
    }

    static func entries(_ body: JSONValue, supplier: GSTIN, period: ReturnPeriod) throws -> [GSTR1Entry] {
        guard let o = body.objectValue else { throw Fault(path: "$", problem: "not an object") }
        if let g = o["gstin"] { guard g.stringValue == supplier.value else { throw Fault(path: "gstin", problem: "not the session GSTIN") } }
        if let fp = o["fp"] { guard fp.stringValue == period.mmyyyy else { throw Fault(path: "fp", problem: "not the period") } }
        var out: [GSTR1Entry] = []
        var stored = 0
        for key in o.keys.sorted() {
            let v = o[key]!
            if metaKeys.contains(key) || ignoredSections.contains(key) { continue }
            let r = Reader(path: key)
            switch key {
            case "b2b", "b2ba": out += try r.documents(v, key: key, inner: "inv", supplier: supplier)
            case "cdnr", "cdnra": out += try r.documents(v, key: key, inner: "nt", supplier: supplier)
            default:
                guard let section = GSTR1SavedSection(rawValue: key) else { throw Fault(path: key, problem: "unknown section") }
                out += try r.saved(v, section: section)
            }
            stored += 1
        }
        guard stored > 0 else { throw Fault(path: "$", problem: "no GSTR-1 section") }
        return out
    }
}

/// Field readers; every failure is a `Fault` naming the JSON path.
struct Reader {
    var path: String
    typealias Fault = GSTR1SaveParser.Fault

    func fail(_ p: String, _ problem: String) -> Fault { Fault(path: p, problem: problem) }

    func object(_ v: JSONValue?, _ p: String) throws -> [String: JSONValue] {
        guard let o = v?.objectValue else { throw fail(p, "expected an object") }
        return o
    }
    func list(_ v: JSONValue?, _ p: String) throws -> [JSONValue] {
        guard let a = v?.arrayValue, !a.isEmpty else { throw fail(p, "expected a non-empty array") }
        return a
    }
    func string(_ o: [String: JSONValue], _ k: String, _ p: String, max: Int = 100) throws -> String {
        guard let s = o[k]?.stringValue, !s.isEmpty, s.utf8.count <= max else { throw fail("\(p).\(k)", "expected a string") }
        return s
    }
    func oneOf(_ o: [String: JSONValue], _ k: String, _ p: String, _ allowed: Set<String>) throws -> String {
        let s = try string(o, k, p)
        guard allowed.contains(s) else { throw fail("\(p).\(k)", "expected one of \(allowed.sorted())") }
        return s
    }
    func date(_ o: [String: JSONValue], _ k: String, _ p: String) throws -> CivilDate {
        let s = try string(o, k, p)
        guard s.utf8.count == 10, Array(s.utf8)[2] == UInt8(ascii: "-"), let d = CivilDate(ddmmyyyy: s) else {
            throw fail("\(p).\(k)", "expected DD-MM-YYYY")
        }
        return d
    }
    func pos(_ o: [String: JSONValue], _ p: String, required: Bool = true) throws -> String? {
        guard o["pos"] != nil || required else { return nil }
        let s = try string(o, "pos", p)
        guard s.utf8.count == 2, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw fail("\(p).pos", "expected two digits") }
        return s
    }
    func amount(_ o: [String: JSONValue], _ k: String, _ p: String, required: Bool = true) throws -> Amount {
        guard let v = o[k] else {
            if required { throw fail("\(p).\(k)", "required") }
            return .zero
        }
        guard let a = v.amountValue else { throw fail("\(p).\(k)", "expected a non-negative amount") }
        // GSTN's schema maxima; a document saved above them could not be exported and loaded back.
        let max = k == "val" ? Amount.gstnValueMaximum : Amount.gstnMaximum
        guard a <= max else { throw fail("\(p).\(k)", "at most \(max)") }
        return a
    }
    func period(_ o: [String: JSONValue], _ k: String, _ p: String) throws {
        guard ReturnPeriod(mmyyyy: try string(o, k, p)) != nil else { throw fail("\(p).\(k)", "expected MMYYYY") }
    }
    func flagDeletes(_ o: [String: JSONValue], _ p: String) throws -> Bool {
        guard o["flag"] != nil else { return false }
        return try oneOf(o, "flag", p, ["D", "A", "R", "N", "U", "E"]) == "D"
    }

    /// `itms: [{num, itm_det: {rt, txval, iamt?, camt?, samt?, csamt?}}]` → line items.
    func lineItems(_ o: [String: JSONValue], _ p: String) throws -> [LineItem] {
        try list(o["itms"], "\(p).itms").enumerated().map { i, v in
            let ip = "\(p).itms[\(i)]"
            let item = try object(v, ip)
            guard let num = item["num"]?.intValue, num > 0 else { throw fail("\(ip).num", "expected a positive integer") }
            let det = try object(item["itm_det"], "\(ip).itm_det")
            let dp = "\(ip).itm_det"
            return LineItem(number: num, rate: TaxRate(hundredths: Int(try amount(det, "rt", dp).paise)),
                            taxableValue: try amount(det, "txval", dp), igst: try amount(det, "iamt", dp, required: false),
                            cgst: try amount(det, "camt", dp, required: false), sgst: try amount(det, "samt", dp, required: false),
                            cess: try amount(det, "csamt", dp, required: false))
        }
    }

    /// Flat item lists of the saved sections: every entry an object with `rt` and the given amounts.
    func flatItems(_ o: [String: JSONValue], _ p: String, required: [String]) throws {
        for (i, v) in try list(o["itms"], "\(p).itms").enumerated() {
            let ip = "\(p).itms[\(i)]"
            let item = try object(v, ip)
            for k in required { _ = try amount(item, k, ip) }
            for k in ["iamt", "camt", "samt", "csamt"] { _ = try amount(item, k, ip, required: false) }
        }
    }

    // MARK: b2b, b2ba, cdnr, cdnra

    func documents(_ v: JSONValue, key: String, inner: String, supplier: GSTIN) throws -> [GSTR1Entry] {
        var out: [GSTR1Entry] = []
        for (gi, g) in try list(v, path).enumerated() {
            let gp = "\(path)[\(gi)]"
            let group = try object(g, gp)
            guard let ctinText = group["ctin"]?.stringValue, let ctin = GSTIN(ctinText), ctin != supplier else {
                throw fail("\(gp).ctin", "expected the counterparty's GSTIN")
            }
            for (ii, r) in try list(group[inner], "\(gp).\(inner)").enumerated() {
                let p = "\(gp).\(inner)[\(ii)]"
                let rec = try object(r, p)
                let isNote = inner == "nt"
                let amended = key.hasSuffix("a")
                let number = try string(rec, isNote ? "nt_num" : "inum", p, max: 16)
                let date = try date(rec, isNote ? "nt_dt" : "idt", p)
                let section: IMSSection
                if isNote {
                    let credit = try oneOf(rec, "ntty", p, ["C", "D"]) == "C"
                    section = credit ? (amended ? .b2bcna : .b2bcn) : (amended ? .b2bdna : .b2bdn)
                } else {
                    section = amended ? .b2ba : .b2b
                }
                var originalNumber: String?, originalDate: CivilDate?
                if amended {
                    originalNumber = try string(rec, isNote ? "ont_num" : "oinum", p, max: 16)
                    originalDate = try self.date(rec, isNote ? "ont_dt" : "oidt", p)
                }
                _ = try amount(rec, "val", p)
                let pos = try self.pos(rec, p)
                let rchrg = try oneOf(rec, "rchrg", p, ["Y", "N"]) == "Y"
                guard let typ = InvoiceType(rawValue: try string(rec, "inv_typ", p)) else { throw fail("\(p).inv_typ", "unknown invoice type") }
                let delete = try flagDeletes(rec, p)
                let items = try lineItems(rec, p)
                let draft = GSTR1DocumentDraft(section: section, recipient: ctin, number: number, date: date,
                                               originalNumber: originalNumber, originalDate: originalDate,
                                               invoiceType: typ, reverseCharge: rchrg, items: items)
                var wireInner = rec
                wireInner["flag"] = nil
                let wire = GSTR1WireRecord(section: key, group: ["ctin": .string(ctin.value)], innerKey: inner, inner: .object(wireInner))
                out.append(GSTR1Entry(target: .document(draft), wire: wire, date: date, isNote: isNote, placeOfSupply: pos, delete: delete))
            }
        }
        return out
    }
}
