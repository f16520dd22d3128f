import GSTCore
import HTTPWire
import JSON
import ScenarioKit

/// `/_sandbox/tenants/{id}/ledgers`: a taxpayer's electronic ledgers as the local developer sees them,
/// and a paid challan credited to the cash ledger — the one way money enters a ledger besides the
/// scenario's opening balances (GSTN credits the cash ledger when the bank reports a challan paid).
enum LedgerControl {
    static var routes: [Route<ApplicationContext>] { [balances, deposit] }

    static func cashJSON(_ a: CashAmounts) -> JSONValue {
        func minor(_ m: MinorHeads) -> JSONValue {
            .object(["tax": amount(m.tax), "interest": amount(m.interest), "penalty": amount(m.penalty), "fee": amount(m.fee),
                     "other": amount(m.other), "total": amount(m.total)])
        }
        return .object(["igst": minor(a.igst), "cgst": minor(a.cgst), "sgst": minor(a.sgst), "cess": minor(a.cess), "total": amount(a.total)])
    }

    static func amount(_ a: Amount) -> JSONValue { .number(JSONNumber(a)) }

    static func summary(_ l: Ledgers, gstin: GSTIN) -> JSONValue {
        let c = l.creditBalance
        return .object([
            "gstin": .string(gstin.value),
            "cash": cashJSON(l.cashBalance),
            "itc": .object(["igst": amount(c.igst), "cgst": amount(c.cgst), "sgst": amount(c.sgst), "cess": amount(c.cess), "total": amount(c.total)]),
            "liability_unpaid": cashJSON(l.liabilityBalance),
            "gstr3b_paid": .array(l.payments.keys.sorted().map { .string($0.mmyyyy) }),
            "entries": .object(["cash": .number(JSONNumber(l.cash.count)), "itc": .number(JSONNumber(l.credit.count)),
                                "liability": .number(JSONNumber(l.liability.count))]),
        ])
    }

    /// Every taxpayer's balances, unpaid liability and paid GSTR-3B periods.
    static let balances = Route<ApplicationContext>(.get, "/_sandbox/tenants/{id}/ledgers", operation: "control.ledgers.get", api: .control) { _, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            ControlReply.json(tenant.read { s in
                .array(s.taxpayers.keys.sorted { $0.value < $1.value }.map { summary(s.ledgers(of: $0), gstin: $0) })
            })
        }
    }

    /// `{"gstin": "…", "cash": {"igst": {"tax": 5000}, …}, "reference": "optional CPIN"}` → 201 with the
    /// taxpayer's ledgers after the deposit. Not a taxpayer of the tenant → 404; amounts negative, with
    /// more than two decimals or all zero → 400; nothing changes then.
    static let deposit = Route<ApplicationContext>(.post, "/_sandbox/tenants/{id}/ledgers/cash", operation: "control.ledgers.deposit", api: .control) { request, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            let members: [String: JSONValue]
            switch ControlReply.object(request) {
            case .failure(let f): return f.response
            case .success(let m): members = m
            }
            let usage = "expected {\"gstin\": GSTIN, \"cash\": {\"igst\": {\"tax\": 5000, \"interest\": 0, \"penalty\": 0, \"fee\": 0, \"other\": 0}, …}, \"reference\": optional string}"
            guard Set(members.keys).isSubset(of: ["gstin", "cash", "reference"]), case .string(let text)? = members["gstin"],
                  let gstin = GSTIN(text), let cash = members["cash"] else { return ControlReply.badRequest(usage) }
            var reference: String?
            if let r = members["reference"] {
                guard case .string(let s) = r, !s.isEmpty else { return ControlReply.badRequest("\"reference\" must be a non-empty string") }
                reference = s
            }
            let read = CashAmountsFormat.read(cash)
            guard let amounts = read.amounts else { return ControlReply.badRequest("invalid \"cash\" amounts", details: read.problems) }
            let outcome = tenant.write { s -> Result<JSONValue, CashDepositError> in
                do throws(CashDepositError) {
                    try s.depositCash(gstin: gstin, amounts: amounts, reference: reference)
                    return .success(summary(s.ledgers(of: gstin), gstin: gstin))
                } catch { return .failure(error) }
            }
            switch outcome {
            case .success(let json): return ControlReply.json(json, status: .created)
            case .failure(.unknownTaxpayer): return ControlReply.error(.notFound, "\(gstin.value) is not a taxpayer of this tenant")
            case .failure(.invalidAmounts): return ControlReply.badRequest("a challan credits at least one amount above zero; nothing changed")
            }
        }
    }
}
