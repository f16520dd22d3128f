import GSTCore

/// IMS responses as Sandbox writes them (`reference/sandbox-examples/ims_*`). Every function writes the
/// inner `data.data` object; keys are emitted in sorted order by hand.
enum IMSRender {
    /// `{"<section>":[record, …]}` — GET /invoices.
    static func invoices(_ records: [Document], section: IMSSection) -> [UInt8] {
        var b = JSONBuilder(capacity: 64 + records.count * 420)
        b.beginObject()
        b.key(section.rawValue)
        b.beginArray()
        for d in records { record(d, into: &b) }
        b.endArray()
        b.endObject()
        return b.bytes
    }

    /// One GETINV record. Key order (byte order) depends on the section:
    /// invoices `… iamt, idt, inum, inv_typ, ispendactblocked, [oidt, oinum,] pos …`,
    /// notes `… iamt, inv_typ, ispendactblocked, nt_dt, nt_num, [ont_dt, ont_num,] pos …`;
    /// `ecom`/`ecoma` carry no `inv_typ`.
    static func record(_ d: Document, into b: inout JSONBuilder) {
        let section = d.section
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
        b.field("ispendactblocked", d.ims.pendingActionBlocked ? "Y" : "N")
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

    /// `{"all_oth":{"b2b":{accept,noaction,pending,reject},…,"ttl_cnt":N}}` — GET /invoices/count.
    /// Counts are numbers here (strings only in the status answer), as documented.
    static func counts(_ counts: [IMSSection: IMSCounts]) -> [UInt8] {
        var b = JSONBuilder(capacity: 640)
        b.beginObject()
        b.key("all_oth")
        b.beginObject()
        var total = 0
        // Section keys in byte order: b2b, b2ba, b2bcn, b2bcna, b2bdn, b2bdna, ecom, ecoma; then ttl_cnt.
        for section in IMSSection.allCases.sorted(by: { JSONWriter.utf8Precedes($0.rawValue, $1.rawValue) }) {
            let c = counts[section] ?? IMSCounts()
            total += c.total
            b.key(section.rawValue)
            b.beginObject()
            b.field("accept", c.accept)
            b.field("noaction", c.noAction)
            b.field("pending", c.pending)
            b.field("reject", c.reject)
            b.endObject()
        }
        b.field("ttl_cnt", total)
        b.endObject()
        b.endObject()
        return b.bytes
    }
}
