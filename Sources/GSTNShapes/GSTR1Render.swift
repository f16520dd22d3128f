import GSTCore
import JSON

/// GSTR-1 B2B / B2BA section GETs (`reference/sandbox-examples/gstr1_b2b.*`): the supplier's own
/// documents grouped by counterparty, `{"b2b":[{"cfs","ctin","inv":[…]}]}`.
package enum GSTR1Render {
    /// `documents` must be sorted by recipient (core's `gstr1Documents` is). `imsAction`: each record also
    /// carries the recipient's IMS action as `imsactn` (the IMS supplier view, `IMSSalesRender`).
    package static func section(_ key: StaticString, documents: [Document], amended: Bool, imsAction: Bool = false) -> [UInt8] {
        var b = JSONBuilder(capacity: 64 + documents.count * 600)
        b.beginObject()
        b.key(key)
        b.beginArray()
        var i = 0
        while i < documents.count {
            let ctin = documents[i].recipient
            b.beginObject()
            // GSTR-2 is not filed in the GST regime any more: the counterparty filing status is "N".
            b.field("cfs", "N")
            b.field("ctin", ctin.value)
            b.key("inv")
            b.beginArray()
            while i < documents.count, documents[i].recipient == ctin {
                invoice(documents[i], amended: amended, imsAction: imsAction, into: &b)
                i += 1
            }
            b.endArray()
            b.endObject()
        }
        b.endArray()
        b.endObject()
        return b.bytes
    }

    /// One `inv` entry. Keys in byte order:
    /// `cflag, chksum, flag, idt, inum, inv_typ, [irn, irngendate,] itms, [oidt, oinum, opd,] pos, rchrg,
    /// [srctyp,] updby, val`.
    ///
    /// - `cflag`: "N", always. Every official example keeps it "N" (GSTN's counter-party flag of the
    ///   retired GSTR-2 matching; a CDNR capture taken after IMS began shows it too): the recipient's IMS
    ///   action is not reported in the supplier's GSTR-1 views, only through `action_required`.
    /// - `flag`: "U" (uploaded by the supplier); `updby`: "S".
    /// - `chksum`: the document hash (the same SHA-256 IMS shows as `hash`).
    /// - `irn`, `irngendate`, `srctyp` "e-Invoice": only for e-invoiced documents.
    /// - B2BA adds `oinum`, `oidt` and `opd` (the original document's period, `YYYY-MM`, as the B2BA page documents).
    package static func invoice(_ d: Document, amended: Bool, imsAction: Bool = false, into b: inout JSONBuilder) {
        b.beginObject()
        b.field("cflag", "N")
        b.field("chksum", d.imsHash)
        b.field("flag", "U")
        b.field("idt", d.date.dashed)
        if imsAction, let action = IMSSalesRender.action(d) { b.field("imsactn", action) }
        b.field("inum", d.number)
        b.field("inv_typ", d.invoiceType.rawValue)
        if let irn = d.irn {
            b.field("irn", irn)
            b.field("irngendate", (d.irnDate ?? d.date).dashed)
        }
        GSTR2ARender.items(d, into: &b)  // GSTN's one `itms` shape, as GSTR-2A writes it
        if amended {
            let original = d.originalDate ?? d.date
            b.field("oidt", original.dashed)
            b.field("oinum", d.originalNumber ?? "")
            b.field("opd", String(original.year) + "-" + (original.month < 10 ? "0" : "") + String(original.month))
        }
        b.field("pos", d.placeOfSupply.value)
        b.field("rchrg", d.reverseCharge ? "Y" : "N")
        if d.irn != nil { b.field("srctyp", "e-Invoice") }
        b.field("updby", "S")
        b.field("val", d.value)
        b.endObject()
    }
}
