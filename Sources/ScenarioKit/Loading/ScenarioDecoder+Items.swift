import GSTCore
import JSON

/// The parts of a hand-written document: items, the supplier's filing, the recipient's IMS state.
extension ScenarioDecoder {
    /// Items with tax computed from rate and taxable value (`LineItem.computed`), unless the item
    /// spells out `igst`/`cgst`/`sgst` — then those are taken verbatim (heads not given are 0),
    /// so a scenario can reproduce a document exactly as GSTN holds it.
    mutating func lineItems(_ value: JSONValue, at path: JSONPath, interState: Bool, zeroTax: Bool) -> [LineItem]? {
        guard let list = array(value, at: path) else { return nil }
        guard !list.isEmpty else { fail(path, "a document needs at least one item"); return nil }
        guard list.count <= 100 else { fail(path, "at most 100 items per document, found \(list.count)"); return nil }
        var items: [LineItem] = []
        var ok = true
        var rateAt: [TaxRate: JSONPath] = [:]
        let keys = ["rate", "taxable_value", "cess", "igst", "cgst", "sgst"]
        for (entry, ep) in list {
            guard let m = object(entry, at: ep, allowed: keys, required: ["rate", "taxable_value"]) else { ok = false; continue }
            let rate = m["rate"].flatMap { self.rate($0.0, at: $0.1) }
            let taxable = m["taxable_value"].flatMap { amount($0.0, at: $0.1) }
            let cess = m["cess"].map { amount($0.0, at: $0.1) } ?? .zero
            var explicit: [String: Amount?] = [:]
            for head in ["igst", "cgst", "sgst"] { if let (v, p) = m[head] { explicit[head] = amount(v, at: p) } }
            guard let rate, let taxable, let cess, !explicit.values.contains(where: { $0 == nil }) else { ok = false; continue }
            if let earlier = rateAt[rate] {
                fail(ep.key("rate"), "rate \(rate) already has a line at \(earlier); GSTN keeps one line per rate")
                ok = false
                continue
            }
            rateAt[rate] = ep.key("rate")
            let number = items.count + 1
            if !explicit.isEmpty {
                items.append(LineItem(number: number, rate: rate, taxableValue: taxable,
                                      igst: explicit["igst"].flatMap { $0 } ?? .zero,
                                      cgst: explicit["cgst"].flatMap { $0 } ?? .zero,
                                      sgst: explicit["sgst"].flatMap { $0 } ?? .zero, cess: cess))
            } else if zeroTax {
                items.append(LineItem(number: number, rate: rate, taxableValue: taxable, igst: .zero, cgst: .zero, sgst: .zero, cess: cess))
            } else {
                items.append(.computed(number: number, rate: rate, taxableValue: taxable, interState: interState, cess: cess))
            }
        }
        return ok ? items : nil
    }

    /// `{form, period, filed, filed_on}`; every field optional. The period defaults to the one
    /// containing the document's date; `filed` defaults to whether `filed_on` is given.
    mutating func filing(_ field: (JSONValue, JSONPath)?, at path: JSONPath, date: CivilDate?, today: CivilDate?) -> SupplierFiling? {
        var form = SourceForm.gstr1, period = date.map(ReturnPeriod.init(containing:)), filed: Bool?, filedOn: CivilDate?
        let before = issues.count
        if let (value, p) = field {
            guard let m = object(value, at: p, allowed: ["form", "period", "filed", "filed_on"]) else { return nil }
            if let (v, fp) = m["form"], let f = oneOf(v, at: fp, SourceForm.self) { form = f }
            if let (v, fp) = m["period"] { period = self.period(v, at: fp) }
            if let (v, fp) = m["filed"] { filed = bool(v, at: fp) }
            if let (v, fp) = m["filed_on"] { filedOn = self.date(v, at: fp) }
        }
        guard issues.count == before, let period else { return nil }
        // A period taken from the date must be one MMYYYY can name, or the tenant's export (which
        // writes it) would not load again: "22-04-1025" loaded, its "041025" did not.
        guard period.isNameable else {
            fail(path.key("period"), "the document's date \(date.map(\.description) ?? "") is in no return period 011900–122099")
            return nil
        }
        if let date, period < ReturnPeriod(containing: date) {
            fail(path.key("period"), "filing period \(period) is before the document's date \(date)")
        }
        // Clock-relative: a warning (see the document date's check).
        if let today, period.firstDay > today {
            warn(path.key("period"), "filing period \(period) has not started on the scenario clock (\(today))")
        }
        let isFiled = filed ?? (filedOn != nil)
        if !isFiled, filedOn != nil { fail(path.key("filed_on"), "filed_on is given but filed is false") }
        if isFiled {
            if let on = filedOn {
                if on <= period.lastDay { fail(path.key("filed_on"), "filed on \(on), before period \(period) ended; a return is filed after its period") }
                if let today, on > today { warn(path.key("filed_on"), "filed on \(on), after the scenario clock (\(today))") }
            } else {
                // The GSTR-1 due date (11th of the next month), or today if that is still ahead.
                let due = CivilDate(year: period.next.year, month: period.next.month, day: 11)!
                if let today, today <= period.lastDay {
                    warn(path.key("filed"), "period \(period) has not ended on the scenario clock (\(today)); filed on its due date \(due)")
                    filedOn = due
                } else {
                    filedOn = today.map { min(due, $0) } ?? due
                }
            }
        }
        guard issues.count == before else { return nil }
        return SupplierFiling(form: form, period: period, filed: isFiled, filedOn: isFiled ? filedOn : nil)
    }

    /// `{status, pending_blocked, remarks}`; every field optional (status N, not blocked).
    mutating func imsState(_ field: (JSONValue, JSONPath)?, at path: JSONPath) -> IMSRecordState? {
        guard let (value, p) = field else { return IMSRecordState() }
        guard let m = object(value, at: p, allowed: ["status", "pending_blocked", "remarks", "removed_from_ims"]) else { return nil }
        let before = issues.count
        var state = IMSRecordState()
        if let (v, sp) = m["status"], let s = oneOf(v, at: sp, IMSStatus.self) { state.status = s }
        if let (v, bp) = m["pending_blocked"], let b = bool(v, at: bp) { state.pendingActionBlocked = b }
        if let (v, rp) = m["removed_from_ims"], let b = bool(v, at: rp) { state.removedFromIMS = b }
        if let (v, rp) = m["remarks"], let r = string(v, at: rp) {
            if r.count > IMSRecordState.maximumRemarksLength {
                fail(rp, "remarks are limited to \(IMSRecordState.maximumRemarksLength) characters, found \(r.count)")
            }
            state.remarks = r
        }
        if state.status == .pending && state.pendingActionBlocked {
            fail(p.key("status"), "status P (pending) is not possible on a record whose pending action is blocked (pending_blocked: true)")
        }
        return issues.count == before ? state : nil
    }
}
