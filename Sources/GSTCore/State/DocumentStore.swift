/// A recipient and one of its return periods: the unit GSTR-2B is generated for.
public struct RecipientPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var recipient: GSTIN
    public var period: ReturnPeriod
    public init(recipient: GSTIN, period: ReturnPeriod) { self.recipient = recipient; self.period = period }
    public var description: String { "\(recipient.value) \(period.mmyyyy)" }
    public static func < (a: RecipientPeriod, b: RecipientPeriod) -> Bool { (a.recipient, a.period) < (b.recipient, b.period) }
}

/// The world's documents, with the indexes the views need: by key (IMS actions), by recipient (IMS
/// lists and counts), by recipient and supplier period (GSTR-2B) and by supplier (GSTR-1).
///
/// Layout, chosen for a 100,000-document world (2B regeneration < 100 ms, RSS < 150 MB):
/// - `contents` is what the suppliers reported. It is only replaced by `upsert`, so it keeps sharing
///   its buffer with the seed (no copy per tenant) and with every GSTR-2B snapshot (which refer to
///   documents by position instead of copying them).
/// - the recipient's IMS state lives in the parallel `imsStates`, the only thing IMS actions write;
///   the `ims` field inside `contents` is ignored (reads merge the live state in).
/// - per-document SHA-256 digests and totals are computed once, so 2B checksums and sums do not
///   re-walk items and text.
/// - every index lists positions in `DocumentKey` order (one sort at build time), so views never sort.
public struct DocumentStore: Sendable {
    private(set) var contents: [Document]
    private(set) var imsStates: [IMSRecordState]
    private(set) var digests: [DocumentDigest]
    private(set) var totals: [DocumentTotals]
    /// Compact per-document facts the GSTR-2B builder needs, so it never copies a `Document`.
    private(set) var meta: [DocumentMeta]
    /// Supplier GSTINs interned to small integers (`DocumentMeta.supplier`).
    private(set) var suppliers: [GSTIN] = []
    private var supplierIDs: [GSTIN: Int32] = [:]
    private var byKey: [DocumentKey: Int]
    private var byRecipient: [GSTIN: [Int]]
    private var byRecipientPeriod: [RecipientPeriod: [Int]]
    private var bySupplier: [GSTIN: [Int]]
    /// Positions of removed documents (GSTR-1 delete / reset). Positions are never reused or shifted,
    /// because GSTR-2B snapshots refer to documents by position.
    private var removedPositions: Set<Int> = []

    /// Builds the store. When two documents share a `DocumentKey` the later one wins (ScenarioKit
    /// reports duplicates before a seed ever gets here).
    public init(_ documents: [Document]) {
        var unique: [DocumentKey: Int] = [:]
        unique.reserveCapacity(documents.count)
        var duplicates = false
        for (i, d) in documents.enumerated() {
            if unique.updateValue(i, forKey: d.key) != nil { duplicates = true }
        }
        if duplicates {
            var kept: [Document] = []
            unique = [:]
            for d in documents {
                if let i = unique[d.key] { kept[i] = d } else { unique[d.key] = kept.count; kept.append(d) }
            }
            contents = kept
        } else {
            contents = documents      // shares the seed's buffer
        }
        byKey = unique
        imsStates = contents.map(\.ims)
        digests = contents.map(DocumentDigest.init)
        totals = contents.map(DocumentTotals.init)
        meta = []
        byRecipient = [:]; byRecipientPeriod = [:]; bySupplier = [:]
        meta.reserveCapacity(contents.count)
        for d in contents { meta.append(makeMeta(d)) }
        rebuildIndexes()
    }

    private mutating func makeMeta(_ d: Document) -> DocumentMeta {
        let id: Int32
        if let known = supplierIDs[d.supplier] { id = known } else {
            id = Int32(suppliers.count); suppliers.append(d.supplier); supplierIDs[d.supplier] = id
        }
        return DocumentMeta(section: d.section, supplier: id, filed: d.filing.filed, reverseCharge: d.reverseCharge,
                            posRule: d.isIneligibleByPOSRule, filedOn: d.filing.filedOn)
    }

    private mutating func rebuildIndexes() {
        let docs = contents
        let live = removedPositions.isEmpty ? Array(docs.indices) : docs.indices.filter { !removedPositions.contains($0) }
        let order = live.sorted { docs[$0].key < docs[$1].key }
        var r: [GSTIN: [Int]] = [:], rp: [RecipientPeriod: [Int]] = [:], s: [GSTIN: [Int]] = [:]
        for i in order {
            let d = docs[i]
            r[d.recipient, default: []].append(i)
            rp[RecipientPeriod(recipient: d.recipient, period: d.filing.period), default: []].append(i)
            s[d.supplier, default: []].append(i)
        }
        byRecipient = r; byRecipientPeriod = rp; bySupplier = s
    }

    public var count: Int { contents.count - removedPositions.count }

    /// Every document with its live IMS state, in storage order. O(n): tests and the control API.
    public var all: [Document] { contents.indices.filter { !removedPositions.contains($0) }.map { self[$0] } }

    public subscript(key: DocumentKey) -> Document? { byKey[key].map { self[$0] } }

    /// Position of a document.
    func index(of key: DocumentKey) -> Int? { byKey[key] }

    /// The document at `index` with its live IMS state.
    subscript(index: Int) -> Document {
        var d = contents[index]
        d.ims = imsStates[index]
        return d
    }

    /// Changes the IMS state of the document at `index` (nothing else depends on it).
    mutating func updateIMS(at index: Int, _ body: (inout IMSRecordState) -> Void) { body(&imsStates[index]) }

    /// Documents received by `recipient`, in key order, with their live IMS state.
    public func received(by recipient: GSTIN) -> [Document] {
        (byRecipient[recipient] ?? []).map { self[$0] }
    }

    /// Positions of the documents received by `recipient`, in key order.
    func receivedIndices(by recipient: GSTIN) -> [Int] { byRecipient[recipient] ?? [] }

    /// Positions of the documents received by `recipient` in supplier period `period`, in key order.
    func indices(recipient: GSTIN, period: ReturnPeriod) -> [Int] {
        byRecipientPeriod[RecipientPeriod(recipient: recipient, period: period)] ?? []
    }

    /// The supplier periods `recipient` has documents in.
    func periods(receivedBy recipient: GSTIN) -> [ReturnPeriod] {
        byRecipientPeriod.keys.filter { $0.recipient == recipient }.map(\.period).sorted()
    }

    /// Documents issued by `supplier`, in key order, with their live IMS state.
    public func issued(by supplier: GSTIN) -> [Document] {
        (bySupplier[supplier] ?? []).map { self[$0] }
    }

    /// Adds a document or replaces the one with the same key (control API, scenario edits). The new
    /// content's `ims` becomes the live IMS state.
    public mutating func upsert(_ document: Document) {
        if let i = byKey[document.key] {
            let old = contents[i]
            contents[i] = document
            imsStates[i] = document.ims
            digests[i] = DocumentDigest(document)
            totals[i] = DocumentTotals(document)
            meta[i] = makeMeta(document)
            if old.recipient == document.recipient && old.filing.period == document.filing.period { return }
        } else {
            byKey[document.key] = contents.count
            contents.append(document)
            imsStates.append(document.ims)
            digests.append(DocumentDigest(document))
            totals.append(DocumentTotals(document))
            meta.append(makeMeta(document))
        }
        rebuildIndexes()
    }

    /// Removes the documents with these keys (a supplier deleting or resetting unfiled GSTR-1 records).
    /// Their positions stay occupied so GSTR-2B snapshots keep pointing at what they captured.
    /// Returns how many were removed.
    @discardableResult
    public mutating func remove(_ keys: [DocumentKey]) -> Int {
        var n = 0
        for k in keys { if let i = byKey.removeValue(forKey: k) { removedPositions.insert(i); n += 1 } }
        if n > 0 { rebuildIndexes() }
        return n
    }
}

/// SHA-256 of a document's canonical text (`Document.canonicalText`), as four words.
struct DocumentDigest: Hashable, Sendable {
    var bytes: (UInt64, UInt64, UInt64, UInt64)

    init(_ d: Document) {
        var w = CanonicalWriter()
        d.writeCanonical(into: &w)
        let b = w.finishBytes()
        func word(_ o: Int) -> UInt64 { (0..<8).reduce(0) { $0 << 8 | UInt64(b[o + $1]) } }
        bytes = (word(0), word(8), word(16), word(24))
    }

    static func == (a: DocumentDigest, b: DocumentDigest) -> Bool { a.bytes == b.bytes }
    func hash(into h: inout Hasher) { h.combine(bytes.0); h.combine(bytes.1); h.combine(bytes.2); h.combine(bytes.3) }
}

/// A document's taxable value and tax heads, summed once.
struct DocumentTotals: Hashable, Sendable {
    var taxableValue: Amount
    var taxes: TaxTotals
    init(_ d: Document) {
        var t = Amount.zero, x = TaxTotals.zero
        for i in d.items {
            t = t + i.taxableValue
            x = x + TaxTotals(igst: i.igst, cgst: i.cgst, sgst: i.sgst, cess: i.cess)
        }
        taxableValue = t; taxes = x
    }
}

/// What the GSTR-2B builder reads per document.
struct DocumentMeta: Sendable {
    var section: IMSSection
    /// Index into `DocumentStore.suppliers`.
    var supplier: Int32
    var filed: Bool
    var reverseCharge: Bool
    /// `Document.isIneligibleByPOSRule`.
    var posRule: Bool
    var filedOn: CivilDate?
}
