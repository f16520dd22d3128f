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

    func isKnown(_ g: GSTIN) -> Bool { declaredAt[g] != nil }
    func isTaxpayer(_ g: GSTIN) -> Bool { taxpayerGSTINs.contains(g) }
}

extension ScenarioDecoder {
    mutating func taxpayers(_ value: JSONValue, at path: JSONPath, today: CivilDate?, into registry: inout PartyRegistry) {
        guard let list = array(value, at: path) else { return }
        let keys = ["gstin", "trade_name", "username", "otp", "gstr3b_filed", "gstr1_filed"]
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
            guard let gstin, let name, let username, let otp else { continue }
            guard declare(gstin, at: ep.key("gstin"), in: &registry) else { continue }
            registry.taxpayerGSTINs.insert(gstin)
            registry.gstr1Filed[gstin] = Set(filed1)
            registry.taxpayers.append(Taxpayer(gstin: gstin, tradeName: name, username: username, otp: otp,
                                               gstr3bFiled: Set(filed3B), gstr1Filed: Set(filed1)))
        }
    }

    mutating func suppliers(_ value: JSONValue, at path: JSONPath, into registry: inout PartyRegistry) {
        guard let list = array(value, at: path) else { return }
        for (entry, ep) in list {
            guard let m = object(entry, at: ep, allowed: ["gstin", "trade_name"], required: ["gstin", "trade_name"]) else { continue }
            let gstin = m["gstin"].flatMap { self.gstin($0.0, at: $0.1) }
            let name = m["trade_name"].flatMap { string($0.0, at: $0.1) }
            guard let gstin, let name, declare(gstin, at: ep.key("gstin"), in: &registry) else { continue }
            registry.suppliers.append(Party(gstin: gstin, tradeName: name))
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
