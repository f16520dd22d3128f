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
    private struct Group {
        var value: GSTR2BSupplierDocuments
        /// cpsumm rows of this supplier, by note type (nil for invoice sections).
        var rows: [GSTR2BSupplierSummary] = []
    }

    static func build(recipient: GSTIN, period: ReturnPeriod, at instant: Int64,
                      documents store: DocumentStore, tradeName: (GSTIN) -> String) -> GSTR2B {
        let contents = store.contents
        var groups: [GroupKey: Group] = [:]
        var itc = ITCSummary()
        var documentCount = 0, rejectedCount = 0
        var currentKey: GroupKey?
        var current: Group?
        let recipientState = recipient.stateCode

        // Documents arrive in key order, so consecutive ones mostly share a group: keep the current
        // group out of the dictionary until the key changes.
        for i in store.indices(recipient: recipient, period: period) {
            let d = contents[i]
            guard d.filing.filed else { continue }
            let status = store.imsStates[i].status
            let posRule = d.supplier.value.utf8.prefix(2).elementsEqual(d.placeOfSupply.value.utf8) && d.placeOfSupply != recipientState
            let totals = store.totals[i]
            let entry: GSTR2BDocument
            if posRule {
                documentCount += 1
                itc.unavailable.add(totals.taxes, at: ITCSummary.placement(section: d.section, reverseCharge: d.reverseCharge))
                entry = GSTR2BDocument(source: contents, index: i, itcAvailable: false, unavailableReason: .placeOfSupplyRule, imsStatus: .noAction)
            } else {
                switch status {
                case .pending: continue
                case .rejected:
                    rejectedCount += 1
                    entry = GSTR2BDocument(source: contents, index: i, itcAvailable: false, unavailableReason: nil, imsStatus: .rejected)
                case .accepted, .noAction:
                    documentCount += 1
                    itc.available.add(totals.taxes, at: ITCSummary.placement(section: d.section, reverseCharge: d.reverseCharge))
                    entry = GSTR2BDocument(source: contents, index: i, itcAvailable: true, unavailableReason: nil, imsStatus: status)
                }
            }
            let key = GroupKey(section: d.section.gstr2b, supplier: d.supplier, rejected: entry.imsStatus == .rejected)
            if key != currentKey {
                if let k = currentKey, let g = current { groups[k] = g }
                currentKey = key
                current = groups.removeValue(forKey: key) ?? Group(value: GSTR2BSupplierDocuments(
                    supplier: d.supplier, tradeName: tradeName(d.supplier), filedOn: nil, supplierPeriod: d.filing.period, documents: []))
            }
            current!.value.documents.append(entry)
            if let f = d.filing.filedOn, current!.value.filedOn.map({ $0 < f }) ?? true { current!.value.filedOn = f }
            if !key.rejected {
                // cpsumm: invoice sections one row per supplier, note sections one per note type.
                let t = d.section.noteType
                if let r = current!.rows.firstIndex(where: { $0.noteType == t }) {
                    current!.rows[r].documentCount += 1
                    current!.rows[r].taxableValue = current!.rows[r].taxableValue + totals.taxableValue
                    current!.rows[r].taxes = current!.rows[r].taxes + totals.taxes
                } else {
                    current!.rows.append(GSTR2BSupplierSummary(
                        supplier: d.supplier, tradeName: current!.value.tradeName, filedOn: nil, supplierPeriod: d.filing.period,
                        noteType: t, documentCount: 1, taxableValue: totals.taxableValue, taxes: totals.taxes))
                }
            }
        }
        if let k = currentKey, let g = current { groups[k] = g }

        var docdata: [GSTR2BSection: [GSTR2BSupplierDocuments]] = [:]
        var rejected: [GSTR2BSection: [GSTR2BSupplierDocuments]] = [:]
        var cpsumm: [GSTR2BSection: [GSTR2BSupplierSummary]] = [:]
        for (key, group) in groups.sorted(by: { $0.key.supplier < $1.key.supplier }) {
            if key.rejected {
                rejected[key.section, default: []].append(group.value)
            } else {
                docdata[key.section, default: []].append(group.value)
                let rows = group.rows.map { row -> GSTR2BSupplierSummary in
                    var r = row
                    r.filedOn = group.value.filedOn
                    return r
                }.sorted { ($0.noteType?.rawValue ?? "") < ($1.noteType?.rawValue ?? "") }
                cpsumm[key.section, default: []] += rows
            }
        }

        var snapshot = GSTR2B(recipient: recipient, period: period, version: "1.0",
                              generatedOn: CivilDate(epochMilliseconds: instant), generatedAt: instant,
                              itcSummary: itc, supplierSummary: cpsumm, documents: docdata, rejectedDocuments: rejected,
                              checksum: "", documentCount: documentCount, rejectedCount: rejectedCount)
        snapshot.checksum = snapshot.computeChecksum(digests: store.digests)
        return snapshot
    }
}

extension GSTR2B {
    /// SHA-256 of the canonical text of the content: a header, then for every docdata and docRejdata
    /// supplier group its fields and, per document, the document's own SHA-256 (of its reported
    /// fields, cached in the store) with the 2B verdict. Summaries are sums of these documents, so
    /// hashing the documents covers them.
    func computeChecksum(digests: [DocumentDigest]) -> String {
        var w = CanonicalWriter()
        w.field(recipient.value); w.field(period.mmyyyy); w.field(version); w.field(generatedOn); w.endRecord()
        for (tag, data) in [("docdata", documents), ("docRejdata", rejectedDocuments)] {
            for section in GSTR2BSection.allCases {
                for group in data[section] ?? [] {
                    w.field(tag); w.field(section.rawValue); w.field(group.supplier.value); w.field(group.tradeName)
                    w.field(group.filedOn); w.field(group.supplierPeriod.mmyyyy); w.endRecord()
                    for doc in group.documents {
                        w.raw(digests[Int(doc.index)])
                        w.field(doc.imsStatus.rawValue + (doc.itcAvailable ? "Y" : "N") + (doc.unavailableReason?.rawValue ?? ""))
                    }
                    w.endRecord()
                }
            }
        }
        return w.finishHex()
    }
}
