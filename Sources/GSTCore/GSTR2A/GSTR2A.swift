/// The GSTR-2A sections the world holds documents for. Unlike GSTR-2B, GSTR-2A is live: it shows what
/// suppliers reported for the recipient and period right now, whether or not they have filed.
///
/// Notes of both kinds share `cdn` / `cdna` (the note type tells them apart); supplies through an
/// e-commerce operator are `ecom` / `ecoma`. ISD, import and TDS/TCS documents do not exist in the
/// world at all (the adapters answer their documented "no document" codes for those sections).
public enum GSTR2ASection: String, CaseIterable, Hashable, Sendable {
    case b2b, b2ba, cdn, cdna, ecom, ecoma

    /// The IMS sections whose documents land in this GSTR-2A section.
    public var imsSections: [IMSSection] {
        switch self {
        case .b2b: return [.b2b]
        case .b2ba: return [.b2ba]
        case .cdn: return [.b2bdn, .b2bcn]
        case .cdna: return [.b2bdna, .b2bcna]
        case .ecom: return [.ecom]
        case .ecoma: return [.ecoma]
        }
    }

    public var isAmendment: Bool { self == .b2ba || self == .cdna || self == .ecoma }
    /// Supplies through an e-commerce operator (their records carry no e-invoice fields: `ecom.json`).
    public var isECOM: Bool { self == .ecom || self == .ecoma }
    public var isNote: Bool { self == .cdn || self == .cdna }

    /// The GSTR-2A section a document of `section` appears in.
    public init?(_ section: IMSSection) {
        switch section {
        case .b2b: self = .b2b
        case .b2ba: self = .b2ba
        case .b2bdn, .b2bcn: self = .cdn
        case .b2bdna, .b2bcna: self = .cdna
        case .ecom: self = .ecom
        case .ecoma: self = .ecoma
        }
    }
}

/// One supplier's documents in one GSTR-2A section, with the supplier's filing facts.
public struct GSTR2ASupplier: Hashable, Sendable {
    public var supplier: GSTIN
    /// `cfs`: every listed document's return has been filed by the supplier.
    public var filed: Bool
    /// `fldtr1`: the latest filing date among the listed documents; nil while nothing is filed.
    public var filedOn: CivilDate?
    /// `flprdr1`: the supplier's return period (the 2A period).
    public var period: ReturnPeriod
    /// `cfs3b`: the supplier (when it is a taxpayer of this world) filed GSTR-3B for the period.
    public var gstr3bFiled: Bool
    /// In number order, with their live IMS state.
    public var documents: [Document]
}

extension TenantState {
    /// The recipient's GSTR-2A section for `period`: every document suppliers reported for that period
    /// (filed or only saved), grouped by supplier in GSTIN order. Documents removed from IMS by a GSTR-3B
    /// filing still show (GSTR-2A is the suppliers' side). Empty when nothing matches.
    public func gstr2a(recipient: GSTIN, period: ReturnPeriod, section: GSTR2ASection) -> [GSTR2ASupplier] {
        var bySupplier: [GSTIN: [Document]] = [:]
        for i in documents.indices(recipient: recipient, period: period) {
            let d = documents[i]
            guard GSTR2ASection(d.section) == section else { continue }
            bySupplier[d.supplier, default: []].append(d)
        }
        return bySupplier.keys.sorted().map { supplier in
            let docs = bySupplier[supplier]!.sorted { ($0.number, $0.section) < ($1.number, $1.section) }
            let filed = docs.allSatisfy(\.filing.filed)
            let filedOn = docs.compactMap(\.filing.filedOn).max()
            return GSTR2ASupplier(supplier: supplier, filed: filed, filedOn: filed ? filedOn : nil, period: period,
                                  gstr3bFiled: isGSTR3BFiled(gstin: supplier, period: period), documents: docs)
        }
    }

    /// Every modelled section of the recipient's GSTR-2A for `period`, empty sections left out.
    public func gstr2a(recipient: GSTIN, period: ReturnPeriod) -> [(section: GSTR2ASection, suppliers: [GSTR2ASupplier])] {
        GSTR2ASection.allCases.compactMap { s in
            let groups = gstr2a(recipient: recipient, period: period, section: s)
            return groups.isEmpty ? nil : (s, groups)
        }
    }
}

extension TenantState {
    /// A supplier filed its return for `period` on `date`: its saved documents of that period become
    /// filed (GSTR-2A `cfs` Y, IMS `srcfilstatus` Filed, the next GSTR-2B includes them), keeping each
    /// document's IMS state; a supplier that is a taxpayer of this world gets the period in `gstr1Filed`.
    /// Returns how many documents changed. (GSTR-1 filing through a vendor route can call this.)
    @discardableResult
    public mutating func recordSupplierFiling(supplier: GSTIN, period: ReturnPeriod, on date: CivilDate) -> Int {
        settleJobs()
        var changed = 0
        for d in documents.issued(by: supplier) where d.filing.period == period && !d.filing.filed {
            var filed = d
            filed.filing.filed = true
            filed.filing.filedOn = date
            documents.upsert(filed)
            changed += 1
        }
        taxpayers[supplier]?.gstr1Filed.insert(period)
        record("supplier \(supplier.value) filed \(period.mmyyyy): \(changed) documents now filed")
        return changed
    }
}
