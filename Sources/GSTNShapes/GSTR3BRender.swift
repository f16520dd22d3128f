import GSTCore
import JSON

/// GSTR-3B in GSTN's JSON (Sandbox `…/gstrs/gstr-3b/{year}/{month}`, Vayana `gstn_ret_type=gstr3b`
/// RETSUM), as the official GET example (`reference/sandbox-official/gstr3b_details.200.json`):
/// `{gstin, inter_sup{comp_details[], uin_details[], unreg_details[]}, intr_ltfee{intr_details,
/// ltfee_details}, inward_sup{isup_details[GST, NONGST]}, itc_elg{itc_avl[], itc_inelg[], itc_net{},
/// itc_rev[]}, ret_period, sup_details{isup_rev, osup_det, osup_nil_exmp, osup_nongst, osup_zero}}`,
/// keys in byte order. Lines the world has no facts for (B2C inter-state supplies, interest and late
/// fee, exempt and non-GST inward supplies, imports, ISD, zero-rated, nil/exempt, non-GST, ineligible
/// ITC) are zero or empty. 4(A)(5) `OTH` is the gross ITC, 4(B)(2) `OTH` the credit notes reversed,
/// 4(C) the difference. `tx_pmt` is the payment (GSTR3BRender+Payment).
package enum GSTR3BRender {
    package static func summary(_ s: GSTR3BSummary) -> [UInt8] {
        var b = JSONBuilder(capacity: 1024)
        let f = s.figures
        b.beginObject()
        b.field("gstin", s.gstin.value)
        b.key("inter_sup"); b.beginObject()
        for key: StaticString in ["comp_details", "uin_details", "unreg_details"] { b.key(key); b.beginArray(); b.endArray() }
        b.endObject()
        b.key("intr_ltfee"); b.beginObject()
        b.key("intr_details"); taxes(.zero, ty: nil, into: &b)
        b.key("ltfee_details"); taxes(.zero, ty: nil, into: &b)
        b.endObject()
        b.key("inward_sup"); b.beginObject()
        b.key("isup_details"); b.beginArray()
        for ty: StaticString in ["GST", "NONGST"] {
            b.beginObject(); b.field("inter", Amount.zero); b.field("intra", Amount.zero); b.field("ty", ty); b.endObject()
        }
        b.endArray()
        b.endObject()
        b.key("itc_elg"); b.beginObject()
        b.key("itc_avl"); b.beginArray()
        for ty: StaticString in ["IMPG", "IMPS", "ISRC", "ISD"] { taxes(.zero, ty: ty, into: &b) }
        taxes(f.availableITC, ty: "OTH", into: &b)
        b.endArray()
        b.key("itc_inelg"); b.beginArray()
        taxes(.zero, ty: "RUL", into: &b); taxes(.zero, ty: "OTH", into: &b)
        b.endArray()
        b.key("itc_net"); taxes(f.netITC, ty: nil, into: &b)
        b.key("itc_rev"); b.beginArray()
        taxes(.zero, ty: "RUL", into: &b); taxes(f.reversedITC, ty: "OTH", into: &b)
        b.endArray()
        b.endObject()
        b.field("ret_period", s.period.mmyyyy)
        b.key("sup_details"); b.beginObject()
        b.key("isup_rev"); line(f.inwardReverseCharge, into: &b)
        b.key("osup_det"); line(f.outward, into: &b)
        b.key("osup_nil_exmp"); line(.zero, into: &b)
        b.key("osup_nongst"); line(.zero, into: &b)
        b.key("osup_zero"); line(.zero, into: &b)
        b.endObject()
        b.key("tx_pmt"); payment(s, into: &b)
        b.endObject()
        return b.bytes
    }

    static func taxes(_ t: TaxTotals, ty: StaticString?, into b: inout JSONBuilder) {
        b.beginObject()
        b.field("camt", t.cgst); b.field("csamt", t.cess); b.field("iamt", t.igst); b.field("samt", t.sgst)
        if let ty { b.field("ty", ty) }
        b.endObject()
    }

    static func line(_ l: GSTR3BLine, into b: inout JSONBuilder) {
        b.beginObject()
        b.field("camt", l.taxes.cgst); b.field("csamt", l.taxes.cess); b.field("iamt", l.taxes.igst)
        b.field("samt", l.taxes.sgst); b.field("txval", l.taxableValue)
        b.endObject()
    }

    /// The figures of a GSTR-3B SAVE body (GSTN's structure): `sup_details.osup_det`,
    /// `sup_details.isup_rev` (`txval, iamt, camt, samt, csamt`) and `itc_elg.itc_net`
    /// (`iamt, camt, samt, csamt`); absent parts count zero. Nil — GSTN's "Error in JSON structure" —
    /// when the body is not an object, `gstin` / `ret_period` (when present) are not the caller's, or
    /// a present part is not an object or holds a non-number amount.
    package static func draft(_ body: JSONValue, gstin: GSTIN, period: ReturnPeriod) -> GSTR3BDraft? {
        guard body.objectValue != nil else { return nil }
        if let g = body["gstin"], g.stringValue != gstin.value { return nil }
        if let p = body["ret_period"], p.stringValue != period.mmyyyy { return nil }
        func amount(_ v: JSONValue?, _ key: String) -> Amount?? {
            guard let x = v?[key] else { return .some(nil) }        // absent: zero
            guard let a = x.amountValue else { return nil }         // wrong type: refused
            return .some(a)
        }
        func taxes(_ v: JSONValue?) -> TaxTotals? {
            guard let v else { return .zero }
            guard v.objectValue != nil, let i = amount(v, "iamt"), let c = amount(v, "camt"), let s = amount(v, "samt"),
                  let ce = amount(v, "csamt") else { return nil }
            return TaxTotals(igst: i ?? .zero, cgst: c ?? .zero, sgst: s ?? .zero, cess: ce ?? .zero)
        }
        func line(_ v: JSONValue?) -> GSTR3BLine? {
            guard let t = taxes(v) else { return nil }
            guard let v else { return .zero }
            guard let tx = amount(v, "txval") else { return nil }
            return GSTR3BLine(taxableValue: tx ?? .zero, taxes: t)
        }
        let sup = body["sup_details"], itc = body["itc_elg"]
        if let sup, sup.objectValue == nil { return nil }
        if let itc, itc.objectValue == nil { return nil }
        guard let outward = line(sup?["osup_det"]), let rev = line(sup?["isup_rev"]), let net = taxes(itc?["itc_net"]) else {
            return nil
        }
        return GSTR3BDraft(outward: outward, inwardReverseCharge: rev, netITC: net)
    }
}
