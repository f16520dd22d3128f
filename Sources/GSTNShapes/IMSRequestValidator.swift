import GSTCore
import JSON

/// Where and why an IMS SAVE/RESET body breaks the schema; surfaced to developers in the
/// `X-Sandbox-Schema-Violation` response header (the vendor only says "Schema validation failure").
package struct SchemaViolation: Error, Hashable, Sendable, CustomStringConvertible {
    package var path: String
    package var problem: String
    package var description: String { "\(path): \(problem)" }

    /// The response header in which both adapters tell a developer why a body broke the schema.
    package static let responseHeader = "X-Sandbox-Schema-Violation"
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
package enum IMSRequestValidator {
    package enum RequestKind: Sendable { case save, reset }

    /// The core's request for a SAVE/RESET body: its items or, when the body breaks the schema, the
    /// request that ends the job in error, with the violation for `SchemaViolation.responseHeader`.
    package static func actionRequest(_ body: JSONValue, kind: RequestKind, sessionGSTIN: GSTIN)
        -> (request: IMSJob, violation: SchemaViolation?) {
        switch validate(body, kind: kind, sessionGSTIN: sessionGSTIN) {
        case .success(let items): return (kind == .save ? .save(items) : .reset(items), nil)
        case .failure(let violation): return (.refused(kind == .save ? .save : .reset, .schemaViolation), violation)
        }
    }

    package static func validate(_ body: JSONValue, kind: RequestKind, sessionGSTIN: GSTIN) -> Result<[IMSActionItem], SchemaViolation> {
        do throws(SchemaViolation) {
            return .success(try items(body, kind: kind, sessionGSTIN: sessionGSTIN))
        } catch {
            return .failure(error)
        }
    }

    private static func items(_ body: JSONValue, kind: RequestKind, sessionGSTIN: GSTIN) throws(SchemaViolation) -> [IMSActionItem] {
        guard let top = body.objectValue else { throw SchemaViolation(path: "$", problem: "must be an object") }
        if let key = firstUnknown(top.keys, allowed: ["rtin", "reqtyp", "invdata"]) {
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
        var suppliers: [String: GSTIN] = [:]
        // Sections in the canonical order, records in request order.
        if let key = firstUnknown(invdata.keys, allowed: Set(IMSSection.allCases.map(\.rawValue))) {
            throw SchemaViolation(path: "$.invdata.\(key)", problem: "is not an IMS section")
        }
        for section in IMSSection.allCases {
            guard let list = invdata[section.rawValue] else { continue }
            let path = "$.invdata.\(section.rawValue)"
            guard let records = list.arrayValue else { throw SchemaViolation(path: path, problem: "must be an array") }
            guard !records.isEmpty else { throw SchemaViolation(path: path, problem: "must not be empty") }
            out.reserveCapacity(out.count + records.count)
            for (i, record) in records.enumerated() {
                out.append(try item(record, section: section, kind: kind, index: i, suppliers: &suppliers))
            }
        }
        return out
    }

    private static let itcReducing: Set<IMSSection> = [.b2ba, .b2bdna, .b2bcn, .b2bcna, .ecoma]

    /// The properties a record of `section` may carry, and which of them are required.
    package static func properties(section: IMSSection, kind: RequestKind) -> (required: [String], optional: [String]) {
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

    /// The first (byte order) of `keys` not in `allowed`, if any.
    private static func firstUnknown(_ keys: Dictionary<String, JSONValue>.Keys, allowed: Set<String>) -> String? {
        var worst: String?
        for key in keys where !allowed.contains(key) {
            if let w = worst, !JSONWriter.utf8Precedes(key, w) { continue }
            worst = key
        }
        return worst
    }

    // MARK: One record, in one pass

    /// Every property a record may have, in the order violations are reported.
    private enum Field: Int, CaseIterable {
        case stin, rtnprd, srcform, inum, idt, ntNum, ntDt, invTyp, oinum, oidt, ontNum, ontDt, pos
        case val, txval, iamt, camt, samt, cess, prevStatus, action, itcRedReq, declIgst, declCgst, declSgst, declCess, remarks

        var name: String {
            switch self {
            case .stin: return "stin"
            case .rtnprd: return "rtnprd"
            case .srcform: return "srcform"
            case .inum: return "inum"
            case .idt: return "idt"
            case .ntNum: return "nt_num"
            case .ntDt: return "nt_dt"
            case .invTyp: return "inv_typ"
            case .oinum: return "oinum"
            case .oidt: return "oidt"
            case .ontNum: return "ont_num"
            case .ontDt: return "ont_dt"
            case .pos: return "pos"
            case .val: return "val"
            case .txval: return "txval"
            case .iamt: return "iamt"
            case .camt: return "camt"
            case .samt: return "samt"
            case .cess: return "cess"
            case .prevStatus: return "prev_status"
            case .action: return "action"
            case .itcRedReq: return "itcRedReq"
            case .declIgst: return "declIgst"
            case .declCgst: return "declCgst"
            case .declSgst: return "declSgst"
            case .declCess: return "declCess"
            case .remarks: return "remarks"
            }
        }

        /// The field named `key`: its UTF-8 packed into two words and compared with each field's
        /// packed name (integer compares; a `switch` over string literals cost more than the rest of
        /// the validation).
        init?(key: String) {
            guard let packed = Field.pack(key) else { return nil }
            for (i, p) in Field.packedNames.enumerated() where p == packed {
                self = Field(rawValue: i)!
                return
            }
            return nil
        }

        private struct Packed: Equatable { var a: UInt64; var b: UInt64 }

        private static let packedNames: [Packed] = Field.allCases.map { pack($0.name)! }

        /// Up to 16 bytes, zero-padded; nil when longer (no field name is).
        private static func pack(_ s: String) -> Packed? {
            var a: UInt64 = 0, b: UInt64 = 0, n: UInt64 = 0
            for c in s.utf8 {
                guard n < 16, c != 0 else { return nil }
                if n < 8 { a |= UInt64(c) << (8 * n) } else { b |= UInt64(c) << (8 * (n - 8)) }
                n += 1
            }
            return Packed(a: a, b: b)
        }

        var bit: UInt32 { 1 << UInt32(rawValue) }
    }

    /// Required and allowed fields per request kind and section, as bit masks.
    private struct Shape: Sendable {
        var required: UInt32
        var allowed: UInt32
    }

    private static let shapes: [RequestKind: [IMSSection: Shape]] = {
        var out: [RequestKind: [IMSSection: Shape]] = [:]
        for kind in [RequestKind.save, .reset] {
            for section in IMSSection.allCases {
                let p = properties(section: section, kind: kind)
                let required = p.required.reduce(UInt32(0)) { $0 | Field(key: $1)!.bit }
                let allowed = p.optional.reduce(required) { $0 | Field(key: $1)!.bit }
                out[kind, default: [:]][section] = Shape(required: required, allowed: allowed)
            }
        }
        return out
    }()

    /// Validates one record. Every property is looked at once; when several are wrong the reported one
    /// is, in this order: an unknown property (the first in byte order), a missing one (in `properties`
    /// order), an invalid value (in `Field` order) — so the message does not depend on dictionary order.
    private static func item(_ value: JSONValue, section: IMSSection, kind: RequestKind, index: Int,
                             suppliers: inout [String: GSTIN]) throws(SchemaViolation) -> IMSActionItem {
        func path() -> String { "$.invdata.\(section.rawValue)[\(index)]" }
        guard case .object(let r) = value else { throw SchemaViolation(path: path(), problem: "must be an object") }
        let shape = shapes[kind]![section]!

        var seen: UInt32 = 0
        var unknown: String?
        var invalid: (field: Field, problem: String)?
        func fail(_ f: Field, _ problem: String) {
            if let current = invalid, current.field.rawValue <= f.rawValue { return }
            invalid = (f, problem)
        }
        var supplier: GSTIN?, period: ReturnPeriod?, number: String?
        var action: IMSStatus?, previous: IMSStatus?, remarks: String?

        for (key, v) in r {
            guard let f = Field(key: key), shape.allowed & f.bit != 0 else {
                if unknown.map({ JSONWriter.utf8Precedes(key, $0) }) ?? true { unknown = key }
                continue
            }
            seen |= f.bit
            switch f {
            case .stin:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                if let g = suppliers[s] { supplier = g } else if let g = GSTIN(s) { suppliers[s] = g; supplier = g } else {
                    fail(f, "must match the GSTIN pattern")
                }
            case .rtnprd:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                guard let p = returnPeriod(s) else { fail(f, "must be a return period MMYYYY"); continue }
                period = p
            case .srcform:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                if SourceForm(rawValue: s) == nil { fail(f, "must be one of R1, R1A, IFF") }
            case .inum, .ntNum, .oinum, .ontNum:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                guard isDocumentNumber(s) else {
                    fail(f, "must be 1-16 characters of A-Z, a-z, 0-9, / and -, not only zeros, slashes and dashes"); continue
                }
                if f == .inum || f == .ntNum { number = s }
            case .idt, .ntDt, .oidt, .ontDt:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                if !isDashedDate(s) { fail(f, "must be a date DD-MM-YYYY") }
            case .invTyp:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                if InvoiceType(rawValue: s) == nil { fail(f, "must be one of R, DE, SEWP, SEWOP, CBW") }
            case .pos:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                if !isStateCode(s) { fail(f, "must be a state code 01-38, 96 or 97") }
            case .val, .txval, .iamt, .camt, .samt, .cess, .declIgst, .declCgst, .declSgst, .declCess:
                guard case .number(let n) = v else { fail(f, "must be a number"); continue }
                guard let a = n.amount else { fail(f, "must be a number >= 0 with at most two decimals"); continue }
                let max = f == .val ? Amount.gstnValueMaximum : Amount.gstnMaximum
                if a > max { fail(f, "must be at most \(max)") }
            case .prevStatus:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                guard let st = IMSStatus(rawValue: s) else { fail(f, "must be one of A, R, P, N"); continue }
                previous = st
            case .action:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                guard let st = IMSStatus(rawValue: s), st != .noAction else { fail(f, "must be one of A, R, P"); continue }
                action = st
            case .itcRedReq:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                if s != "Y" && s != "N" { fail(f, "must be one of Y, N") }
            case .remarks:
                guard case .string(let s) = v else { fail(f, "must be a string"); continue }
                guard s.count <= IMSRecordState.maximumRemarksLength else {
                    fail(f, "must be at most \(IMSRecordState.maximumRemarksLength) characters")
                    continue
                }
                remarks = s
            }
        }
        if let key = unknown {
            throw SchemaViolation(path: "\(path()).\(key)", problem: "is not allowed in a \(section.rawValue) \(kind == .save ? "SAVE" : "RESET") record")
        }
        if seen & shape.required != shape.required {
            let missing = properties(section: section, kind: kind).required.first { seen & Field(key: $0)!.bit == 0 }!
            throw SchemaViolation(path: "\(path()).\(missing)", problem: "is required")
        }
        if let (f, problem) = invalid { throw SchemaViolation(path: "\(path()).\(f.name)", problem: problem) }
        return IMSActionItem(section: section, supplier: supplier!, number: number!, period: period!,
                             action: action, previousStatus: previous!, remarks: remarks)
    }

    /// `MMYYYY` per the schema's `^((0[1-9]|1[012])((19|20)\d\d))$`, without allocating.
    package static func returnPeriod(_ s: String) -> ReturnPeriod? {
        var digits: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0)
        var n = 0
        for c in s.utf8 {
            guard n < 6, c >= 48, c <= 57 else { return nil }
            let d = Int(c - 48)
            switch n {
            case 0: digits.0 = d
            case 1: digits.1 = d
            case 2: digits.2 = d
            case 3: digits.3 = d
            case 4: digits.4 = d
            default: digits.5 = d
            }
            n += 1
        }
        guard n == 6 else { return nil }
        let month = digits.0 * 10 + digits.1
        let century = digits.2 * 10 + digits.3
        guard century == 19 || century == 20 else { return nil }
        return ReturnPeriod(month: month, year: century * 100 + digits.4 * 10 + digits.5)
    }

    /// A real calendar date written `DD-MM-YYYY`, without allocating.
    package static func isDashedDate(_ s: String) -> Bool {
        var values = (0, 0, 0)
        var n = 0
        for c in s.utf8 {
            switch n {
            case 2, 5: guard c == UInt8(ascii: "-") else { return false }
            default:
                guard n < 10, c >= 48, c <= 57 else { return false }
                let d = Int(c - 48)
                if n < 2 { values.0 = values.0 * 10 + d } else if n < 5 { values.1 = values.1 * 10 + d } else { values.2 = values.2 * 10 + d }
            }
            n += 1
        }
        return n == 10 && CivilDate(year: values.2, month: values.1, day: values.0) != nil
    }

    /// `^(3[0-8]|[12][0-9]|0[1-9]|96|97)$`.
    package static func isStateCode(_ s: String) -> Bool {
        var n = 0, value = 0
        for c in s.utf8 {
            guard n < 2, c >= 48, c <= 57 else { return false }
            value = value * 10 + Int(c - 48)
            n += 1
        }
        return n == 2 && ((1...38).contains(value) || value == 96 || value == 97)
    }

    /// `^(?=.{1,16}$)([/\-0]*[a-zA-Z0-9/\-]*[a-zA-Z1-9]+[a-zA-Z0-9/\-]*)$`: 1–16 characters from
    /// `[A-Za-z0-9/-]` with at least one letter or non-zero digit.
    package static func isDocumentNumber(_ s: String) -> Bool {
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
