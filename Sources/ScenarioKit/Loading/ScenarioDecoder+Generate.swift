import GSTCore
import JSON

/// `generate`: one block or an array of blocks, each read into a `GenerateSpec`.
extension ScenarioDecoder {
    static let generateKeys = [
        "seed", "suppliers", "documents_per_supplier", "recipients", "periods", "sections", "status", "forms",
        "inv_typ", "rates", "supplier_states", "items_per_document", "taxable_value", "pending_blocked_percent",
        "filed_percent", "reverse_charge_percent", "cess_percent", "irn_percent", "pos_supplier_state_percent",
    ]

    /// Most documents one scenario may generate: keeps a typo (an extra zero) from eating memory.
    static let maxGeneratedDocuments = 2_000_000

    mutating func generateBlocks(_ value: JSONValue, at path: JSONPath, registry: PartyRegistry, today: CivilDate?) -> [GenerateSpec] {
        let blocks: [(JSONValue, JSONPath)]
        if case .array = value { blocks = array(value, at: path) ?? [] } else { blocks = [(value, path)] }
        var specs: [GenerateSpec] = []
        var total = 0
        for (v, p) in blocks {
            guard let spec = generateSpec(v, at: p, registry: registry, today: today) else { continue }
            total += spec.documentCount
            specs.append(spec)
        }
        if total > ScenarioDecoder.maxGeneratedDocuments {
            fail(path, "generate would create \(total) documents; the limit is \(ScenarioDecoder.maxGeneratedDocuments)")
        }
        return specs
    }

    mutating func generateSpec(_ value: JSONValue, at path: JSONPath, registry: PartyRegistry, today: CivilDate?) -> GenerateSpec? {
        guard let m = object(value, at: path, allowed: ScenarioDecoder.generateKeys,
                             required: ["seed", "suppliers", "documents_per_supplier", "periods"]) else { return nil }
        let before = issues.count
        let seed = m["seed"].flatMap { uint64($0.0, at: $0.1) }
        let perSupplier = m["documents_per_supplier"].flatMap { int($0.0, at: $0.1, in: 1...1_000_000) }

        var suppliers: GenerateSpec.SupplierSource?
        if let (v, p) = m["suppliers"] {
            if case .array = v {
                let list = (array(v, at: p) ?? []).compactMap { party($0.0, at: $0.1, role: "supplier", registry: registry) }
                if list.isEmpty { fail(p, "list at least one supplier GSTIN, or give a number of suppliers to create") }
                suppliers = .existing(list)
            } else {
                suppliers = int(v, at: p, in: 1...100_000).map { .new(count: $0) }
            }
        }

        var recipients = GenerateSpec.RecipientSource.allTaxpayers
        var recipientGSTINs = registry.taxpayers.map(\.gstin)
        if let (v, p) = m["recipients"] {
            switch v {
            case .string("all"), .string("taxpayers"): break
            case .string("suppliers"):
                recipients = .declaredSuppliers
                recipientGSTINs = registry.suppliers.map(\.gstin)
            case .array:
                recipientGSTINs = (array(v, at: p) ?? []).compactMap { party($0.0, at: $0.1, role: "recipient", registry: registry) }
                recipients = .listed(recipientGSTINs)
            default:
                fail(p, "expected \"all\", \"taxpayers\", \"suppliers\" or an array of GSTINs, found \(ScenarioDecoder.show(v))")
            }
        }
        if recipientGSTINs.isEmpty { fail(path.key("recipients"), "there are no recipients: declare taxpayers (or suppliers) first") }
        if case .existing(let list)? = suppliers, !recipientGSTINs.isEmpty {
            for g in list where recipientGSTINs.allSatisfy({ $0 == g }) {
                fail(path.key("recipients"), "supplier \(g.value) has no recipient other than itself")
            }
        }

        // As for hand-written documents: someone who logs in must be on one side of each document.
        switch suppliers {
        case .new?:
            if let outsider = recipientGSTINs.first(where: { !registry.isTaxpayer($0) }) {
                fail(path.key("recipients"), "new suppliers are not taxpayers, so their documents need taxpayer recipients; \(outsider.value) is not one")
            }
        case .existing(let list)?:
            for g in list where !registry.isTaxpayer(g) {
                if let outsider = recipientGSTINs.first(where: { !registry.isTaxpayer($0) && $0 != g }) {
                    fail(path.key("recipients"), "neither supplier \(g.value) nor recipient \(outsider.value) is a taxpayer, so no one would see their documents")
                }
            }
        case nil: break
        }

        var periods: [ReturnPeriod] = []
        if let (v, p) = m["periods"], let list = array(v, at: p) {
            if list.isEmpty { fail(p, "list at least one period") }
            for (pv, pp) in list {
                guard let period = period(pv, at: pp) else { continue }
                if periods.contains(period) { fail(pp, "period \(period) is listed twice"); continue }
                if let today, period.firstDay > today {
                    fail(pp, "period \(period) has not started on the scenario clock (\(today))")
                    continue
                }
                periods.append(period)
            }
        }

        guard issues.count == before, let seed, let perSupplier, let suppliers else { return nil }
        var spec = GenerateSpec(seed: seed, suppliers: suppliers, documentsPerSupplier: perSupplier,
                                recipients: recipients, periods: periods)
        readMixes(m, into: &spec)
        return issues.count == before ? spec : nil
    }

    /// The optional knobs: weight mixes, ranges, percentages.
    private mutating func readMixes(_ m: Members, into spec: inout GenerateSpec) {
        if let (v, p) = m["sections"], let w = weights(v, at: p, what: "section", order: IMSSection.allCases, parse: { IMSSection(rawValue: $0) }) { spec.sections = w }
        if let (v, p) = m["status"], let w = weights(v, at: p, what: "status", order: IMSStatus.allCases, parse: { IMSStatus(rawValue: $0) }) { spec.statuses = w }
        if let (v, p) = m["forms"], let w = weights(v, at: p, what: "form", order: SourceForm.allCases, parse: { SourceForm(rawValue: $0) }) { spec.forms = w }
        if let (v, p) = m["inv_typ"], let w = weights(v, at: p, what: "invoice type", order: InvoiceType.allCases, parse: { InvoiceType(rawValue: $0) }) { spec.invoiceTypes = w }
        if let (v, p) = m["rates"], let w = weights(v, at: p, what: "rate", order: TaxRate.standard, parse: ScenarioDecoder.standardRate) { spec.rates = w }
        let allStates = ((1...38).map { $0 < 10 ? "0\($0)" : "\($0)" } + ["96", "97"]).compactMap(StateCode.init)
        if let (v, p) = m["supplier_states"], let w = weights(v, at: p, what: "state code", order: allStates, parse: { StateCode($0) }) { spec.supplierStates = w }
        if let (v, p) = m["items_per_document"], let r = intRange(v, at: p, in: 1...20) { spec.itemsPerDocument = r }
        if let (v, p) = m["taxable_value"], let r = amountRange(v, at: p) { spec.taxableValue = r }
        let percents: [(String, WritableKeyPath<GenerateSpec, Int>)] = [
            ("pending_blocked_percent", \.pendingBlockedPercent), ("filed_percent", \.filedPercent),
            ("reverse_charge_percent", \.reverseChargePercent), ("cess_percent", \.cessPercent),
            ("irn_percent", \.irnPercent), ("pos_supplier_state_percent", \.posSupplierStatePercent),
        ]
        for (key, kp) in percents { if let (v, p) = m[key], let n = percent(v, at: p) { spec[keyPath: kp] = n } }
    }

    static func standardRate(_ text: String) -> TaxRate? {
        guard let a = Amount(decimalText: text), a.paise < 100_000 else { return nil }
        let r = TaxRate(hundredths: Int(a.paise))
        return TaxRate.standard.contains(r) ? r : nil
    }

    /// A mix: either an array of values (equal weights) or an object value → integer weight.
    /// Entries come out in `order`, never in the file's or a dictionary's order, so a draw maps
    /// to the same value on every run.
    mutating func weights<T: Hashable & Sendable>(_ value: JSONValue, at path: JSONPath, what: String, order: [T],
                                                   parse: (String) -> T?) -> Weights<T>? {
        var found: [T: Int] = [:]
        let before = issues.count
        func bad(_ key: String) -> String { "\"\(key)\" is not a \(what)" }
        switch value {
        case .array(let elements):
            for (i, e) in elements.enumerated() {
                let p = path.index(i)
                guard case .string(let s) = e, let t = parse(s) else { fail(p, bad(ScenarioDecoder.show(e).trimmingQuotes)); continue }
                if found[t] != nil { fail(p, "\(s) is listed twice") }
                found[t] = 1
            }
        case .object(let members):
            for key in JSONWriter.sortedKeys(members) {
                let p = path.key(key)
                guard let t = parse(key) else { fail(p, bad(key)); continue }
                if let w = int(members[key]!, at: p, in: 0...1_000_000) { found[t] = w }
            }
        default:
            fail(path, "expected an array of \(what)s or an object of \(what) → weight, found \(value.typeName)")
        }
        guard issues.count == before else { return nil }
        let entries = order.compactMap { t in found[t].map { Weights.Entry(t, $0) } }
        guard entries.contains(where: { $0.weight > 0 }) else {
            fail(path, "give at least one \(what) a weight above zero")
            return nil
        }
        return Weights(entries)
    }

    mutating func intRange(_ value: JSONValue, at path: JSONPath, in bounds: ClosedRange<Int>) -> ClosedRange<Int>? {
        guard let m = object(value, at: path, allowed: ["min", "max"], required: ["min", "max"]),
              let lo = m["min"].flatMap({ int($0.0, at: $0.1, in: bounds) }),
              let hi = m["max"].flatMap({ int($0.0, at: $0.1, in: bounds) }) else { return nil }
        guard lo <= hi else { fail(path, "min \(lo) is above max \(hi)"); return nil }
        return lo...hi
    }

    mutating func amountRange(_ value: JSONValue, at path: JSONPath) -> ClosedRange<Amount>? {
        guard let m = object(value, at: path, allowed: ["min", "max"], required: ["min", "max"]),
              let lo = m["min"].flatMap({ amount($0.0, at: $0.1) }),
              let hi = m["max"].flatMap({ amount($0.0, at: $0.1) }) else { return nil }
        guard lo <= hi else { fail(path, "min \(lo) is above max \(hi)"); return nil }
        return lo...hi
    }
}

private extension String {
    var trimmingQuotes: String { hasPrefix("\"") && hasSuffix("\"") && count >= 2 ? String(dropFirst().dropLast()) : self }
}
