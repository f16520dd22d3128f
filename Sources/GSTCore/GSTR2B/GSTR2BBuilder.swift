import Dispatch

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
///
/// Speed: it reads only the store's compact per-document columns (meta, IMS state, cached totals and
/// digests) and refers to documents by position, never copying one. A large 2B is built in shares
/// of consecutive positions, one per thread, merged in position order: the result is the one a
/// single pass gives (a group's documents keep their order; sums are sums).
struct GSTR2BBuilder {
    /// Below this many candidate documents one thread builds it all: starting threads would cost more.
    static let parallelThreshold = 50_000
    /// Shares of a parallel build: a few more than the cores of the machines it runs on, so a share
    /// delayed by another process does not hold the build up.
    static let parallelShares = 8

    /// (2B section, supplier id, rejected) packed in an Int: cheap to hash and compare.
    private static func groupKey(_ section: GSTR2BSection, _ supplier: Int32, _ rejected: Bool) -> Int {
        (Int(supplier) << 4) | (section.ordinal << 1) | (rejected ? 1 : 0)
    }

    private struct Group {
        var section: GSTR2BSection
        var rejected: Bool
        var value: GSTR2BSupplierDocuments
        /// cpsumm rows of this supplier, one per note type (a single nil-typed row for invoices).
        var rows: [GSTR2BSupplierSummary] = []

        mutating func count(_ noteType: NoteType?, taxableValue: Amount, taxes: TaxTotals, documents: Int = 1) {
            if let r = rows.firstIndex(where: { $0.noteType == noteType }) {
                rows[r].documentCount += documents
                rows[r].taxableValue += taxableValue
                rows[r].taxes += taxes
            } else {
                rows.append(GSTR2BSupplierSummary(
                    supplier: value.supplier, tradeName: value.tradeName, filedOn: nil, supplierPeriod: value.supplierPeriod,
                    noteType: noteType, documentCount: documents, taxableValue: taxableValue, taxes: taxes))
            }
        }

        /// Appends a later share's documents and sums of the same group.
        mutating func absorb(_ later: Group) {
            value.entries += later.value.entries
            if let f = later.value.filedOn, value.filedOn.map({ $0 < f }) ?? true { value.filedOn = f }
            for row in later.rows { count(row.noteType, taxableValue: row.taxableValue, taxes: row.taxes, documents: row.documentCount) }
        }
    }

    /// What one share of the candidate positions contributes.
    private struct Share {
        var groups: [Int: Int] = [:]          // group key → position in `list`
        var list: [Group] = []
        var itc = ITCSummary()
        var documentCount = 0, rejectedCount = 0

        mutating func add(_ positions: Positions.SubSequence, of store: DocumentStore, period: ReturnPeriod,
                          captured: CapturedDocuments) {
            let contents = store.contents, meta = store.meta, ims = store.imsStates
            var lastKey = -1, last = -1
            for i in positions {
                let m = meta[i]
                guard m.filed else { continue }
                // `base[i].items` reads the items in place; `contents[i]` would copy the whole
                // document first (a GSTR-2B over a million documents felt its retains).
                let totals = DocumentTotals(contents.isBase(i) ? contents.base[i].items : contents[i].items)
                let status: IMSStatus
                let itcAvailable: Bool
                if m.posRule {
                    status = .noAction; itcAvailable = false
                    documentCount += 1
                    itc.unavailable.add(totals.taxes, taxableValue: totals.taxableValue, at: ITCSummary.placement(section: m.section, reverseCharge: m.reverseCharge))
                } else {
                    status = ims.status(at: i)
                    switch status {
                    case .pending: continue
                    case .rejected: rejectedCount += 1; itcAvailable = false
                    case .accepted, .noAction:
                        documentCount += 1; itcAvailable = true
                        itc.available.add(totals.taxes, taxableValue: totals.taxableValue, at: ITCSummary.placement(section: m.section, reverseCharge: m.reverseCharge))
                    }
                }
                let rejected = status == .rejected
                let section = m.section.gstr2b
                let key = groupKey(section, m.supplier, rejected)
                if key != lastKey {
                    if let g = groups[key] { last = g } else {
                        last = list.count
                        groups[key] = last
                        // The trade name is filled in once the shares are merged (its lookup is not thread-safe).
                        list.append(Group(section: section, rejected: rejected, value: GSTR2BSupplierDocuments(
                            supplier: store.suppliers[Int(m.supplier)], tradeName: "", filedOn: nil, supplierPeriod: period,
                            source: captured, entries: [])))
                    }
                    lastKey = key
                }
                list[last].value.entries.append(GSTR2BEntry(
                    index: Int32(truncatingIfNeeded: i), itcAvailable: itcAvailable,
                    unavailableReason: m.posRule ? .placeOfSupplyRule : nil, imsStatus: status))
                if let f = m.filedOn, list[last].value.filedOn.map({ $0 < f }) ?? true { list[last].value.filedOn = f }
                guard !rejected else { continue }
                list[last].count(m.section.noteType, taxableValue: totals.taxableValue, taxes: totals.taxes)
            }
        }

        /// Appends the share of the positions that follow this one's.
        mutating func absorb(_ later: Share) {
            itc.available.add(later.itc.available)
            itc.unavailable.add(later.itc.unavailable)
            documentCount += later.documentCount
            rejectedCount += later.rejectedCount
            for (key, position) in later.groups {
                if let mine = groups[key] {
                    list[mine].absorb(later.list[position])
                } else {
                    groups[key] = list.count
                    list.append(later.list[position])
                }
            }
        }
    }

    /// - Parameter shares: how many shares to build in parallel (default: one below
    ///   `parallelThreshold` candidates, else `parallelShares`); any count gives the same 2B.
    static func build(recipient: GSTIN, period: ReturnPeriod, at instant: Int64,
                      documents store: DocumentStore, tradeName: (GSTIN) -> String, shares: Int? = nil) -> GSTR2B {
        let captured = CapturedDocuments(store.contents)
        let positions = store.indices(recipient: recipient, period: period)
        let shareCount = max(1, shares ?? (positions.count < Self.parallelThreshold ? 1 : Self.parallelShares))
        let shareSize = (positions.count + shareCount - 1) / shareCount
        var shares = [Share](repeating: Share(), count: shareCount)
        shares.withUnsafeMutableBufferPointer { out in
            // Each thread writes only its own share: disjoint, so no data race.
            nonisolated(unsafe) let (out, store, captured) = (out, store, captured)
            let fill: @Sendable (Int) -> Void = { n in
                let start = min(positions.count, n * shareSize)
                out[n].add(positions[start..<min(positions.count, start + shareSize)], of: store, period: period, captured: captured)
            }
            if shareCount == 1 { fill(0) } else { DispatchQueue.concurrentPerform(iterations: shareCount, execute: fill) }
        }
        var all = shares[0]
        for later in shares.dropFirst() { all.absorb(later) }

        var docdata: [GSTR2BSection: [GSTR2BSupplierDocuments]] = [:]
        var rejected: [GSTR2BSection: [GSTR2BSupplierDocuments]] = [:]
        var cpsumm: [GSTR2BSection: [GSTR2BSupplierSummary]] = [:]
        all.list.sort { $0.value.supplier < $1.value.supplier }
        for var group in all.list {
            group.value.tradeName = tradeName(group.value.supplier)
            if group.rejected {
                rejected[group.section, default: []].append(group.value)
                continue
            }
            docdata[group.section, default: []].append(group.value)
            let rows = group.rows.map { row -> GSTR2BSupplierSummary in
                var r = row
                r.filedOn = group.value.filedOn
                r.tradeName = group.value.tradeName
                return r
            }.sorted { ($0.noteType?.rawValue ?? "") < ($1.noteType?.rawValue ?? "") }
            cpsumm[group.section, default: []] += rows
        }

        var snapshot = GSTR2B(recipient: recipient, period: period, version: "1.0",
                              generatedOn: CivilDate(epochMilliseconds: instant), generatedAt: instant,
                              itcSummary: all.itc, supplierSummary: cpsumm, documents: docdata, rejectedDocuments: rejected,
                              checksum: "", documentCount: all.documentCount, rejectedCount: all.rejectedCount)
        snapshot.checksum = snapshot.computeChecksum(digests: store.digests)
        return snapshot
    }
}

extension GSTR2B {
    /// SHA-256 of the canonical text of the content: a header, then for every docdata and docRejdata
    /// supplier group its fields and one 64-bit fingerprint of its documents — `Fingerprint64` over,
    /// per document, its own fingerprint (`DocumentDigest`: of its reported fields, cached in the
    /// store) and one byte of 2B verdict. Summaries are sums of these documents, so hashing the
    /// documents covers them. (A fingerprint only has to tell a changed 2B from an unchanged one; a
    /// million documents through SHA-256 took 46 ms, through `Fingerprint64` a few.)
    func computeChecksum(digests: LayeredArray<DocumentDigest>) -> String {
        var w = CanonicalWriter(capacity: 8192)
        w.field(recipient.value); w.field(period); w.field(version); w.field(generatedOn); w.endRecord()
        for (tag, data) in [("docdata", documents), ("docRejdata", rejectedDocuments)] {
            for section in GSTR2BSection.allCases {
                for group in data[section] ?? [] {
                    w.field(tag); w.field(section.rawValue); w.field(group.supplier.value); w.field(group.tradeName)
                    w.field(group.filedOn); w.field(group.supplierPeriod); w.endRecord()
                    Self.writeFingerprints(of: group.entries, digests: digests, into: &w)
                    w.endRecord()
                }
            }
        }
        return w.finishHex()
    }

    private static func writeFingerprints(of documents: [GSTR2BEntry], digests: LayeredArray<DocumentDigest>,
                                          into w: inout CanonicalWriter) {
        let stride = 9
        withUnsafeTemporaryAllocation(byteCount: documents.count * stride, alignment: 8) { out in
            documents.withUnsafeBufferPointer { docs in
                for (n, doc) in docs.enumerated() {
                    let verdict = (doc.imsStatus == .accepted ? 0 : doc.imsStatus == .rejected ? 1 : 2) << 2
                        | (doc.itcAvailable ? 2 : 0) | (doc.unavailableReason == nil ? 0 : 1)
                    out.storeBytes(of: digests[Int(doc.index)].value.bigEndian, toByteOffset: n * stride, as: UInt64.self)
                    out.storeBytes(of: UInt8(verdict), toByteOffset: n * stride + 8, as: UInt8.self)
                }
            }
            w.field(Int64(bitPattern: Fingerprint64.of(UnsafeRawBufferPointer(out))))
        }
    }
}

extension GSTR2BSection {
    var ordinal: Int {
        switch self { case .b2b: 0; case .b2ba: 1; case .cdnr: 2; case .cdnra: 3; case .ecom: 4; case .ecoma: 5 }
    }
}
