import GSTCore
import JSON

/// GSTR-2A payloads as GSTN returns them (Sandbox `…/gstrs/gstr-2a/…`, Vayana `gstn_ret_type=gstr2a`):
/// a section is `{"<section>":[{cfs, cfs3b, ctin, fldtr1, flprdr1, inv|nt:[…]}]}`, the whole document
/// `{b2b, b2ba, cdn, cdna, ecom, ecoma, fp, gstin}` with empty sections left out. Keys are written in
/// byte order. `ecom` / `ecoma` follow Sandbox's schemas `ecom.json` / `ecoma.json` (no example is
/// documented): invoices as b2b / b2ba without the e-invoice fields, `ctin` the supplier.
///
/// - `cfs` / `cfs3b`: "Y"/"N"; `fldtr1` (DD-Mon-YY) and `flprdr1` (Mon-YY) as GSTN's 2A examples print
///   them, only once the supplier has filed.
/// - Invoices: `chksum, idt, inum, inv_typ, [irn, irngendate], itms, pos, rchrg, [srctyp], val`; notes:
///   `chksum, d_flag, inv_typ, [irn, irngendate], itms, nt_dt, nt_num, ntty (C/D), pos, rchrg, [srctyp], val`.
/// - Amendments add `aspd` (the original document's period, Mon-YY) and `atyp` "R"; invoices `oidt`,
///   `oinum`, notes `ont_dt`, `ont_num`.
/// - `d_flag` is always "Y", as in the official examples (GSTN's delinked-note flag: the world's notes
///   name no original invoice).
package enum GSTR2ARender {
    /// `{"<section>":[…]}` for one section.
    package static func section(_ section: GSTR2ASection, suppliers: [GSTR2ASupplier]) -> [UInt8] {
        var b = JSONBuilder(capacity: 64 + suppliers.reduce(0) { $0 + $1.documents.count } * 500)
        b.beginObject()
        sectionArray(section, suppliers, into: &b)
        b.endObject()
        return b.bytes
    }

    /// The whole GSTR-2A: `{b2b?, b2ba?, cdn?, cdna?, fp, gstin}`.
    package static func document(gstin: GSTIN, period: ReturnPeriod,
                                 sections: [(section: GSTR2ASection, suppliers: [GSTR2ASupplier])]) -> [UInt8] {
        var b = JSONBuilder(capacity: 4096)
        b.beginObject()
        for s in sections.sorted(by: { $0.section.rawValue < $1.section.rawValue }) {
            sectionArray(s.section, s.suppliers, into: &b)
        }
        b.field("fp", period.mmyyyy)
        b.field("gstin", gstin.value)
        b.endObject()
        return b.bytes
    }

    static func sectionArray(_ section: GSTR2ASection, _ suppliers: [GSTR2ASupplier], into b: inout JSONBuilder) {
        b.key(section.rawValue)
        b.beginArray()
        for s in suppliers {
            b.beginObject()
            b.field("cfs", s.filed ? "Y" : "N")
            b.field("cfs3b", s.gstr3bFiled ? "Y" : "N")
            b.field("ctin", s.supplier.value)
            if s.filed, let on = s.filedOn {
                b.field("fldtr1", shortDate(on))
                b.field("flprdr1", shortPeriod(s.period))
            }
            b.key(section.isNote ? "nt" : "inv")
            b.beginArray()
            for d in s.documents { document(d, section: section, into: &b) }
            b.endArray()
            b.endObject()
        }
        b.endArray()
    }

    static func document(_ d: Document, section: GSTR2ASection, into b: inout JSONBuilder) {
        b.beginObject()
        if section.isAmendment {
            let original = ReturnPeriod(containing: d.originalDate ?? d.date)
            b.field("aspd", shortPeriod(original))
            b.field("atyp", "R")
        }
        b.field("chksum", d.imsHash)
        if section.isNote {
            b.field("d_flag", "Y")
        } else {
            b.field("idt", d.date.dashed)
            b.field("inum", d.number)
        }
        b.field("inv_typ", d.invoiceType.rawValue)
        if let irn = d.irn, !section.isECOM {
            b.field("irn", irn)
            b.field("irngendate", (d.irnDate ?? d.date).dashed)
        }
        items(d, into: &b)
        if section.isNote {
            b.field("nt_dt", d.date.dashed)
            b.field("nt_num", d.number)
            b.field("ntty", d.section.kind == .creditNote ? "C" : "D")
        } else if section.isAmendment {
            b.field("oidt", (d.originalDate ?? d.date).dashed)
            b.field("oinum", d.originalNumber ?? "")
        }
        if section.isNote && section.isAmendment {
            b.field("ont_dt", (d.originalDate ?? d.date).dashed)
            b.field("ont_num", d.originalNumber ?? "")
        }
        b.field("pos", d.placeOfSupply.value)
        b.field("rchrg", d.reverseCharge ? "Y" : "N")
        if d.irn != nil && !section.isECOM { b.field("srctyp", "e-Invoice") }
        b.field("val", d.value)
        b.endObject()
    }

    static func items(_ d: Document, into b: inout JSONBuilder) {
        b.key("itms")
        b.beginArray()
        for item in d.items {
            b.beginObject()
            b.key("itm_det")
            b.beginObject()
            b.field("camt", item.cgst)
            b.field("csamt", item.cess)
            b.field("iamt", item.igst)
            b.key("rt"); b.amount(Amount(paise: Int64(item.rate.hundredths)))
            b.field("samt", item.sgst)
            b.field("txval", item.taxableValue)
            b.endObject()
            b.field("num", item.number)
            b.endObject()
        }
        b.endArray()
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "10-Feb-24", as GSTN prints `fldtr1`.
    package static func shortDate(_ d: CivilDate) -> String {
        (d.day < 10 ? "0" : "") + String(d.day) + "-" + shortPeriod(ReturnPeriod(containing: d))
    }

    /// "Jan-24", as GSTN prints `flprdr1` and `aspd`.
    package static func shortPeriod(_ p: ReturnPeriod) -> String {
        let yy = p.year % 100
        return monthNames[p.month - 1] + "-" + (yy < 10 ? "0" : "") + String(yy)
    }
}
