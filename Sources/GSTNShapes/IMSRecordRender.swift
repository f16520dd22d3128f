import GSTCore
import JSON

/// GSTN's IMS GETINV record, the same through both GSPs.
package enum IMSRecordRender {
    /// `{"<section>":[record, …]}`: Sandbox's GET /invoices and Vayana's GETINV (and each of its files).
    package static func invoices(_ records: some Collection<Document>, section: IMSSection,
                                 legacyPendingFlag: Bool = false) -> [UInt8] {
        var b = JSONBuilder(capacity: 64 + records.count * 460)
        b.beginObject()
        b.key(section.rawValue)
        b.beginArray()
        for d in records { record(d, legacyPendingFlag: legacyPendingFlag, into: &b) }
        b.endArray()
        b.endObject()
        return b.bytes
    }

    /// One GETINV record with its keys in sorted order: `action, camt, cess, hash, iamt, [idt, inum,]
    /// [inv_typ,] ispendactblocked, [ispendactnallwd,] [nt_dt, nt_num, [ont_dt, ont_num,]] [oidt, oinum,]
    /// pos, rtnprd, samt, srcfilstatus, srcform, stin, txval, val`. `ecom`/`ecoma` carry no `inv_typ`.
    /// `ispendactblocked` ("Y": Pending is refused) is GSTN's current name; Vayana's older sample also
    /// shows it as `ispendactnallwd` ("is pending action not allowed"), written when `legacyPendingFlag`.
    package static func record(_ d: Document, legacyPendingFlag: Bool = false, into b: inout JSONBuilder) {
        let section = d.section
        let blocked = d.ims.pendingActionBlocked ? "Y" : "N"
        b.beginObject()
        b.field("action", d.ims.status.rawValue)
        b.field("camt", d.cgst)
        b.field("cess", d.cess)
        b.field("hash", d.imsHash)
        b.field("iamt", d.igst)
        if !section.isNote {
            b.field("idt", d.date.dashed)
            b.field("inum", d.number)
        }
        if section != .ecom && section != .ecoma { b.field("inv_typ", d.invoiceType.rawValue) }
        b.field("ispendactblocked", blocked)
        if legacyPendingFlag { b.field("ispendactnallwd", blocked) }
        if section.isNote {
            b.field("nt_dt", d.date.dashed)
            b.field("nt_num", d.number)
            if section.isAmendment {
                b.field("ont_dt", d.originalDate?.dashed ?? "")
                b.field("ont_num", d.originalNumber ?? "")
            }
        } else if section.isAmendment {
            b.field("oidt", d.originalDate?.dashed ?? "")
            b.field("oinum", d.originalNumber ?? "")
        }
        b.field("pos", d.placeOfSupply.value)
        b.field("rtnprd", d.filing.period.mmyyyy)
        b.field("samt", d.sgst)
        b.field("srcfilstatus", d.filing.filed ? "Filed" : "Not Filed")
        b.field("srcform", d.filing.form.rawValue)
        b.field("stin", d.supplier.value)
        b.field("txval", d.taxableValue)
        b.field("val", d.value)
        b.endObject()
    }
}
