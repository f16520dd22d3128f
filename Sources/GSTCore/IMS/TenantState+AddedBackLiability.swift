/// The IMS supplier view's added-back liabilities: the supplier's records of a period whose rejection by
/// the recipient puts back liability the record had taken off — "invoices that were previously rejected
/// by recipients and have been added back for liability consideration" (Sandbox's page). As GSTN's IMS
/// works, a record takes liability off when it is:
/// - a credit note (`cdnr`), or an amended credit note worth more than the original (`cdnra`);
/// - an amended invoice worth less than the original (`b2ba`; `ecoma` for supplies through an operator).
/// An amendment whose original the world does not hold counts as lowering the liability. Debit notes and
/// upward invoice amendments never do.
public enum AddedBackSection: String, CaseIterable, Hashable, Sendable {
    case cdnr, b2ba, cdnra, ecoma

    var imsSections: [IMSSection] {
        switch self {
        case .cdnr: return [.b2bcn]
        case .b2ba: return [.b2ba]
        case .cdnra: return [.b2bcna]
        case .ecoma: return [.ecoma]
        }
    }
}

extension TenantState {
    /// The supplier's records of `period` in `section` whose rejection added liability back, in
    /// recipient, date and number order; empty when none (IMS0027 at the vendor).
    public func addedBackLiabilities(supplier: GSTIN, period: ReturnPeriod, section: AddedBackSection) -> [Document] {
        gstr1Documents(supplier: supplier, period: period, sections: section.imsSections).filter { d in
            guard d.ims.status == .rejected else { return false }
            switch section {
            case .cdnr: return true
            case .cdnra: return original(of: d, in: .b2bcn).map { d.value > $0.value } ?? true
            case .b2ba: return original(of: d, in: .b2b).map { d.value < $0.value } ?? true
            case .ecoma: return original(of: d, in: .ecom).map { d.value < $0.value } ?? true
            }
        }
    }

    private func original(of amended: Document, in section: IMSSection) -> Document? {
        guard let number = amended.originalNumber else { return nil }
        return documents[DocumentKey(section: section, supplier: amended.supplier, number: number)]
    }
}
