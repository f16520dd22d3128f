import GSTCore
import JSON

/// A taxpayer's `ledgers` block and `filings` list (see `LedgerLog`, which writes them).
extension ScenarioDecoder {
    /// `{"cash": {"igst": {"tax": 1000, …}, …}, "itc": {"igst": 500, …}}` opening balances, and (a saved
    /// tenant) `opened_at`, `entries` and `payments`: the ledgers are then rebuilt here, entry by entry,
    /// each balance recomputed; `ledgers` is nil when the file gives only opening balances (the tenant
    /// opens them on its clock).
    mutating func ledgerLog(_ value: JSONValue, at path: JSONPath) -> (opening: OpeningBalances, ledgers: Ledgers?)? {
        guard let m = object(value, at: path, allowed: ["cash", "itc", "opened_at", "entries", "payments"]) else { return nil }
        var opening = OpeningBalances()
        if let (cash, cp) = m["cash"], let c = cashAmounts(cash, at: cp) { opening.cash = c }
        if let (itc, ip) = m["itc"], let i = creditAmounts(itc, at: ip) { opening.credit = i }
        guard m.has("opened_at") || m.has("entries") || m.has("payments") else { return (opening, nil) }
        var ledgers = Ledgers()
        if let (v, p) = m["opened_at"], let at = instant(v, at: p) { ledgers.open(with: opening, at: at) }
        if let (v, p) = m["entries"], let list = array(v, at: p) {
            for (entry, ep) in list { replay(entry, at: ep, into: &ledgers) }
        }
        if let (v, p) = m["payments"], let list = array(v, at: p) {
            for (entry, ep) in list {
                if let (period, payment) = payment(entry, at: ep) { ledgers.restore(payment, for: period) }
            }
        }
        return (opening, ledgers)
    }

    /// `{"igst": 500, "cgst": 0, "sgst": 0, "cess": 0}`.
    mutating func creditAmounts(_ value: JSONValue, at path: JSONPath) -> TaxTotals? {
        guard let i = object(value, at: path, allowed: ["igst", "cgst", "sgst", "cess"]) else { return nil }
        func a(_ k: String) -> Amount { i[k].flatMap { amount($0.0, at: $0.1) } ?? .zero }
        return TaxTotals(igst: a("igst"), cgst: a("cgst"), sgst: a("sgst"), cess: a("cess"))
    }

    /// One entry `{ledger: cash | itc | liability, at, reference, description, period?, type: Cr | Dr, amounts}`,
    /// posted as the ledger's rules allow (a debit beyond the balance is an error).
    mutating func replay(_ value: JSONValue, at path: JSONPath, into ledgers: inout Ledgers) {
        let keys = ["ledger", "at", "reference", "description", "period", "type", "amounts"]
        guard let m = object(value, at: path, allowed: keys, required: keys.filter { $0 != "period" }) else { return }
        guard let at = m["at"].flatMap({ instant($0.0, at: $0.1) }), let reference = m["reference"].flatMap({ string($0.0, at: $0.1) }),
              let description = m["description"].flatMap({ string($0.0, at: $0.1) }), let (av, ap) = m["amounts"] else { return }
        let period = m["period"].flatMap { self.period($0.0, at: $0.1) }
        guard case .string(let t)? = m["type"]?.0, let direction = LedgerDirection(rawValue: t) else {
            fail(path.key("type"), "expected \"Cr\" or \"Dr\""); return
        }
        let posted: Bool
        switch m["ledger"]?.0 {
        case .string("cash")?:
            guard let a = cashAmounts(av, at: ap) else { return }
            posted = ledgers.postCash(at: at, reference: reference, description: description, period: period, direction, a)
        case .string("itc")?:
            guard let a = creditAmounts(av, at: ap) else { return }
            posted = ledgers.postCredit(at: at, reference: reference, description: description, period: period, direction, a)
        case .string("liability")?:
            guard let a = cashAmounts(av, at: ap) else { return }
            posted = ledgers.postLiability(at: at, reference: reference, description: description, period: period, direction, a)
        default:
            fail(path.key("ledger"), "expected \"cash\", \"itc\" or \"liability\""); return
        }
        if !posted { fail(path, "this entry would take the ledger below zero") }
    }

    /// `{period, at, liability: {"30002": cash, "30003": cash}, cash: {…}, itc: {i_pdi, …}, credited_itc, ledger_ids}`.
    mutating func payment(_ value: JSONValue, at path: JSONPath) -> (ReturnPeriod, GSTR3BPayment)? {
        let keys = ["period", "at", "liability", "cash", "itc", "credited_itc", "ledger_ids"]
        guard let m = object(value, at: path, allowed: keys, required: keys) else { return nil }
        guard let period = m["period"].flatMap({ self.period($0.0, at: $0.1) }), let at = m["at"].flatMap({ instant($0.0, at: $0.1) }),
              let credited = m["credited_itc"].flatMap({ creditAmounts($0.0, at: $0.1) }) else { return nil }
        func byKind<T>(_ key: String, _ read: (inout ScenarioDecoder, JSONValue, JSONPath) -> T?) -> [LiabilityKind: T]? {
            guard let (v, p) = m[key], let o = object(v, at: p, allowed: LiabilityKind.allCases.map { String($0.rawValue) }) else { return nil }
            var out: [LiabilityKind: T] = [:]
            for kind in LiabilityKind.allCases {
                if let (kv, kp) = o[String(kind.rawValue)], let x = read(&self, kv, kp) { out[kind] = x }
            }
            return out
        }
        guard let liability = byKind("liability", { $0.cashAmounts($1, at: $2) }), let cash = byKind("cash", { $0.cashAmounts($1, at: $2) }),
              let ids = byKind("ledger_ids", { d, v, p in d.int(v, at: p, in: 0...Int.max).map(Int64.init) }),
              let (iv, ip) = m["itc"] else { return nil }
        let uses = ["i_pdi", "i_pdc", "i_pds", "c_pdi", "c_pdc", "s_pdi", "s_pds", "cs_pdcs"]
        guard let u = object(iv, at: ip, allowed: uses) else { return nil }
        func a(_ k: String) -> Amount { u[k].flatMap { amount($0.0, at: $0.1) } ?? .zero }
        var plan = OffsetPlan()
        plan.cash = GSTR3BLiability(otherThanReverseCharge: cash[.otherThanReverseCharge] ?? .zero, reverseCharge: cash[.reverseCharge] ?? .zero)
        plan.credit.igstByIGST = a("i_pdi"); plan.credit.igstByCGST = a("i_pdc"); plan.credit.igstBySGST = a("i_pds")
        plan.credit.cgstByIGST = a("c_pdi"); plan.credit.cgstByCGST = a("c_pdc")
        plan.credit.sgstByIGST = a("s_pdi"); plan.credit.sgstBySGST = a("s_pds"); plan.credit.cessByCess = a("cs_pdcs")
        let owed = GSTR3BLiability(otherThanReverseCharge: liability[.otherThanReverseCharge] ?? .zero, reverseCharge: liability[.reverseCharge] ?? .zero)
        return (period, GSTR3BPayment(at: at, liability: owed, plan: plan, creditedITC: credited, ledgerIDs: ids))
    }

    /// `[{return: GSTR1 | GSTR3B, period, arn, filed_on, mode}]`: receipts of returns filed through the API.
    mutating func filingReceipts(_ value: JSONValue, at path: JSONPath) -> [ReturnFiling] {
        guard let list = array(value, at: path) else { return [] }
        var out: [ReturnFiling] = []
        for (entry, ep) in list {
            let keys = ["return", "period", "arn", "filed_on", "mode"]
            guard let m = object(entry, at: ep, allowed: keys, required: keys) else { continue }
            guard case .string(let r)? = m["return"]?.0, let form = ReturnFiling.Form(rawValue: r) else {
                fail(ep.key("return"), "expected \"GSTR1\" or \"GSTR3B\""); continue
            }
            guard let period = m["period"].flatMap({ self.period($0.0, at: $0.1) }), let arn = m["arn"].flatMap({ string($0.0, at: $0.1) }),
                  let day = m["filed_on"].flatMap({ date($0.0, at: $0.1) }), let mode = m["mode"].flatMap({ string($0.0, at: $0.1) }) else { continue }
            out.append(ReturnFiling(form: form, period: period, arn: arn, filedOn: day, mode: mode))
        }
        return out
    }
}
