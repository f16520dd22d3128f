// The IMS SAVE / RESET body rules, kept identical to SandboxAPI's `IMSRequestValidator` (both vendors
// forward the same GSTN `{rtin, reqtyp, invdata}` body), so a body refused through one vendor is refused
// through the other. The two copies should become one validator in a shared GSTN-shapes target.
import GSTCore

/// Where and why an IMS SAVE/RESET body breaks the schema; surfaced to developers in the
/// `X-Sandbox-Schema-Violation` response header (the vendor only says "Schema validation failure").
struct SchemaViolation: Error, Hashable, Sendable, CustomStringConvertible {
    var path: String
    var problem: String
    var description: String { "\(path): \(problem)" }
}

/// Validates an IMS SAVE or RESET body against Sandbox's schema (`invoices/save.json`) and turns it
/// into the core's action items.
///
/// The rules, all of which must hold or the whole request is a schema violation (the job then ends
/// `ER` / IMSSAV005 and changes nothing):
/// - top level: an object with exactly `rtin`, `reqtyp`, `invdata`; `rtin` matches the GSTIN pattern
///   and is the session's GSTIN; `reqtyp` is `SAVE` on the save route, `RESET` on the reset route.
/// - `invdata`: an object whose keys are IMS section keys (`b2b`, `b2ba`, `b2bdn`, `b2bdna`, `b2bcn`,
///   `b2bcna`, `ecom`, `ecoma`), at least one, each a non-empty array of records.
/// - every record: `stin` (GSTIN pattern), `rtnprd` (`MMYYYY`), `srcform` (R1/R1A/IFF), the document
///   number and date (`inum`/`idt` for invoices, `nt_num`/`nt_dt` for notes; number 1–16 chars of
///   `[A-Za-z0-9/-]` not only zeros, slashes and dashes; date a real DD-MM-YYYY), `inv_typ` (R/DE/SEWP/
///   SEWOP/CBW; on every section except `ecom`/`ecoma`, where it is not allowed), the original number
///   and date on amendments (`oinum`/`oidt` on b2ba/ecoma, `ont_num`/`ont_dt` on b2bdna/b2bcna), `pos`
///   (01–38, 96, 97), the amounts `val`, `txval`, `iamt`, `camt`, `samt`, `cess` (numbers ≥ 0 with at most
///   two decimals, `val` ≤ 9999999999999.99, the others ≤ 99999999999.99), `prev_status` (A/R/P/N), and on
///   SAVE `action` (A/R/P) — RESET records must not carry `action`.
/// - optional: `remarks` (a string of at most 500 characters); on the ITC-reducing sections (b2ba,
///   b2bdna, b2bcn, b2bcna, ecoma) of a SAVE, `itcRedReq` (Y/N) and `declIgst`/`declCgst`/`declSgst`/
///   `declCess` (amounts). These newer GSTN fields are not in Sandbox's schema copy but are in the
///   user's seed request (seeds/001), so they are accepted and checked.
/// - no other property anywhere in a record (`additionalProperties: false`).
enum IMSRequestValidator {
    enum RequestKind: Sendable { case save, reset }

    static func validate(_ body: JSONValue, kind: RequestKind, sessionGSTIN: GSTIN) -> Result<[IMSActionItem], SchemaViolation> {
        do throws(SchemaViolation) {
            return .success(try items(body, kind: kind, sessionGSTIN: sessionGSTIN))
        } catch {
            return .failure(error)
        }
    }

    private static func items(_ body: JSONValue, kind: RequestKind, sessionGSTIN: GSTIN) throws(SchemaViolation) -> [IMSActionItem] {
        guard let top = body.objectValue else { throw SchemaViolation(path: "$", problem: "must be an object") }
        for key in JSONWriter.sortedKeys(top) where !["rtin", "reqtyp", "invdata"].contains(key) {
            throw SchemaViolation(path: "$.\(key)", problem: "is not allowed")
        }
        guard let rtinText = top["rtin"] else { throw SchemaViolation(path: "$.rtin", problem: "is required") }
        guard let rtinString = rtinText.stringValue, let rtin = GSTIN(rtinString) else {
            throw SchemaViolation(path: "$.rtin", problem: "must match the GSTIN pattern")
        }
        guard rtin == sessionGSTIN else {
            throw SchemaViolation(path: "$.rtin", problem: "must be the session's GSTIN \(sessionGSTIN.value)")
        }
        let expectedType = kind == .save ? "SAVE" : "RESET"
        guard let reqtyp = top["reqtyp"] else { throw SchemaViolation(path: "$.reqtyp", problem: "is required") }
        guard reqtyp.stringValue == expectedType else {
            throw SchemaViolation(path: "$.reqtyp", problem: "must be \"\(expectedType)\" on this route")
        }
        guard let invdataValue = top["invdata"] else { throw SchemaViolation(path: "$.invdata", problem: "is required") }
        guard let invdata = invdataValue.objectValue else { throw SchemaViolation(path: "$.invdata", problem: "must be an object") }
        guard !invdata.isEmpty else {
            throw SchemaViolation(path: "$.invdata", problem: "must contain at least one of b2b, b2ba, b2bdn, b2bdna, b2bcn, b2bcna, ecom, ecoma")
        }
        var out: [IMSActionItem] = []
        // Sections in the canonical order, records in request order.
        for key in JSONWriter.sortedKeys(invdata) where IMSSection(rawValue: key) == nil {
            throw SchemaViolation(path: "$.invdata.\(key)", problem: "is not an IMS section")
        }
        for section in IMSSection.allCases {
            guard let list = invdata[section.rawValue] else { continue }
            let path = "$.invdata.\(section.rawValue)"
            guard let records = list.arrayValue else { throw SchemaViolation(path: path, problem: "must be an array") }
            guard !records.isEmpty else { throw SchemaViolation(path: path, problem: "must not be empty") }
            for (i, record) in records.enumerated() {
                out.append(try item(record, section: section, kind: kind, path: "\(path)[\(i)]"))
            }
        }
        return out
    }

    private static let itcReducing: Set<IMSSection> = [.b2ba, .b2bdna, .b2bcn, .b2bcna, .ecoma]

    /// The properties a record of `section` may carry, and which of them are required.
    static func properties(section: IMSSection, kind: RequestKind) -> (required: [String], optional: [String]) {
        var required = ["stin", "rtnprd", "srcform", "pos", "val", "txval", "iamt", "camt", "samt", "cess", "prev_status"]
        required += section.isNote ? ["nt_num", "nt_dt"] : ["inum", "idt"]
        if section != .ecom && section != .ecoma { required.append("inv_typ") }
        if section.isAmendment { required += section.isNote ? ["ont_num", "ont_dt"] : ["oinum", "oidt"] }
        if kind == .save { required.append("action") }
        var optional = ["remarks"]
        if kind == .save && itcReducing.contains(section) {
            optional += ["itcRedReq", "declIgst", "declCgst", "declSgst", "declCess"]
        }
        return (required, optional)
    }

    private static func item(_ value: JSONValue, section: IMSSection, kind: RequestKind, path: String) throws(SchemaViolation) -> IMSActionItem {
        guard let r = value.objectValue else { throw SchemaViolation(path: path, problem: "must be an object") }
        let (required, optional) = properties(section: section, kind: kind)
        for key in JSONWriter.sortedKeys(r) where !required.contains(key) && !optional.contains(key) {
            throw SchemaViolation(path: "\(path).\(key)", problem: "is not allowed in a \(section.rawValue) \(kind == .save ? "SAVE" : "RESET") record")
        }
        for key in required where r[key] == nil {
            throw SchemaViolation(path: "\(path).\(key)", problem: "is required")
        }
        func string(_ key: String) throws(SchemaViolation) -> String {
            guard let s = r[key]?.stringValue else { throw SchemaViolation(path: "\(path).\(key)", problem: "must be a string") }
            return s
        }
        func oneOf(_ key: String, _ allowed: [String]) throws(SchemaViolation) -> String {
            let s = try string(key)
            guard allowed.contains(s) else {
                throw SchemaViolation(path: "\(path).\(key)", problem: "must be one of \(allowed.joined(separator: ", "))")
            }
            return s
        }
        func gstin(_ key: String) throws(SchemaViolation) -> GSTIN {
            guard let g = GSTIN(try string(key)) else { throw SchemaViolation(path: "\(path).\(key)", problem: "must match the GSTIN pattern") }
            return g
        }
        func documentNumber(_ key: String) throws(SchemaViolation) -> String {
            let s = try string(key)
            guard isDocumentNumber(s) else {
                throw SchemaViolation(path: "\(path).\(key)", problem: "must be 1-16 characters of A-Z, a-z, 0-9, / and -, not only zeros, slashes and dashes")
            }
            return s
        }
        func date(_ key: String) throws(SchemaViolation) -> CivilDate {
            let s = try string(key)
            guard s.utf8.count == 10, Array(s.utf8)[2] == UInt8(ascii: "-"), let d = CivilDate(ddmmyyyy: s) else {
                throw SchemaViolation(path: "\(path).\(key)", problem: "must be a date DD-MM-YYYY")
            }
            return d
        }
        func amount(_ key: String, max: Amount) throws(SchemaViolation) {
            guard let v = r[key] else { return }
            guard case .number(let n) = v else { throw SchemaViolation(path: "\(path).\(key)", problem: "must be a number") }
            guard let a = n.amount else {
                throw SchemaViolation(path: "\(path).\(key)", problem: "must be a number >= 0 with at most two decimals")
            }
            guard a <= max else { throw SchemaViolation(path: "\(path).\(key)", problem: "must be at most \(max)") }
        }

        let supplier = try gstin("stin")
        guard let period = ReturnPeriod(mmyyyy: try string("rtnprd")) else {
            throw SchemaViolation(path: "\(path).rtnprd", problem: "must be a return period MMYYYY")
        }
        _ = try oneOf("srcform", SourceForm.allCases.map(\.rawValue))
        let number = try documentNumber(section.isNote ? "nt_num" : "inum")
        _ = try date(section.isNote ? "nt_dt" : "idt")
        if r["inv_typ"] != nil { _ = try oneOf("inv_typ", InvoiceType.allCases.map(\.rawValue)) }
        if section.isAmendment {
            _ = try documentNumber(section.isNote ? "ont_num" : "oinum")
            _ = try date(section.isNote ? "ont_dt" : "oidt")
        }
        let pos = try string("pos")
        guard pos.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), StateCode(pos) != nil else {
            throw SchemaViolation(path: "\(path).pos", problem: "must be a state code 01-38, 96 or 97")
        }
        try amount("val", max: Amount(paise: 999_999_999_999_999))
        for key in ["txval", "iamt", "camt", "samt", "cess", "declIgst", "declCgst", "declSgst", "declCess"] {
            try amount(key, max: Amount(paise: 9_999_999_999_999))
        }
        let previous = IMSStatus(rawValue: try oneOf("prev_status", ["A", "R", "P", "N"]))!
        var action: IMSStatus?
        if kind == .save { action = IMSStatus(rawValue: try oneOf("action", ["A", "R", "P"]))! }
        if r["itcRedReq"] != nil { _ = try oneOf("itcRedReq", ["Y", "N"]) }
        var remarks: String?
        if r["remarks"] != nil {
            let s = try string("remarks")
            guard s.count <= 500 else { throw SchemaViolation(path: "\(path).remarks", problem: "must be at most 500 characters") }
            remarks = s
        }
        return IMSActionItem(section: section, supplier: supplier, number: number, period: period,
                             action: action, previousStatus: previous, remarks: remarks)
    }

    /// `^(?=.{1,16}$)([/\-0]*[a-zA-Z0-9/\-]*[a-zA-Z1-9]+[a-zA-Z0-9/\-]*)$`: 1–16 characters from
    /// `[A-Za-z0-9/-]` with at least one letter or non-zero digit.
    static func isDocumentNumber(_ s: String) -> Bool {
        let u = s.utf8
        guard (1...16).contains(u.count) else { return false }
        var significant = false
        for c in u {
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "1")...UInt8(ascii: "9"):
                significant = true
            case UInt8(ascii: "0"), UInt8(ascii: "/"), UInt8(ascii: "-"):
                break
            default:
                return false
            }
        }
        return significant
    }
}
