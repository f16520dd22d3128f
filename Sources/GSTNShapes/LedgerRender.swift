import GSTCore
import JSON

/// The electronic ledgers in GSTN's JSON, as Sandbox's official examples write them
/// (`ledgers/bal`, `ledgers/cash`, `ledgers/itc`, `ledgers/tax`): keys in byte order, amounts as numbers.
package enum LedgerRender {
    /// `ledgers/bal/{year}/{month}`: `{cash_bal{cess{fee,intr,oth,pen,tx},cess_tot_bal,…}, gstin,
    /// itc_bal{cess_bal,…}, itc_blck_bal{…}}` (no `tot` inside `cash_bal`, as the example). Blocked
    /// credit is always zero: nothing in the sandbox blocks credit.
    package static func balance(gstin: GSTIN, cash: CashAmounts, credit: TaxTotals) -> [UInt8] {
        var b = JSONBuilder(capacity: 640)
        b.beginObject()
        b.key("cash_bal"); b.beginObject()
        b.key("cess"); minorHeads(cash.cess, total: false, into: &b); b.field("cess_tot_bal", cash.cess.total)
        b.key("cgst"); minorHeads(cash.cgst, total: false, into: &b); b.field("cgst_tot_bal", cash.cgst.total)
        b.key("igst"); minorHeads(cash.igst, total: false, into: &b); b.field("igst_tot_bal", cash.igst.total)
        b.key("sgst"); minorHeads(cash.sgst, total: false, into: &b); b.field("sgst_tot_bal", cash.sgst.total)
        b.endObject()
        b.field("gstin", gstin.value)
        b.key("itc_bal"); b.beginObject()
        b.field("cess_bal", credit.cess); b.field("cgst_bal", credit.cgst); b.field("igst_bal", credit.igst); b.field("sgst_bal", credit.sgst)
        b.endObject()
        b.key("itc_blck_bal"); b.beginObject()
        b.field("cess_blck_bal", Amount.zero); b.field("cgst_blck_bal", Amount.zero)
        b.field("igst_blck_bal", Amount.zero); b.field("sgst_blck_bal", Amount.zero)
        b.endObject()
        b.endObject()
        return b.bytes
    }

    /// `ledgers/cash?from&to`: `{cl_bal, fr_dt, gstin, op_bal, to_dt, tr[]}`; `tr` rows as the linked JSON
    /// schema gives them (the example's `tr` is empty): `cess, cessbal, cgst, cgstbal, desc, dpt_dt,
    /// dpt_time, igst, igstbal, ref_no, ret_period, rpt_dt, sgst, sgstbal, tot_rng_bal, tot_tr_amt, tr_typ`.
    package static func cash(gstin: GSTIN, from: CivilDate, to: CivilDate, opening: CashAmounts,
                              entries: ArraySlice<LedgerEntry<CashAmounts>>) -> [UInt8] {
        var b = JSONBuilder(capacity: 1024 + entries.count * 900)
        b.beginObject()
        b.key("cl_bal"); cashBalance(entries.last?.balance ?? opening, desc: "Closing Balance", into: &b)
        b.field("fr_dt", from.slashed)
        b.field("gstin", gstin.value)
        b.key("op_bal"); cashBalance(opening, desc: "Opening Balance", into: &b)
        b.field("to_dt", to.slashed)
        b.key("tr"); b.beginArray()
        for e in entries {
            let day = CivilDate(epochMilliseconds: e.at)
            b.beginObject()
            heads(e.amounts, balance: e.balance, into: &b)
            b.field("desc", e.description)
            b.field("dpt_dt", day.slashed)
            b.field("dpt_time", TenantState.istClock(e.at))
            b.key("igst"); minorHeads(e.amounts.igst, total: true, into: &b)
            b.key("igstbal"); minorHeads(e.balance.igst, total: true, into: &b)
            b.field("ref_no", e.reference)
            b.field("ret_period", e.period?.mmyyyy ?? "")
            b.field("rpt_dt", day.slashed)
            b.key("sgst"); minorHeads(e.amounts.sgst, total: true, into: &b)
            b.key("sgstbal"); minorHeads(e.balance.sgst, total: true, into: &b)
            b.field("tot_rng_bal", e.balance.total)
            b.field("tot_tr_amt", e.amounts.total)
            b.field("tr_typ", e.direction.rawValue)
            b.endObject()
        }
        b.endArray()
        b.endObject()
        return b.bytes
    }

    /// `ledgers/itc?from&to`: `{itcLdgDtls{cl_bal, fr_dt, gstin, op_bal, to_dt, tr[]}, provCrdBalList{provCrdBal[]}}`
    /// with rows `{cessTaxAmt, cessTaxBal, cgstTaxAmt, cgstTaxBal, desc, dt, igstTaxAmt, igstTaxBal, ref_no,
    /// ret_period, sgstTaxAmt, sgstTaxBal, tot_rng_bal, tot_tr_amt, tr_typ}`, as the official example.
    package static func credit(gstin: GSTIN, from: CivilDate, to: CivilDate, opening: TaxTotals,
                               entries: ArraySlice<LedgerEntry<TaxTotals>>) -> [UInt8] {
        var b = JSONBuilder(capacity: 512 + entries.count * 360)
        b.beginObject()
        b.key("itcLdgDtls"); b.beginObject()
        b.key("cl_bal"); creditBalance(entries.last?.balance ?? opening, desc: "Closing Balance", into: &b)
        b.field("fr_dt", from.slashed)
        b.field("gstin", gstin.value)
        b.key("op_bal"); creditBalance(opening, desc: "Opening Balance", into: &b)
        b.field("to_dt", to.slashed)
        b.key("tr"); b.beginArray()
        for e in entries {
            b.beginObject()
            b.field("cessTaxAmt", e.amounts.cess); b.field("cessTaxBal", e.balance.cess)
            b.field("cgstTaxAmt", e.amounts.cgst); b.field("cgstTaxBal", e.balance.cgst)
            b.field("desc", e.description)
            b.field("dt", CivilDate(epochMilliseconds: e.at).slashed)
            b.field("igstTaxAmt", e.amounts.igst); b.field("igstTaxBal", e.balance.igst)
            b.field("ref_no", e.reference)
            b.field("ret_period", e.period?.mmyyyy ?? "")
            b.field("sgstTaxAmt", e.amounts.sgst); b.field("sgstTaxBal", e.balance.sgst)
            b.field("tot_rng_bal", e.balance.total)
            b.field("tot_tr_amt", e.amounts.total)
            b.field("tr_typ", e.direction.rawValue)
            b.endObject()
        }
        b.endArray()
        b.endObject()
        b.key("provCrdBalList"); b.beginObject(); b.key("provCrdBal"); b.beginArray(); b.endArray(); b.endObject()
        b.endObject()
        return b.bytes
    }

    /// `ledgers/tax/{year}/{month}?from&to`: `{cl_bal, fr_dt, gstin, to_dt, tr[]}` with `fr_dt`/`to_dt` as
    /// MMYYYY (the example's) and rows `{cess, cessbal, cgst, cgstbal, desc, dschrg_typ, dt, igst, igstbal,
    /// ref_no, sgst, sgstbal, tot_rng_bal, tot_tr_amt, tr_typ}`; `dschrg_typ` is "" for liability posted,
    /// "credit" or "cash" for how it was discharged (a `DI…` credit-ledger or `DC…` cash-ledger debit).
    package static func liability(gstin: GSTIN, from: CivilDate, to: CivilDate, closing: CashAmounts,
                                  entries: [LedgerEntry<CashAmounts>]) -> [UInt8] {
        var b = JSONBuilder(capacity: 512 + entries.count * 900)
        b.beginObject()
        b.key("cl_bal"); cashBalance(closing, desc: "Closing Balance", into: &b)
        b.field("fr_dt", ReturnPeriod(containing: from).mmyyyy)
        b.field("gstin", gstin.value)
        b.field("to_dt", ReturnPeriod(containing: to).mmyyyy)
        b.key("tr"); b.beginArray()
        for e in entries {
            b.beginObject()
            heads(e.amounts, balance: e.balance, into: &b)
            b.field("desc", e.description)
            b.field("dschrg_typ", e.direction == .debit ? "" : e.reference.hasPrefix("DI") ? "credit" : "cash")
            b.field("dt", CivilDate(epochMilliseconds: e.at).slashed)
            b.key("igst"); minorHeads(e.amounts.igst, total: true, into: &b)
            b.key("igstbal"); minorHeads(e.balance.igst, total: true, into: &b)
            b.field("ref_no", e.reference)
            b.key("sgst"); minorHeads(e.amounts.sgst, total: true, into: &b)
            b.key("sgstbal"); minorHeads(e.balance.sgst, total: true, into: &b)
            b.field("tot_rng_bal", e.balance.total)
            b.field("tot_tr_amt", e.amounts.total)
            b.field("tr_typ", e.direction.rawValue)
            b.endObject()
        }
        b.endArray()
        b.endObject()
        return b.bytes
    }

    /// `cess, cessbal, cgst, cgstbal` of a row (the keys before `desc` in byte order).
    static func heads(_ a: CashAmounts, balance bal: CashAmounts, into b: inout JSONBuilder) {
        b.key("cess"); minorHeads(a.cess, total: true, into: &b)
        b.key("cessbal"); minorHeads(bal.cess, total: true, into: &b)
        b.key("cgst"); minorHeads(a.cgst, total: true, into: &b)
        b.key("cgstbal"); minorHeads(bal.cgst, total: true, into: &b)
    }

    static func minorHeads(_ m: MinorHeads, total: Bool, into b: inout JSONBuilder) {
        b.beginObject()
        b.field("fee", m.fee); b.field("intr", m.interest); b.field("oth", m.other); b.field("pen", m.penalty)
        if total { b.field("tot", m.total) }
        b.field("tx", m.tax)
        b.endObject()
    }

    static func cashBalance(_ a: CashAmounts, desc: StaticString, into b: inout JSONBuilder) {
        b.beginObject()
        b.key("cessbal"); minorHeads(a.cess, total: true, into: &b)
        b.key("cgstbal"); minorHeads(a.cgst, total: true, into: &b)
        b.field("desc", desc)
        b.key("igstbal"); minorHeads(a.igst, total: true, into: &b)
        b.key("sgstbal"); minorHeads(a.sgst, total: true, into: &b)
        b.field("tot_rng_bal", a.total)
        b.endObject()
    }

    static func creditBalance(_ t: TaxTotals, desc: StaticString, into b: inout JSONBuilder) {
        b.beginObject()
        b.field("cessTaxBal", t.cess); b.field("cgstTaxBal", t.cgst); b.field("desc", desc)
        b.field("igstTaxBal", t.igst); b.field("sgstTaxBal", t.sgst); b.field("tot_rng_bal", t.total)
        b.endObject()
    }
}
