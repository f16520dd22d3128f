import GSTCore
import JSON

/// Who the world knows: taxpayers (who log in) and suppliers (who only issue documents).
struct PartyRegistry {
    var taxpayers: [Taxpayer] = []
    var suppliers: [Party] = []
    /// Where each GSTIN was declared, for "already declared at …" messages.
    var declaredAt: [GSTIN: JSONPath] = [:]
    var taxpayerGSTINs: Set<GSTIN> = []
    /// GSTR-1 periods filed, per taxpayer: a taxpayer's own documents must agree with them.
    var gstr1Filed: [GSTIN: Set<ReturnPeriod>] = [:]
    /// What the file states of taxpayers' registrations (suppliers carry theirs in `Party`).
    var taxpayerRegistrations: [GSTIN: RegistrationDetails] = [:]

    func isKnown(_ g: GSTIN) -> Bool { declaredAt[g] != nil }
    func isTaxpayer(_ g: GSTIN) -> Bool { taxpayerGSTINs.contains(g) }
}

extension ScenarioDecoder {
    mutating func taxpayers(_ value: JSONValue, at path: JSONPath, today: CivilDate?, into registry: inout PartyRegistry) {
        guard let list = array(value, at: path) else { return }
        let keys = ["gstin", "trade_name", "username", "otp", "gstr3b_filed", "gstr1_filed", "ledgers", "preferences", "aato", "registration", "filings"]
        for (entry, ep) in list {
            guard let m = object(entry, at: ep, allowed: keys, required: Array(keys.prefix(4))) else { continue }
            let gstin = m["gstin"].flatMap { self.gstin($0.0, at: $0.1) }
            let name = m["trade_name"].flatMap { string($0.0, at: $0.1) }
            let username = m["username"].flatMap { string($0.0, at: $0.1) }
            var otp: String?
            if let (v, p) = m["otp"] {
                if case .string(let s) = v, s.utf8.count == 6, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { otp = s }
                else { fail(p, "expected a 6-digit OTP string such as \"575757\", found \(ScenarioDecoder.show(v))") }
            }
            let filed3B = m["gstr3b_filed"].map { filedPeriods($0.0, at: $0.1, form: "GSTR-3B", today: today) } ?? []
            let filed1 = m["gstr1_filed"].map { filedPeriods($0.0, at: $0.1, form: "GSTR-1", today: today) } ?? []
            let log = m["ledgers"].flatMap { ledgerLog($0.0, at: $0.1) }
            let filings = m["filings"].map { filingReceipts($0.0, at: $0.1) } ?? []
            let preferences = m["preferences"].map { filingPreferences($0.0, at: $0.1) } ?? [:]
            let aato = m["aato"].map { declaredTurnover($0.0, at: $0.1) } ?? [:]
            let registration = m["registration"].flatMap { registrationDetails($0.0, at: $0.1) }
            guard let gstin, let name, let username, let otp else { continue }
            guard declare(gstin, at: ep.key("gstin"), in: &registry) else { continue }
            registry.taxpayerGSTINs.insert(gstin)
            registry.gstr1Filed[gstin] = Set(filed1)
            registry.taxpayers.append(Taxpayer(gstin: gstin, tradeName: name, username: username, otp: otp,
                                               gstr3bFiled: Set(filed3B), gstr1Filed: Set(filed1), ledgers: log?.ledgers ?? Ledgers(),
                                               openingBalances: log?.opening))
            registry.taxpayers[registry.taxpayers.count - 1].filingReceipts = filings
            registry.taxpayers[registry.taxpayers.count - 1].preferences = preferences
            registry.taxpayers[registry.taxpayers.count - 1].declaredTurnover = aato
            if let registration { registry.taxpayerRegistrations[gstin] = registration }
        }
    }

    /// What public search shows of a party: `legal_name`, `status` (Active, Cancelled, Suspended),
    /// `registered_on` / `cancelled_on` / `last_updated_on` (DD-MM-YYYY), `constitution`, `taxpayer_type`,
    /// `nature_of_business` (strings), `einvoice` (bool). A cancelled or suspended registration names the
    /// day it stopped, on or after it began; an active one names none.
    mutating func registrationDetails(_ value: JSONValue, at path: JSONPath) -> RegistrationDetails? {
        let keys = ["legal_name", "status", "registered_on", "cancelled_on", "last_updated_on", "constitution", "taxpayer_type",
                    "nature_of_business", "einvoice"]
        guard let m = object(value, at: path, allowed: keys) else { return nil }
        var d = RegistrationDetails()
        d.legalName = m["legal_name"].flatMap { string($0.0, at: $0.1) }
        d.constitution = m["constitution"].flatMap { string($0.0, at: $0.1) }
        d.taxpayerType = m["taxpayer_type"].flatMap { string($0.0, at: $0.1) }
        d.registeredOn = m["registered_on"].flatMap { date($0.0, at: $0.1) }
        d.cancelledOn = m["cancelled_on"].flatMap { date($0.0, at: $0.1) }
        d.lastUpdatedOn = m["last_updated_on"].flatMap { date($0.0, at: $0.1) }
        d.eInvoicing = m["einvoice"].flatMap { bool($0.0, at: $0.1) }
        if let (v, p) = m["status"] {
            if case .string(let s) = v, let status = RegistrationStatus(rawValue: s) { d.status = status } else {
                fail(p, "expected \"Active\", \"Cancelled\" or \"Suspended\", found \(ScenarioDecoder.show(v))")
            }
        }
        if let (v, p) = m["nature_of_business"] {
            if case .array(let items) = v, !items.isEmpty, items.allSatisfy({ $0.stringValue?.isEmpty == false }) {
                d.natureOfBusiness = items.compactMap(\.stringValue)
            } else { fail(p, "expected a non-empty list of strings such as [\"Wholesale Business\"]") }
        }
        let stopped = d.status == .cancelled || d.status == .suspended
        if stopped, d.cancelledOn == nil { fail(path, "a \(d.status!.rawValue.lowercased()) registration needs cancelled_on") }
        if !stopped, d.cancelledOn != nil { fail(path.key("cancelled_on"), "only a Cancelled or Suspended registration has cancelled_on") }
        if let r = d.registeredOn, let c = d.cancelledOn, c < r { fail(path.key("cancelled_on"), "is before registered_on (\(r))") }
        return d
    }

    /// `{"2025-26": {"Q1": "M", "Q3": "Q"}}`: the return preference chosen per quarter (QRMP); monthly elsewhere.
    mutating func filingPreferences(_ value: JSONValue, at path: JSONPath) -> [FinancialQuarter: FilingPreference] {
        guard case .object(let years) = value else { fail(path, "expected an object of financial years such as {\"2025-26\": {\"Q3\": \"Q\"}}"); return [:] }
        var out: [FinancialQuarter: FilingPreference] = [:]
        for (year, quarters) in years {
            let yp = path.key(year)
            guard let start = FinancialYear.start(year) else { fail(yp, "expected a financial year such as \"2025-26\", found \"\(year)\""); continue }
            guard case .object(let qs) = quarters else { fail(yp, "expected an object of quarters such as {\"Q3\": \"Q\"}"); continue }
            for (q, v) in qs {
                let qp = yp.key(q)
                guard q.count == 2, q.hasPrefix("Q"), let n = Int(q.dropFirst()), let quarter = FinancialQuarter(yearStart: start, quarter: n) else {
                    fail(qp, "expected Q1, Q2, Q3 or Q4"); continue
                }
                guard case .string(let s) = v, let p = FilingPreference(rawValue: s) else { fail(qp, "expected \"M\" (monthly) or \"Q\" (quarterly)"); continue }
                out[quarter] = p
            }
        }
        return out
    }

    /// `{"2024-25": 75000000}`: the aggregate turnover GSTN holds per financial year.
    mutating func declaredTurnover(_ value: JSONValue, at path: JSONPath) -> [Int: Amount] {
        guard case .object(let years) = value else { fail(path, "expected an object of financial years such as {\"2024-25\": 75000000}"); return [:] }
        var out: [Int: Amount] = [:]
        for (year, v) in years {
            guard let start = FinancialYear.start(year) else { fail(path.key(year), "expected a financial year such as \"2024-25\", found \"\(year)\""); continue }
            if case .number(let n) = v, let a = Amount(decimalText: n.text) { out[start] = a } else {
                fail(path.key(year), "expected an amount that is not negative and has at most two decimals")
            }
        }
        return out
    }

    /// `{"igst": {"tax": 1000, "interest": 0, "penalty": 0, "fee": 0, "other": 0}, "cgst": …}`: cash-ledger
    /// amounts per head and minor head (absent ones zero).
    mutating func cashAmounts(_ value: JSONValue, at path: JSONPath) -> CashAmounts? {
        guard let c = object(value, at: path, allowed: ["igst", "cgst", "sgst", "cess"]) else { return nil }
        func minor(_ head: String) -> MinorHeads {
            guard let (v, p) = c[head], let mm = object(v, at: p, allowed: ["tax", "interest", "penalty", "fee", "other"]) else { return .zero }
            func a(_ k: String) -> Amount { mm[k].flatMap { amount($0.0, at: $0.1) } ?? .zero }
            return MinorHeads(tax: a("tax"), interest: a("interest"), penalty: a("penalty"), fee: a("fee"), other: a("other"))
        }
        return CashAmounts(igst: minor("igst"), cgst: minor("cgst"), sgst: minor("sgst"), cess: minor("cess"))
    }


    mutating func suppliers(_ value: JSONValue, at path: JSONPath, into registry: inout PartyRegistry) {
        guard let list = array(value, at: path) else { return }
        for (entry, ep) in list {
            guard let m = object(entry, at: ep, allowed: ["gstin", "trade_name", "registration"], required: ["gstin", "trade_name"]) else { continue }
            let gstin = m["gstin"].flatMap { self.gstin($0.0, at: $0.1) }
            let name = m["trade_name"].flatMap { string($0.0, at: $0.1) }
            let registration = m["registration"].flatMap { registrationDetails($0.0, at: $0.1) }
            guard let gstin, let name, declare(gstin, at: ep.key("gstin"), in: &registry) else { continue }
            registry.suppliers.append(Party(gstin: gstin, tradeName: name, registration: registration))
        }
    }

    /// Records a GSTIN, refusing a second declaration (as taxpayer or supplier) of the same one.
    mutating func declare(_ gstin: GSTIN, at path: JSONPath, in registry: inout PartyRegistry) -> Bool {
        if let earlier = registry.declaredAt[gstin] {
            fail(path, "GSTIN \(gstin.value) is already declared at \(earlier)")
            return false
        }
        registry.declaredAt[gstin] = path
        return true
    }

    /// A list of `MMYYYY` periods whose return is filed: no repeats, and (on a fixed clock) each
    /// period should have ended — a return cannot be filed for a month still running; a warning, not
    /// an error, because a tenant whose clock was set back holds such a world and must load again.
    mutating func filedPeriods(_ value: JSONValue, at path: JSONPath, form: String, today: CivilDate?) -> [ReturnPeriod] {
        guard let list = array(value, at: path) else { return [] }
        var out: [ReturnPeriod] = []
        for (v, p) in list {
            guard let period = period(v, at: p) else { continue }
            if out.contains(period) { fail(p, "period \(period) is listed twice"); continue }
            if let today, period.lastDay >= today {
                warn(p, "\(form) for \(period) is filed although the period has not ended on the scenario clock (\(today))")
            }
            out.append(period)
        }
        return out
    }
}

/// The scenario format's cash-ledger amounts, for the control API's challan (one reading of them).
public enum CashAmountsFormat {
    /// The amounts, or every problem with its JSON path.
    public static func read(_ value: JSONValue) -> (amounts: CashAmounts?, problems: [String]) {
        var decoder = ScenarioDecoder()
        let amounts = decoder.cashAmounts(value, at: "$")
        guard decoder.issues.isEmpty else { return (nil, decoder.issues.map(\.description)) }
        return (amounts, [])
    }
}
