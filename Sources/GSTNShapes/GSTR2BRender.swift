import GSTCore
import JSON

/// The GSTR-2B document (`GET …/gstrs/gstr-2b/{year}/{month}`) as `data.data`:
/// `{"chksum":…,"data":{"cpsumm","docRejdata","docdata","fc","gendt","gstin","itcsumm","rtnprd","version"}}`.
///
/// Pagination: with `fc` > 1 and no `file_number`, the answer carries the summaries and `fc` but no
/// document lists; `file_number` = 1…fc returns that file's documents with the summaries.
/// Keys are written in byte order (capital `R` in `docRejdata` sorts before `docdata`).
package enum GSTR2BRender {
    package static func document(_ twoB: GSTR2B, fileCount: Int, includeDocuments: Bool) -> [UInt8] {
        var b = JSONBuilder(capacity: 4096 + (includeDocuments ? (twoB.documentCount + twoB.rejectedCount) * 400 : 0))
        b.beginObject()
        b.field("chksum", twoB.checksum)
        b.key("data")
        b.beginObject()
        b.key("cpsumm")
        supplierSummary(twoB.supplierSummary, into: &b)
        if includeDocuments {
            b.key("docRejdata")
            documentLists(twoB.rejectedDocuments, into: &b)
            b.key("docdata")
            documentLists(twoB.documents, into: &b)
        }
        b.field("fc", fileCount)
        b.field("gendt", twoB.generatedOn.dashed)
        b.field("gstin", twoB.recipient.value)
        b.key("itcsumm")
        itcSummary(twoB.itcSummary, into: &b)
        b.field("rtnprd", twoB.period.mmyyyy)
        b.field("version", twoB.version)
        b.endObject()
        b.endObject()
        return b.bytes
    }

    package static func sortedSections(_ keys: some Sequence<GSTR2BSection>) -> [GSTR2BSection] {
        keys.sorted { JSONWriter.utf8Precedes($0.rawValue, $1.rawValue) }
    }

    /// `{igst, cgst, sgst, cess}` in byte order: cess, cgst, igst, sgst.
    package static func taxes(_ t: TaxTotals, into b: inout JSONBuilder) {
        b.field("cess", t.cess)
        b.field("cgst", t.cgst)
        b.field("igst", t.igst)
        b.field("sgst", t.sgst)
    }

    /// `itcsumm`: `{"itcavl":{table:{cess,cgst,igst,<lines…>,sgst}},"itcunavl":{…}}`; table heads = sum of
    /// its lines. Only lines something landed on, and tables holding such a line, are written, as in the
    /// official example (its `itcavl` has no `isdsup` or `imports`, its `nonrevsup` only `b2b` and `cdnr`).
    package static func itcSummary(_ s: ITCSummary, into b: inout JSONBuilder) {
        b.beginObject()
        b.key("itcavl"); bucket(s.available, into: &b)
        b.key("itcunavl"); bucket(s.unavailable, into: &b)
        b.endObject()
    }

    package static func bucket(_ bucket: ITCBucket, into b: inout JSONBuilder) {
        b.beginObject()
        for table in ITCTable.allCases.sorted(by: { JSONWriter.utf8Precedes($0.rawValue, $1.rawValue) }) {
            let lines = table.lines.filter { bucket[table, $0] != .zero || bucket.taxableValue(table, $0) != .zero }
            guard !lines.isEmpty else { continue }
            b.key(table.rawValue)
            b.beginObject()
            let total = bucket.total(of: table)
            // Merge the four heads and the line keys in byte order.
            var keys: [(String, TaxTotals?)] = [("cess", nil), ("cgst", nil), ("igst", nil), ("sgst", nil)]
            for line in lines { keys.append((line.rawValue, bucket[table, line])) }
            keys.sort { JSONWriter.utf8Precedes($0.0, $1.0) }
            for (key, lineTotals) in keys {
                b.key(key)
                if let t = lineTotals, let line = ITCLine(rawValue: key) {
                    // A line carries its taxable value too (`txval`, as the official example's
                    // `itcavl.nonrevsup.b2b`); the table's own heads do not.
                    b.beginObject(); taxes(t, into: &b); b.field("txval", bucket.taxableValue(table, line)); b.endObject()
                } else {
                    switch key {
                    case "cess": b.amount(total.cess)
                    case "cgst": b.amount(total.cgst)
                    case "igst": b.amount(total.igst)
                    default: b.amount(total.sgst)
                    }
                }
            }
            b.endObject()
        }
        b.endObject()
    }

    /// `cpsumm`: per section, one row per supplier (notes: per supplier and note type):
    /// `{cess, cgst, ctin, igst, [nttyp,] sgst, supfildt, supprd, trdnm, ttldocs, txval}`.
    package static func supplierSummary(_ summary: [GSTR2BSection: [GSTR2BSupplierSummary]], into b: inout JSONBuilder) {
        b.beginObject()
        for section in sortedSections(summary.keys) {
            guard let rows = summary[section], !rows.isEmpty else { continue }
            b.key(section.rawValue)
            b.beginArray()
            for r in rows {
                b.beginObject()
                b.field("cess", r.taxes.cess)
                b.field("cgst", r.taxes.cgst)
                b.field("ctin", r.supplier.value)
                b.field("igst", r.taxes.igst)
                if let t = r.noteType { b.field("nttyp", t.rawValue) }
                b.field("sgst", r.taxes.sgst)
                b.field("supfildt", r.filedOn?.dashed ?? "")
                b.field("supprd", r.supplierPeriod.mmyyyy)
                b.field("trdnm", r.tradeName)
                b.field("ttldocs", r.documentCount)
                b.field("txval", r.taxableValue)
                b.endObject()
            }
            b.endArray()
        }
        b.endObject()
    }

    /// `docdata` / `docRejdata`: per section, per supplier `{ctin, inv|nt:[…], supfildt, supprd, trdnm}`.
    package static func documentLists(_ lists: [GSTR2BSection: [GSTR2BSupplierDocuments]], into b: inout JSONBuilder) {
        b.beginObject()
        for section in sortedSections(lists.keys) {
            guard let groups = lists[section], !groups.isEmpty else { continue }
            b.key(section.rawValue)
            b.beginArray()
            for g in groups {
                b.beginObject()
                b.field("ctin", g.supplier.value)
                b.key(section.isNoteSection ? "nt" : "inv")
                b.beginArray()
                for d in g.documents { document(d, section: section, into: &b) }
                b.endArray()
                b.field("supfildt", g.filedOn?.dashed ?? "")
                b.field("supprd", g.supplierPeriod.mmyyyy)
                b.field("trdnm", g.tradeName)
                b.endObject()
            }
            b.endArray()
        }
        b.endObject()
    }

    /// One document, as Sandbox's official IMS-era example of a 2B record
    /// (`reference/sandbox-official/gstr2b_docdata_b2b_inv.json`): invoices (b2b, b2ba, ecom, ecoma)
    /// `cess, cgst, dt, igst, imsStatus, inum, [irn, irngendate,] itcavl, [oidt, oinum,] pos, rev, rsn,
    /// sgst, [srctyp,] txval, typ, val`; notes (cdnr, cdnra) use `ntnum` and add `suptyp`, and `ontdt,
    /// ontnum, onttyp` on amendments. `rsn` is always present (`""` when ITC is available). The pre-IMS
    /// layout's `items` and `diffprcnt` are gone: the official example of this layout has neither.
    package static func document(_ entry: GSTR2BDocument, section: GSTR2BSection, into b: inout JSONBuilder) {
        let d = entry.document
        let amended = d.section.isAmendment
        b.beginObject()
        b.field("cess", d.cess)
        b.field("cgst", d.cgst)
        b.field("dt", d.date.dashed)
        b.field("igst", d.igst)
        b.field("imsStatus", entry.imsStatus.rawValue)
        if !section.isNoteSection { b.field("inum", d.number) }
        if let irn = d.irn {
            b.field("irn", irn)
            b.field("irngendate", (d.irnDate ?? d.date).dashed)
        }
        b.field("itcavl", entry.itcAvailable ? "Y" : "N")
        if section.isNoteSection {
            b.field("ntnum", d.number)
            if amended {
                b.field("ontdt", (d.originalDate ?? d.date).dashed)
                b.field("ontnum", d.originalNumber ?? "")
                b.field("onttyp", entry.noteType?.rawValue ?? "C")
            }
        } else if amended {
            b.field("oidt", (d.originalDate ?? d.date).dashed)
            b.field("oinum", d.originalNumber ?? "")
        }
        b.field("pos", d.placeOfSupply.value)
        b.field("rev", d.reverseCharge ? "Y" : "N")
        b.field("rsn", entry.unavailableReason?.rawValue ?? "")
        b.field("sgst", d.sgst)
        if d.irn != nil { b.field("srctyp", "e-Invoice") }
        if section.isNoteSection { b.field("suptyp", "R") }
        b.field("txval", d.taxableValue)
        b.field("typ", section.isNoteSection ? (entry.noteType?.rawValue ?? "C") : d.invoiceType.rawValue)
        b.field("val", d.value)
        b.endObject()
    }
}
