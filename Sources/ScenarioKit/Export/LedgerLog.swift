import GSTCore
import JSON

/// A taxpayer's ledgers in the scenario format, written so they load back identical: the opening
/// balances (`cash`, `itc`, as a scenario gives them), when they were opened (`opened_at`), every later
/// entry in order (`entries`) and the GSTR-3B payments (`payments`). A hand-written scenario gives only
/// the opening balances; the loader replays the rest (`ScenarioDecoder.ledgerLog`), recomputing each
/// balance, so a log that would overdraw a ledger does not load.
enum LedgerLog {
    static func json(_ t: Taxpayer) -> JSONValue? {
        let l = t.ledgers
        guard t.openingBalances != nil || !l.isEmpty else { return nil }
        var o: [String: JSONValue] = [:]
        if case .object(let opening) = ScenarioExporter.ledgers(t.openingBalances ?? OpeningBalances()) { o = opening }
        guard !l.isEmpty else { return .object(o) }
        let opened = l.cash.first { $0.reference == Ledgers.openingReference }?.at
            ?? l.credit.first { $0.reference == Ledgers.openingReference }?.at
        if let opened { o["opened_at"] = .string(ScenarioTime.format(opened)) }
        var rows: [(Int64, Int, JSONValue)] = []
        func add<A>(_ ledger: String, _ list: [LedgerEntry<A>], _ amounts: (A) -> JSONValue) {
            for (i, e) in list.enumerated() where e.reference != Ledgers.openingReference {
                var r: [String: JSONValue] = [
                    "ledger": .string(ledger), "at": .string(ScenarioTime.format(e.at)), "reference": .string(e.reference),
                    "description": .string(e.description), "type": .string(e.direction.rawValue), "amounts": amounts(e.amounts),
                ]
                if let p = e.period { r["period"] = .string(p.mmyyyy) }
                rows.append((e.at, i, .object(r)))
            }
        }
        add("cash", l.cash, cash)
        add("itc", l.credit, credit)
        add("liability", l.liability, cash)
        // Per ledger the order is the ledger's own; across ledgers, by time (a stable merge).
        o["entries"] = .array(rows.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.2))
        if !l.payments.isEmpty {
            o["payments"] = .array(l.payments.keys.sorted().map { payment($0, l.payments[$0]!) })
        }
        return .object(o)
    }

    static func cash(_ a: CashAmounts) -> JSONValue {
        if case .object(let o) = ScenarioExporter.ledgers(OpeningBalances(cash: a)), let c = o["cash"] { return c }
        return .null
    }

    static func credit(_ t: TaxTotals) -> JSONValue {
        .object(["igst": ScenarioExporter.amount(t.igst), "cgst": ScenarioExporter.amount(t.cgst),
                 "sgst": ScenarioExporter.amount(t.sgst), "cess": ScenarioExporter.amount(t.cess)])
    }

    /// `{period, at, liability: {"30002": cash, "30003": cash}, cash: {…}, itc: {i_pdi, …}, credited_itc, ledger_ids}`.
    static func payment(_ period: ReturnPeriod, _ p: GSTR3BPayment) -> JSONValue {
        func byKind(_ f: (LiabilityKind) -> JSONValue) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: LiabilityKind.allCases.map { (String($0.rawValue), f($0)) }))
        }
        let u = p.plan.credit
        let itc: [String: Amount] = ["i_pdi": u.igstByIGST, "i_pdc": u.igstByCGST, "i_pds": u.igstBySGST, "c_pdi": u.cgstByIGST,
                                     "c_pdc": u.cgstByCGST, "s_pdi": u.sgstByIGST, "s_pds": u.sgstBySGST, "cs_pdcs": u.cessByCess]
        return .object([
            "period": .string(period.mmyyyy), "at": .string(ScenarioTime.format(p.at)),
            "liability": byKind { cash(p.liability[$0]) }, "cash": byKind { cash(p.plan.cash[$0]) },
            "itc": .object(itc.mapValues(ScenarioExporter.amount)), "credited_itc": credit(p.creditedITC),
            "ledger_ids": byKind { .number(JSONNumber(p.ledgerIDs[$0] ?? 0)) },
        ])
    }

    /// A filing receipt: `{return: GSTR1 | GSTR3B, period, arn, filed_on, mode}`.
    static func filing(_ f: ReturnFiling) -> JSONValue {
        .object(["return": .string(f.form.rawValue), "period": .string(f.period.mmyyyy), "arn": .string(f.arn),
                 "filed_on": .string(f.filedOn.dashed), "mode": .string(f.mode)])
    }
}
