import GSTCore
import JSON

/// A `generate` block as the scenario format spells it, so the loader reads back the same
/// `GenerateSpec` (and so generates the same documents).
extension GenerateSpec {
    /// Knobs left at their defaults are left out. That is also what keeps a mix's entries in the
    /// order the generator draws them in: the loader orders a file's mix canonically, while a default
    /// mix has its own order, so writing a default out would change what the same seed draws.
    public var json: JSONValue {
        let defaults = GenerateSpec(seed: seed, suppliers: suppliers, documentsPerSupplier: documentsPerSupplier, periods: periods)
        var o: [String: JSONValue] = [
            "seed": .number(JSONNumber(seed)),
            "documents_per_supplier": int(documentsPerSupplier),
            "periods": .array(periods.map { .string($0.mmyyyy) }),
        ]
        func put<T: Equatable>(_ key: String, _ path: KeyPath<GenerateSpec, T>, _ value: (T) -> JSONValue) {
            if self[keyPath: path] != defaults[keyPath: path] { o[key] = value(self[keyPath: path]) }
        }
        put("sections", \.sections) { Self.weights($0) { $0.rawValue } }
        put("status", \.statuses) { Self.weights($0) { $0.rawValue } }
        put("forms", \.forms) { Self.weights($0) { $0.rawValue } }
        put("inv_typ", \.invoiceTypes) { Self.weights($0) { $0.rawValue } }
        put("rates", \.rates) { Self.weights($0) { $0.description } }
        put("supplier_states", \.supplierStates) { Self.weights($0) { $0.value } }
        put("items_per_document", \.itemsPerDocument) { .object(["min": int($0.lowerBound), "max": int($0.upperBound)]) }
        put("taxable_value", \.taxableValue) { .object(["min": .number(JSONNumber($0.lowerBound)), "max": .number(JSONNumber($0.upperBound))]) }
        let percents: [(String, KeyPath<GenerateSpec, Int>)] = [
            ("pending_blocked_percent", \.pendingBlockedPercent), ("filed_percent", \.filedPercent),
            ("reverse_charge_percent", \.reverseChargePercent), ("cess_percent", \.cessPercent),
            ("irn_percent", \.irnPercent), ("pos_supplier_state_percent", \.posSupplierStatePercent),
        ]
        for (key, path) in percents { put(key, path) { int($0) } }
        switch suppliers {
        case .new(let count): o["suppliers"] = int(count)
        case .existing(let list): o["suppliers"] = .array(list.map { .string($0.value) })
        }
        switch recipients {
        case .allTaxpayers: o["recipients"] = .string("taxpayers")
        case .declaredSuppliers: o["recipients"] = .string("suppliers")
        case .listed(let list): o["recipients"] = .array(list.map { .string($0.value) })
        }
        return .object(o)
    }

    private func int(_ n: Int) -> JSONValue { .number(JSONNumber(n)) }

    /// `{"value": weight}`; a weight of zero is kept (it is how a file switches a default off).
    private static func weights<T>(_ w: Weights<T>, _ name: (T) -> String) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for e in w.entries { o[name(e.value)] = .number(JSONNumber(e.weight)) }
        return .object(o)
    }
}
