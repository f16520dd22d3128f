import GSTCore
import JSON

/// `changes`: what a saved tenant changed on top of the world the rest of the file builds (an export
/// of a generated world writes its recipe and this, not every document). Applied after generation:
/// `clock` (required), `taxpayers` (replacing those of the same GSTIN), `documents` (upserted by key,
/// each with its live IMS state) and `removed` (keys of built documents the tenant deleted).
extension ScenarioDecoder {
    static let changesKeys = ["clock", "taxpayers", "documents", "removed"]

    mutating func changes(_ value: JSONValue, at path: JSONPath, registry: PartyRegistry) -> WorldChanges? {
        guard let m = object(value, at: path, allowed: ScenarioDecoder.changesKeys, required: ["clock"]) else { return nil }
        let before = issues.count
        let clock = m["clock"].flatMap { self.clock($0.0, at: $0.1) }
        var today: CivilDate?
        if case .fixed(let ms)? = clock { today = CivilDate(epochMilliseconds: ms) }

        // Changed taxpayers are read on their own, then stand in for the declared ones: a document's
        // filing must agree with its supplier's filed periods as they are now.
        var changed = PartyRegistry()
        if let (v, p) = m["taxpayers"] { taxpayers(v, at: p, today: today, into: &changed) }
        for (n, t) in changed.taxpayers.enumerated() where !registry.isTaxpayer(t.gstin) {
            fail(path.key("taxpayers").index(n).key("gstin"), "\(t.gstin.value) is not a taxpayer of the scenario")
        }
        var current = registry
        for t in changed.taxpayers { current.gstr1Filed[t.gstin] = t.gstr1Filed }

        // Generated suppliers are not declared in the file, so a changed document may name any valid
        // GSTIN (one side must still be a taxpayer).
        var documents: [Document] = []
        if let (v, p) = m["documents"] {
            var seen: [DocumentKey: JSONPath] = [:]
            let strict = allowsUndeclaredParties
            allowsUndeclaredParties = true
            documents = self.documents(v, at: p, registry: current, today: today, seen: &seen)
            allowsUndeclaredParties = strict
        }
        var removed: [DocumentKey] = []
        if let (v, p) = m["removed"], let list = array(v, at: p) {
            for (entry, ep) in list { if let key = documentKey(entry, at: ep) { removed.append(key) } }
        }
        guard issues.count == before, let clock else { return nil }
        return WorldChanges(clock: clock, taxpayers: changed.taxpayers, documents: documents, removed: removed)
    }

    /// `{"section": "b2b", "supplier": GSTIN, "number": "INV-1"}`.
    mutating func documentKey(_ value: JSONValue, at path: JSONPath) -> DocumentKey? {
        guard let m = object(value, at: path, allowed: ["section", "supplier", "number"], required: ["section", "supplier", "number"]) else { return nil }
        let section = m["section"].flatMap { oneOf($0.0, at: $0.1, IMSSection.self) }
        let supplier = m["supplier"].flatMap { gstin($0.0, at: $0.1) }
        let number = m["number"].flatMap { documentNumber($0.0, at: $0.1) }
        guard let section, let supplier, let number else { return nil }
        return DocumentKey(section: section, supplier: supplier, number: number)
    }
}
