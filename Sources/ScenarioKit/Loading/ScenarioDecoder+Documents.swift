import GSTCore
import JSON

/// Hand-written documents: `documents.{b2b,b2ba,b2bdn,b2bdna,b2bcn,b2bcna,ecom,ecoma}[…]`.
extension ScenarioDecoder {
    static let documentKeys = [
        "supplier", "recipient", "number", "date", "original_number", "original_date", "inv_typ", "pos",
        "reverse_charge", "items", "filing", "ims", "irn", "irn_date",
    ]

    mutating func documents(_ value: JSONValue, at path: JSONPath, registry: PartyRegistry, today: CivilDate?,
                            seen: inout [DocumentKey: JSONPath]) -> [Document] {
        guard let m = object(value, at: path, allowed: IMSSection.allCases.map(\.rawValue)) else { return [] }
        var out: [Document] = []
        for section in IMSSection.allCases {
            guard let (v, p) = m[section.rawValue], let list = array(v, at: p) else { continue }
            for (entry, ep) in list {
                guard let doc = document(entry, at: ep, section: section, registry: registry, today: today) else { continue }
                if let earlier = seen[doc.key] {
                    fail(ep.key("number"), "duplicate document: \(section.rawValue) \(doc.supplier.value) \(doc.number) is already declared at \(earlier)")
                    continue
                }
                seen[doc.key] = ep
                out.append(doc)
            }
        }
        return out
    }

    mutating func document(_ value: JSONValue, at path: JSONPath, section: IMSSection,
                           registry: PartyRegistry, today: CivilDate?) -> Document? {
        let required = ["supplier", "recipient", "number", "date", "items"]
            + (section.isAmendment ? ["original_number", "original_date"] : [])
        guard let m = object(value, at: path, allowed: ScenarioDecoder.documentKeys, required: required) else { return nil }
        let errorsBefore = issues.count

        let supplier = m["supplier"].flatMap { party($0.0, at: $0.1, role: "supplier", registry: registry) }
        let recipient = m["recipient"].flatMap { party($0.0, at: $0.1, role: "recipient", registry: registry) }
        if let supplier, let recipient {
            if supplier == recipient {
                fail(path.key("recipient"), "supplier and recipient are the same GSTIN \(supplier.value)")
            } else if !registry.isTaxpayer(supplier) && !registry.isTaxpayer(recipient) {
                fail(path, "neither supplier \(supplier.value) nor recipient \(recipient.value) is a taxpayer, so no one would see this document")
            }
        }
        let number = m["number"].flatMap { documentNumber($0.0, at: $0.1) }
        let date = m["date"].flatMap { self.date($0.0, at: $0.1) }
        // Clock-relative checks warn rather than refuse: a tenant whose clock was set back holds such
        // a world, and whatever the server holds must export and load again.
        if let date, let today, date > today {
            warn(path.key("date"), "date \(date) is after the scenario clock (\(today))")
        }

        var originalNumber: String?, originalDate: CivilDate?
        for key in ["original_number", "original_date"] where !section.isAmendment && m.has(key) {
            fail(path.key(key), "\(key) belongs only to amendment sections (b2ba, b2bdna, b2bcna, ecoma), not \(section.rawValue)")
        }
        if section.isAmendment {
            originalNumber = m["original_number"].flatMap { documentNumber($0.0, at: $0.1) }
            originalDate = m["original_date"].flatMap { self.date($0.0, at: $0.1) }
            if let originalDate, let date, originalDate > date {
                fail(path.key("original_date"), "original date \(originalDate) is after the amended document's date \(date)")
            }
        }

        let isECO = section == .ecom || section == .ecoma
        var invoiceType = InvoiceType.regular
        if let (v, p) = m["inv_typ"] {
            if isECO { fail(p, "inv_typ is not part of \(section.rawValue) records (e-commerce documents have no invoice type)") }
            else if let t = oneOf(v, at: p, InvoiceType.self) { invoiceType = t }
        }
        var pos = recipient?.stateCode
        if let (v, p) = m["pos"] { pos = stateCode(v, at: p) }
        let reverseCharge = m["reverse_charge"].flatMap { bool($0.0, at: $0.1) } ?? false

        // Items are read even when the supplier or POS is wrong, so their problems show too.
        var items: [LineItem]?
        if let (v, p) = m["items"] {
            let interState = invoiceType == .sezWithPayment || (supplier.map { $0.stateCode != pos } ?? false)
            items = lineItems(v, at: p, interState: interState, zeroTax: invoiceType == .sezWithoutPayment)
        }

        let filing = filing(m["filing"], at: path.key("filing"), date: date, today: today)
        if let supplier, let filing, filing.form == .gstr1, let filedPeriods = registry.gstr1Filed[supplier],
           filedPeriods.contains(filing.period) != filing.filed {
            fail(path.key("filing").key("filed"), filing.filed
                 ? "supplier \(supplier.value) is a taxpayer whose GSTR-1 for \(filing.period) is not in its gstr1_filed list, so this document cannot be filed"
                 : "supplier \(supplier.value) is a taxpayer whose GSTR-1 for \(filing.period) is filed (gstr1_filed), so this document is filed too; set filed: true")
        }
        let ims = imsState(m["ims"], at: path.key("ims"))

        var irn: String?, irnDate: CivilDate?
        if let (v, p) = m["irn"], let s = string(v, at: p) {
            if s.utf8.count == 64, s.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }) {
                irn = s
            } else {
                fail(p, "expected an IRN of 64 hexadecimal characters, found \"\(s)\"")
            }
        }
        if let (v, p) = m["irn_date"] {
            if !m.has("irn") { fail(p, "irn_date needs an irn") }
            irnDate = self.date(v, at: p)
        }

        guard issues.count == errorsBefore, let supplier, let recipient, let number, let date, let pos, let items,
              let filing, let ims else { return nil }
        return Document(key: DocumentKey(section: section, supplier: supplier, number: number), recipient: recipient,
                        date: date, originalNumber: originalNumber, originalDate: originalDate, invoiceType: invoiceType,
                        placeOfSupply: pos, reverseCharge: reverseCharge, items: items, filing: filing, ims: ims,
                        irn: irn, irnDate: irn == nil ? nil : (irnDate ?? date))
    }

    /// A GSTIN that must be declared in `taxpayers` or `suppliers`.
    mutating func party(_ value: JSONValue, at path: JSONPath, role: String, registry: PartyRegistry) -> GSTIN? {
        guard let g = gstin(value, at: path) else { return nil }
        guard registry.isKnown(g) || allowsUndeclaredParties else {
            fail(path, "unknown \(role) \(g.value): declare it in $.suppliers or $.taxpayers")
            return nil
        }
        return g
    }

    /// GSTN's `inum` rule: 1–16 of `A–Z a–z 0–9 / -`, not only zeros, slashes and dashes.
    mutating func documentNumber(_ value: JSONValue, at path: JSONPath) -> String? {
        guard let s = string(value, at: path) else { return nil }
        let u = s.utf8
        let allowed = u.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 47 || $0 == 45 }
        let significant = u.contains { ($0 >= 49 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
        guard (1...16).contains(u.count), allowed, significant else {
            fail(path, "\"\(s)\" is not a valid document number: 1–16 characters of A–Z, a–z, 0–9, / and -, not only zeros")
            return nil
        }
        return s
    }
}
