/// Builds a GSTR-2B from the documents of one recipient and supplier period.
///
/// Rules (GSTN, vayana-gstn.md §3.3):
/// - candidates: documents received by the recipient whose supplier return period is the 2B period
///   and whose supplier has filed that return;
/// - IMS accepted or no action (deemed accepted) → `docdata`, `itcavl` Y, tax in `itcsumm.itcavl`;
/// - IMS rejected → `docRejdata`, `itcavl` N, in no ITC table and no `cpsumm` row;
/// - IMS pending → left out (it stays in IMS for a later period);
/// - POS rule (supplier state = POS ≠ recipient state) → never in IMS, so its IMS status is ignored:
///   `docdata` with `itcavl` N, `rsn` P, `imsStatus` N, tax in `itcsumm.itcunavl`.
/// Table/line placement inside a bucket: see `ITCSummary`.
struct GSTR2BBuilder {
    private struct GroupKey: Hashable { var section: GSTR2BSection; var supplier: GSTIN; var rejected: Bool }

    private var groups: [GroupKey: GSTR2BSupplierDocuments] = [:]
    private var itc = ITCSummary()
    private var documentCount = 0
    private var rejectedCount = 0

    static func build(recipient: GSTIN, period: ReturnPeriod, at instant: Int64,
                      documents store: DocumentStore, tradeName: (GSTIN) -> String) -> GSTR2B {
        var b = GSTR2BBuilder()
        var lastKey: GroupKey?
        var lastGroup: GSTR2BSupplierDocuments?
        // Documents arrive in key order, so consecutive ones mostly share a group: keep the current
        // group out of the dictionary until the key changes.
        for i in store.indices(recipient: recipient, period: period) {
            let d = store[i]
            guard d.filing.filed, let entry = b.classify(d) else { continue }
            let key = GroupKey(section: d.section.gstr2b, supplier: d.supplier, rejected: entry.imsStatus == .rejected)
            if key != lastKey {
                if let k = lastKey, let g = lastGroup { b.groups[k] = g }
                lastKey = key
                lastGroup = b.groups.removeValue(forKey: key)
                    ?? GSTR2BSupplierDocuments(supplier: d.supplier, tradeName: tradeName(d.supplier), filedOn: nil,
                                               supplierPeriod: d.filing.period, documents: [])
            }
            lastGroup!.documents.append(entry)
            if let f = d.filing.filedOn, lastGroup!.filedOn.map({ $0 < f }) ?? true { lastGroup!.filedOn = f }
        }
        if let k = lastKey, let g = lastGroup { b.groups[k] = g }
        return b.finish(recipient: recipient, period: period, at: instant)
    }

    /// The 2B verdict for one document; nil when it stays out (pending).
    private mutating func classify(_ d: Document) -> GSTR2BDocument? {
        if d.isIneligibleByPOSRule {
            documentCount += 1
            itc.unavailable.add(d.taxes, at: ITCSummary.placement(section: d.section, reverseCharge: d.reverseCharge))
            return GSTR2BDocument(document: d, itcAvailable: false, unavailableReason: .placeOfSupplyRule, imsStatus: .noAction)
        }
        switch d.ims.status {
        case .pending:
            return nil
        case .rejected:
            rejectedCount += 1
            return GSTR2BDocument(document: d, itcAvailable: false, unavailableReason: nil, imsStatus: .rejected)
        case .accepted, .noAction:
            documentCount += 1
            itc.available.add(d.taxes, at: ITCSummary.placement(section: d.section, reverseCharge: d.reverseCharge))
            return GSTR2BDocument(document: d, itcAvailable: true, unavailableReason: nil, imsStatus: d.ims.status)
        }
    }

    private func finish(recipient: GSTIN, period: ReturnPeriod, at instant: Int64) -> GSTR2B {
        var docdata: [GSTR2BSection: [GSTR2BSupplierDocuments]] = [:]
        var rejected: [GSTR2BSection: [GSTR2BSupplierDocuments]] = [:]
        for (key, group) in groups {
            if key.rejected { rejected[key.section, default: []].append(group) } else { docdata[key.section, default: []].append(group) }
        }
        for s in docdata.keys { docdata[s]!.sort { $0.supplier < $1.supplier } }
        for s in rejected.keys { rejected[s]!.sort { $0.supplier < $1.supplier } }

        var cpsumm: [GSTR2BSection: [GSTR2BSupplierSummary]] = [:]
        for (section, suppliers) in docdata {
            var rows: [GSTR2BSupplierSummary] = []
            for g in suppliers {
                // Invoice sections: one row per supplier; note sections: one per supplier and note type.
                var byType: [NoteType?: GSTR2BSupplierSummary] = [:]
                for doc in g.documents {
                    let t = doc.noteType
                    var row = byType[t] ?? GSTR2BSupplierSummary(
                        supplier: g.supplier, tradeName: g.tradeName, filedOn: g.filedOn, supplierPeriod: g.supplierPeriod,
                        noteType: t, documentCount: 0, taxableValue: .zero, taxes: .zero)
                    row.documentCount += 1
                    row.taxableValue = row.taxableValue + doc.document.taxableValue
                    row.taxes = row.taxes + doc.document.taxes
                    byType[t] = row
                }
                rows += byType.values.sorted { ($0.noteType?.rawValue ?? "") < ($1.noteType?.rawValue ?? "") }
            }
            cpsumm[section] = rows
        }

        var snapshot = GSTR2B(recipient: recipient, period: period, version: "1.0",
                              generatedOn: CivilDate(epochMilliseconds: instant), generatedAt: instant,
                              itcSummary: itc, supplierSummary: cpsumm, documents: docdata, rejectedDocuments: rejected,
                              checksum: "", documentCount: documentCount, rejectedCount: rejectedCount)
        snapshot.checksum = snapshot.computeChecksum()
        return snapshot
    }
}

extension GSTR2B {
    /// SHA-256 of the canonical text of the content: header, then every docdata and docRejdata
    /// document in order with its 2B verdict. Summaries are sums of these documents, so hashing the
    /// documents covers them.
    func computeChecksum() -> String {
        var w = CanonicalWriter()
        w.field(recipient.value); w.field(period.mmyyyy); w.field(version); w.field(generatedOn); w.endRecord()
        for (tag, data) in [("docdata", documents), ("docRejdata", rejectedDocuments)] {
            for section in GSTR2BSection.allCases {
                for group in data[section] ?? [] {
                    w.field(tag); w.field(section.rawValue); w.field(group.supplier.value); w.field(group.tradeName)
                    w.field(group.filedOn); w.field(group.supplierPeriod.mmyyyy); w.endRecord()
                    for doc in group.documents {
                        w.field(doc.imsStatus.rawValue); w.field(doc.itcAvailable ? "Y" : "N")
                        w.field(doc.unavailableReason?.rawValue ?? "")
                        doc.document.writeCanonical(into: &w)
                        w.endRecord()
                    }
                }
            }
        }
        return w.finishHex()
    }
}
