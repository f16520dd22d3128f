import GSTCore
import JSON

/// GSTR-3B payment in GSTN's JSON: `tx_pmt` of GET GSTR-3B and the offset-liability body.
extension GSTR3BRender {
    /// `tx_pmt`, keys in byte order. Before a payment: `pdcash` (a zero row per liability ledger),
    /// `pditc` (zeros) and `tx_py` (the liability payable), `liab_ldg_id` 0 — the keys of the official
    /// "200 Success" example. After it: also `adjnegliab: []`, `net_tax_pay` (the liability paid, ids 0)
    /// and `pdnls: []`, the payment with its ledger ids and `tx_py` at zero — the keys and values of the
    /// "Details after offsetting liabilities" example. Whole rupees, as GSTN states payment.
    static func payment(_ s: GSTR3BSummary, into b: inout JSONBuilder) {
        let liability = s.liability
        let paid = s.payment
        func id(_ kind: LiabilityKind) -> Int64 { paid?.ledgerIDs[kind] ?? 0 }
        b.beginObject()
        if paid != nil {
            b.key("adjnegliab"); b.beginArray(); b.endArray()
            b.key("net_tax_pay"); b.beginArray()
            for kind in LiabilityKind.allCases { liabilityRow(liability[kind], kind: kind, ledgerID: 0, into: &b) }
            b.endArray()
        }
        b.key("pdcash"); b.beginArray()
        for kind in LiabilityKind.allCases {
            let c = paid?.plan.cash[kind] ?? .zero
            b.beginObject()
            b.field("c_intrpd", c.cgst.interest); b.field("c_lfeepd", c.cgst.fee); b.field("cpd", c.cgst.tax)
            b.field("cs_intrpd", c.cess.interest); b.field("cs_lfeepd", c.cess.fee); b.field("cspd", c.cess.tax)
            b.field("i_intrpd", c.igst.interest); b.field("i_lfeepd", c.igst.fee); b.field("ipd", c.igst.tax)
            b.field("liab_ldg_id", id(kind))
            b.field("s_intrpd", c.sgst.interest); b.field("s_lfeepd", c.sgst.fee); b.field("spd", c.sgst.tax)
            b.field("trans_typ", kind.rawValue)
            b.endObject()
        }
        b.endArray()
        let u = paid?.plan.credit ?? CreditUse()
        b.key("pditc"); b.beginObject()
        b.field("c_pdc", u.cgstByCGST); b.field("c_pdi", u.cgstByIGST); b.field("cs_pdcs", u.cessByCess)
        b.field("i_pdc", u.igstByCGST); b.field("i_pdi", u.igstByIGST); b.field("i_pds", u.igstBySGST)
        b.field("liab_ldg_id", id(.otherThanReverseCharge))
        b.field("s_pdi", u.sgstByIGST); b.field("s_pds", u.sgstBySGST)
        b.field("trans_typ", LiabilityKind.otherThanReverseCharge.rawValue)
        b.endObject()
        if paid != nil { b.key("pdnls"); b.beginArray(); b.endArray() }
        b.key("tx_py"); b.beginArray()
        for kind in LiabilityKind.allCases { liabilityRow(paid == nil ? liability[kind] : .zero, kind: kind, ledgerID: id(kind), into: &b) }
        b.endArray()
        b.endObject()
    }

    /// `{cess{fee,intr,tx}, cgst, igst, liab_ldg_id, sgst, tran_desc, trans_typ}`.
    static func liabilityRow(_ a: CashAmounts, kind: LiabilityKind, ledgerID: Int64, into b: inout JSONBuilder) {
        func head(_ m: MinorHeads) { b.beginObject(); b.field("fee", m.fee); b.field("intr", m.interest); b.field("tx", m.tax); b.endObject() }
        b.beginObject()
        b.key("cess"); head(a.cess); b.key("cgst"); head(a.cgst); b.key("igst"); head(a.igst)
        b.field("liab_ldg_id", ledgerID)
        b.key("sgst"); head(a.sgst)
        b.field("tran_desc", kind.description)
        b.field("trans_typ", kind.rawValue)
        b.endObject()
    }

    /// The offset-liability body (`pdcash[]`, `pditc{}`; `nettaxpay` is read by nobody, as GSTN derives the
    /// liability itself): absent amounts are zero, a `pdcash` row with `trans_typ` 0 is the documented
    /// placeholder and must be all zeros. Nil — GSTN's "Error in JSON structure" — when the body is not an
    /// object, a row names another `trans_typ` or names one twice, or an amount is not a non-negative
    /// number with at most two decimals.
    package static func offsetPlan(_ body: JSONValue) -> OffsetPlan? {
        guard body.objectValue != nil else { return nil }
        func amount(_ v: JSONValue, _ key: String) -> Amount? {
            guard let x = v[key] else { return .zero }
            return x.amountValue
        }
        var plan = OffsetPlan()
        var seen: Set<Int> = []
        if let rows = body["pdcash"] {
            guard let rows = rows.arrayValue else { return nil }
            for row in rows {
                guard row.objectValue != nil else { return nil }
                let typ = row["trans_typ"]?.numberValue.flatMap { Int($0.text) } ?? 0
                var c = CashAmounts()
                guard let ipd = amount(row, "ipd"), let cpd = amount(row, "cpd"), let spd = amount(row, "spd"), let cspd = amount(row, "cspd"),
                      let ii = amount(row, "i_intrpd"), let ci = amount(row, "c_intrpd"), let si = amount(row, "s_intrpd"), let csi = amount(row, "cs_intrpd"),
                      let il = amount(row, "i_lfeepd"), let cl = amount(row, "c_lfeepd"), let sl = amount(row, "s_lfeepd"), let csl = amount(row, "cs_lfeepd")
                else { return nil }
                c.igst = MinorHeads(tax: ipd, interest: ii, fee: il); c.cgst = MinorHeads(tax: cpd, interest: ci, fee: cl)
                c.sgst = MinorHeads(tax: spd, interest: si, fee: sl); c.cess = MinorHeads(tax: cspd, interest: csi, fee: csl)
                if typ == 0 { guard c == .zero else { return nil }; continue }
                guard let kind = LiabilityKind(rawValue: typ), seen.insert(typ).inserted else { return nil }
                if kind == .otherThanReverseCharge { plan.cash.otherThanReverseCharge = c } else { plan.cash.reverseCharge = c }
            }
        }
        if let itc = body["pditc"] {
            guard itc.objectValue != nil else { return nil }
            if let t = itc["trans_typ"], t.numberValue?.text != "30002" { return nil }
            guard let ii = amount(itc, "i_pdi"), let ic = amount(itc, "i_pdc"), let isg = amount(itc, "i_pds"),
                  let ci = amount(itc, "c_pdi"), let cc = amount(itc, "c_pdc"), let si = amount(itc, "s_pdi"),
                  let ss = amount(itc, "s_pds"), let cs = amount(itc, "cs_pdcs") else { return nil }
            plan.credit.igstByIGST = ii; plan.credit.igstByCGST = ic; plan.credit.igstBySGST = isg
            plan.credit.cgstByIGST = ci; plan.credit.cgstByCGST = cc
            plan.credit.sgstByIGST = si; plan.credit.sgstBySGST = ss; plan.credit.cessByCess = cs
        }
        return plan
    }

    /// The offset's success: `{"Message":"Payment of tax successfully done"}` (capital M, as documented).
    package static let offsetDone = Array(#"{"Message":"Payment of tax successfully done"}"#.utf8)
}
