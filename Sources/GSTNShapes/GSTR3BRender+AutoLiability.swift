import GSTCore
import JSON

/// GSTN's auto-calculated GSTR-3B (`r3bautopop`), as Sandbox's auto-liability-calc example writes it:
/// every table of 3.1, 3.2 and 4 present, keys in byte order. The world's facts fill table 4A (B2B
/// invoices) and 9B (notes, credit notes negative) of 3.1(a), 3.1(d) from GSTR-2B's reverse-charge
/// records and 4(A)(5) from GSTR-2B's ITC (`itcavl` gross, `itcavl_cn` the credit notes, the subtotal
/// their difference, as in the example); the other tables are zero, 3.2's rows `{"iamt":0,"pos":"","txval":0}`.
extension GSTR3BRender {
    package static func autoLiability(_ a: GSTR3BAutoPopulation, gstin: GSTIN, period: ReturnPeriod) -> [UInt8] {
        var b = JSONBuilder(capacity: 6000)
        b.beginObject(); b.key("r3bautopop"); b.beginObject()
        b.key("error"); b.beginArray(); b.endArray()
        b.key("liabitc"); b.beginObject()
        // Table 4.
        b.key("elgitc"); b.beginObject()
        b.key("itc4a1"); b.beginObject()
        b.key("det"); b.beginObject(); b.key("itcavl"); b.beginObject(); b.field("cess", Amount.zero); b.field("igst", Amount.zero); b.endObject(); b.endObject()
        b.key("subtotal"); b.beginObject(); b.field("csamt", Amount.zero); b.field("iamt", Amount.zero); b.endObject()
        b.endObject()
        for (key, gross, cn): (StaticString, TaxTotals, TaxTotals) in [("itc4a3", .zero, .zero), ("itc4a4", .zero, .zero),
                                                                       ("itc4a5", a.netITC + a.creditNoteITC, a.creditNoteITC)] {
            b.key(key); b.beginObject()
            b.key("det"); b.beginObject()
            b.key("itcavl"); heads(gross, into: &b); b.key("itcavl_cn"); heads(cn, into: &b); b.key("itcunavl"); heads(.zero, into: &b)
            b.endObject()
            b.key("subtotal"); taxes(gross - cn, ty: nil, into: &b)
            b.endObject()
        }
        b.key("itc4d2"); b.beginObject()
        b.key("det"); b.beginObject(); b.key("itcunavl"); heads(.zero, into: &b); b.endObject()
        b.key("subtotal"); taxes(.zero, ty: nil, into: &b)
        b.endObject()
        b.endObject()
        b.field("gstin", gstin.value)
        // Table 3.2.
        b.key("inter_sup"); b.beginObject()
        let comp: [StaticString] = ["tbl15b2b", "tbl15urp2b", "tbl4a", "tbl4c", "tbl9a", "tbl9b", "tbl9c"]
        let unreg: [StaticString] = ["tbl10b", "tbl11_i_a_2", "tbl11_i_b_2", "tbl11_ii", "tbl15b2c", "tbl15urp2c", "tbl5a", "tbl7b_1", "tbl9a", "tbl9b", "tbl9c"]
        for (key, tables): (StaticString, [StaticString]) in [("osup_comp_3_2", comp), ("osup_uin_3_2", comp), ("osup_unreg_3_2", unreg)] {
            b.key(key); b.beginObject()
            b.key("det"); b.beginObject()
            for t in tables { b.key(t); emptyPlaceRows(into: &b) }
            b.endObject()
            b.key("subtotal"); emptyPlaceRows(into: &b)
            b.endObject()
        }
        b.endObject()
        b.field("ret_period", period.mmyyyy)
        // Table 3.1.
        b.key("sup_details"); b.beginObject()
        b.key("isup_3_1d"); b.beginObject()
        b.key("det"); b.beginObject()
        b.key("itcavl"); headsWithValue(a.inwardReverseCharge, into: &b); b.key("itcunavl"); headsWithValue(.zero, into: &b)
        b.endObject()
        b.key("subtotal"); line(a.inwardReverseCharge, into: &b)
        b.endObject()
        b.key("osup_3_1a"); b.beginObject()
        b.key("det"); b.beginObject()
        let intra: Set<String> = ["tbl10a", "tbl11_i_a_1", "tbl11_i_b_1", "tbl7a_1"]
        let inter: Set<String> = ["tbl10b", "tbl11_i_a_2", "tbl11_i_b_2", "tbl5a", "tbl5b", "tbl7b_1"]
        let all: [StaticString] = ["tbl10a", "tbl10b", "tbl11_i_a_1", "tbl11_i_a_2", "tbl11_i_b_1", "tbl11_i_b_2", "tbl11_ii", "tbl4a",
                                   "tbl4b", "tbl4c", "tbl5a", "tbl5b", "tbl6c", "tbl7a_1", "tbl7b_1", "tbl9a", "tbl9b", "tbl9c"]
        for t in all {
            let name = "\(t)"
            let value: GSTR3BLine = name == "tbl4a" ? a.outwardInvoices : name == "tbl9b" ? a.outwardNotes : .zero
            b.key(t); b.beginObject()
            if name == "tbl4b" { b.field("txval", Amount.zero); b.endObject(); continue }
            if !inter.contains(name) { b.field("camt", value.taxes.cgst) }
            b.field("csamt", value.taxes.cess)
            if !intra.contains(name) { b.field("iamt", value.taxes.igst) }
            if !inter.contains(name) { b.field("samt", value.taxes.sgst) }
            b.field("txval", value.taxableValue)
            b.endObject()
        }
        b.endObject()
        b.key("subtotal"); line(a.figures.outward, into: &b)
        b.endObject()
        b.key("osup_3_1b"); b.beginObject()
        b.key("det"); b.beginObject()
        for t: StaticString in ["tbl15b2b", "tbl15urp2b", "tbl6a", "tbl6b", "tbl9a", "tbl9b", "tbl9c"] { b.key(t); interZero(into: &b) }
        b.endObject()
        b.key("subtotal"); interZero(into: &b)
        b.endObject()
        for key: StaticString in ["osup_3_1c", "osup_3_1e"] {
            b.key(key); b.beginObject()
            b.key("det"); b.beginObject(); b.key("tbl8"); b.beginObject(); b.field("txval", Amount.zero); b.endObject(); b.endObject()
            b.key("subtotal"); b.beginObject(); b.field("txval", Amount.zero); b.endObject()
            b.endObject()
        }
        b.endObject()
        b.endObject()
        b.field("r1fildt", a.gstr1FiledOn?.dashed ?? "")
        b.field("r2bgendt", a.gstr2bGeneratedOn?.dashed ?? "")
        b.field("r3bgendt", a.gstr2bGeneratedOn?.dashed ?? "")
        b.endObject(); b.endObject()
        return b.bytes
    }

    /// `{cess, cgst, igst, sgst}`.
    static func heads(_ t: TaxTotals, into b: inout JSONBuilder) {
        b.beginObject(); b.field("cess", t.cess); b.field("cgst", t.cgst); b.field("igst", t.igst); b.field("sgst", t.sgst); b.endObject()
    }

    /// `{cess, cgst, igst, sgst, txval}`.
    static func headsWithValue(_ l: GSTR3BLine, into b: inout JSONBuilder) {
        b.beginObject()
        b.field("cess", l.taxes.cess); b.field("cgst", l.taxes.cgst); b.field("igst", l.taxes.igst); b.field("sgst", l.taxes.sgst)
        b.field("txval", l.taxableValue)
        b.endObject()
    }

    static func emptyPlaceRows(into b: inout JSONBuilder) {
        b.beginArray(); b.beginObject(); b.field("iamt", Amount.zero); b.field("pos", ""); b.field("txval", Amount.zero); b.endObject(); b.endArray()
    }

    static func interZero(into b: inout JSONBuilder) {
        b.beginObject(); b.field("csamt", Amount.zero); b.field("iamt", Amount.zero); b.field("txval", Amount.zero); b.endObject()
    }
}
