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
/// Layout, chosen for worlds of 100,000 documents and more (2B regeneration < 100 ms at 100k):
/// - every column is layered (`LayeredArray`, `LayeredDictionary`): the world as built is a base
///   shared copy-on-write by every tenant forked from it, and a tenant holds only its own changes on
///   top. A fork copies nothing; an IMS action or a saved document costs O(1) plus, for a new or
///   moved document, the index lists it joins; a reset drops the changes.
/// - `contents` is what the suppliers reported, replaced only by `upsert`; GSTR-2B snapshots refer to
///   documents by position in it (a copy of the layered column, never of the documents).
/// - the recipient's IMS state lives in the parallel `imsStates`, the only thing IMS actions write;
///   the `ims` field inside `contents` is ignored (reads merge the live state in).
/// - per-document fingerprints (`DocumentDigest`) and 2B metadata are computed once, in parallel at
///   build (`DocumentColumns`), so 2B checksums do not re-walk text; 2B sums read a document's items
///   in place (a totals column cost 40 bytes a document).
/// - every index lists positions in `DocumentKey` order (one sort at build time, then each change
///   inserted in place), so views never sort.
public struct DocumentStore: Sendable {
    private(set) var contents: LayeredArray<Document>
    private(set) var imsStates: IMSColumn
    private(set) var digests: LayeredArray<DocumentDigest>
    /// Compact per-document facts the GSTR-2B builder needs, so it never copies a `Document`.
    private(set) var meta: LayeredArray<DocumentMeta>
    /// Supplier GSTINs interned to small integers (`DocumentMeta.supplier`); a few thousand at most,
    /// so plain copy-on-write columns.
    private(set) var suppliers: [GSTIN] = []
    private var supplierIDs: [GSTIN: Int32] = [:]
    private var byKey: KeyIndex
    private var byRecipient: LayeredDictionary<GSTIN, Positions>
    private var byRecipientPeriod: LayeredDictionary<RecipientPeriod, Positions>
    private var bySupplier: LayeredDictionary<GSTIN, Positions>
    /// Positions of removed documents (GSTR-1 delete / reset). Positions are never reused or shifted,
    /// because GSTR-2B snapshots refer to documents by position.
    private var removedPositions: Set<Int> = []

    /// Builds the store. When two documents share a `DocumentKey` the later one wins (ScenarioKit
    /// reports duplicates before a seed ever gets here).
    public init(_ documents: [Document]) {
        // Suppliers are interned first (in order of first appearance), so the per-document columns
        // can then be computed in parallel: a 1,000,000-document world spends most of its build there.
        // Generated worlds list each supplier's documents together: the previous one is tried first.
        var suppliers: [GSTIN] = [], supplierIDs: [GSTIN: Int32] = [:]
        var supplierOf: [Int32] = []
        supplierOf.reserveCapacity(documents.count)
        documents.withUnsafeBufferPointer { docs in
            var previous: (gstin: GSTIN, id: Int32)?
            for i in docs.indices {
                let supplier = docs[i].key.supplier
                if let previous, previous.gstin == supplier { supplierOf.append(previous.id); continue }
                let id = Self.intern(supplier, suppliers: &suppliers, ids: &supplierIDs)
                previous = (supplier, id)
                supplierOf.append(id)
            }
        }
        // One sort, then the key index and each list are built in key order. Two documents with one
        // key sit side by side in it; then the later one wins, in the earlier one's place (ScenarioKit
        // reports duplicates before a seed ever gets here, so this is the rare path).
        let (order, distinct) = Self.keyOrder(documents, supplierOf: supplierOf, suppliers: suppliers)
        if !distinct {
            self.init(Self.withoutDuplicates(documents))
        } else {
            self.init(unique: documents, order: order, suppliers: suppliers, supplierIDs: supplierIDs, supplierOf: supplierOf)
        }
    }

    /// Builds the store of documents with distinct keys, given their key order and interned suppliers.
    private init(unique documents: [Document], order: [Int], suppliers: [GSTIN], supplierIDs: [GSTIN: Int32], supplierOf: [Int32]) {
        contents = LayeredArray(documents)      // shares the seed's buffer
        self.suppliers = suppliers
        self.supplierIDs = supplierIDs
        let columns = DocumentColumns(documents, supplierOf: supplierOf)
        imsStates = IMSColumn(columns.ims)
        digests = LayeredArray(columns.digests)
        meta = LayeredArray(columns.meta)
        byKey = KeyIndex(order: order)
        // The lists, filled by small integers (interned recipients, supplier ids) rather than one
        // GSTIN hash per document and list.
        var recipients: [GSTIN] = [], recipientIDs: [GSTIN: Int] = [:]
        struct Slot: Hashable { var recipient: Int; var period: ReturnPeriod }
        var r: [Positions] = [], rp: [Slot: Positions] = [:], s = [Positions](repeating: Positions(), count: suppliers.count)
        documents.withUnsafeBufferPointer { docs in
            for i in order {
                let recipient = docs[i].recipient
                let id: Int
                if let known = recipientIDs[recipient] { id = known } else {
                    id = recipients.count
                    recipients.append(recipient); recipientIDs[recipient] = id; r.append(Positions())
                }
                r[id].append(i)
                rp[Slot(recipient: id, period: docs[i].filing.period), default: Positions()].append(i)
                s[Int(supplierOf[i])].append(i)
            }
        }
        var byPeriod: [RecipientPeriod: Positions] = [:]
        for (slot, list) in rp { byPeriod[RecipientPeriod(recipient: recipients[slot.recipient], period: slot.period)] = list }
        byRecipient = LayeredDictionary(Dictionary(uniqueKeysWithValues: zip(recipients, r)))
        byRecipientPeriod = LayeredDictionary(byPeriod)
        bySupplier = LayeredDictionary(Dictionary(uniqueKeysWithValues: zip(suppliers, s).filter { !$0.1.isEmpty }))
    }

    /// `documents` with one document per key: the later of two wins, in the earlier one's position.
    static func withoutDuplicates(_ documents: [Document]) -> [Document] {
        var kept: [Document] = [], position: [DocumentKey: Int] = [:]
        for d in documents {
            if let i = position[d.key] { kept[i] = d } else { position[d.key] = kept.count; kept.append(d) }
        }
        return kept
    }

    /// Positions of `documents` in `DocumentKey` order, given each one's interned supplier, and
    /// whether every key is distinct. Generated worlds list each supplier's numbers in order, so
    /// placing positions by (section, supplier) group — a counting sort: two linear passes — and
    /// checking that the numbers rise within each group usually settles it (and then no two keys can
    /// be equal); otherwise the full key comparison decides (a 1,000,000-document sort by key took
    /// about a second).
    static func keyOrder(_ documents: [Document], supplierOf: [Int32], suppliers: [GSTIN]) -> (order: [Int], distinct: Bool) {
        let sections = IMSSection.allCases.sorted()
        var supplierRank = [Int](repeating: 0, count: suppliers.count)
        for (rank, id) in suppliers.indices.sorted(by: { suppliers[$0] < suppliers[$1] }).enumerated() { supplierRank[id] = rank }
        return documents.withUnsafeBufferPointer { docs in
            let group = docs.indices.map { i in sections.firstIndex(of: docs[i].key.section)! * suppliers.count + supplierRank[Int(supplierOf[i])] }
            var start = [Int](repeating: 0, count: sections.count * suppliers.count + 1)
            for g in group { start[g + 1] += 1 }
            for g in start.indices.dropFirst() { start[g] += start[g - 1] }
            var order = [Int](repeating: 0, count: docs.count)
            for i in docs.indices { order[start[group[i]]] = i; start[group[i]] += 1 }
            for n in order.indices.dropFirst() where group[order[n - 1]] == group[order[n]]
                && !(docs[order[n - 1]].key.number < docs[order[n]].key.number) {
                let sorted = docs.indices.sorted { docs[$0].key < docs[$1].key }
                let distinct = !sorted.indices.dropFirst().contains { docs[sorted[$0 - 1]].key == docs[sorted[$0]].key }
                return (sorted, distinct)
            }
            return (order, true)
        }
    }

    /// The small integer `DocumentMeta.supplier` holds for `supplier`, assigned on first sight.
    private static func intern(_ supplier: GSTIN, suppliers: inout [GSTIN], ids: inout [GSTIN: Int32]) -> Int32 {
        if let known = ids[supplier] { return known }
        let id = Int32(suppliers.count)
        suppliers.append(supplier)
        ids[supplier] = id
        return id
    }

    /// Folds this store's changes into its shared base: done once for a world's template, so every
    /// tenant forked from it starts with no changes of its own.
    mutating func flatten() {
        contents.flatten(); imsStates.flatten(); digests.flatten(); meta.flatten()
        byKey.flatten(in: contents); byRecipient.flatten(); byRecipientPeriod.flatten(); bySupplier.flatten()
    }

    /// Documents replaced or added, and IMS states changed, on top of the shared base.
    public var changeCount: Int { contents.changeCount + imsStates.changeCount }

    /// What this store changed on top of its shared base, O(changes): the documents it replaced,
    /// added or acted on (with their live IMS state), in key order, and the keys of base documents it
    /// removed. Upserting the one and removing the other on a fresh fork gives the same views.
    public var changesFromBase: (upserted: [Document], removed: [DocumentKey]) {
        var positions = Set(contents.changedIndices)
        positions.formUnion(imsStates.changedIndices)
        positions.subtract(removedPositions)
        let upserted = positions.map { self[$0] }.sorted { $0.key < $1.key }
        // A base document removed and added again is live at a new position: it is an upsert.
        let removed = removedPositions.filter { $0 < contents.base.count }.map { contents[$0].key }.filter { index(of: $0) == nil }
        return (upserted, removed.sorted())
    }

    /// Holds exactly its built base: nothing replaced, added, removed or acted on.
    var isAsBuilt: Bool { changeCount == 0 && removedPositions.isEmpty }

    /// The address of the built documents' storage, which identifies the world they came from (the
    /// template keeps that storage alive, so no other world can reuse the address meanwhile).
    var baseIdentity: UInt? { contents.base.withUnsafeBufferPointer { $0.baseAddress.map { UInt(bitPattern: $0) } } }

    public var count: Int { contents.count - removedPositions.count }

    /// Documents in the shared base (as built, before any change of this tenant).
    var baseCount: Int { contents.base.count }

    /// Every document with its live IMS state, in storage order. O(n): tests and the control API.
    public var all: [Document] { (0..<contents.count).filter { !removedPositions.contains($0) }.map { self[$0] } }

    public subscript(key: DocumentKey) -> Document? { index(of: key).map { self[$0] } }

    /// Position of a document.
    func index(of key: DocumentKey) -> Int? { byKey.position(of: key, in: contents) }

    /// The document at `index` with its live IMS state.
    subscript(index: Int) -> Document {
        var d = contents[index]
        d.ims = imsStates[index]
        return d
    }

    /// Changes the IMS state of the document at `index` (nothing else depends on it).
    mutating func updateIMS(at index: Int, _ body: (inout IMSRecordState) -> Void) {
        var state = imsStates[index]
        body(&state)
        imsStates[index] = state
    }

    /// Documents received by `recipient`, in key order, with their live IMS state.
    public func received(by recipient: GSTIN) -> [Document] {
        (byRecipient[recipient] ?? Positions()).map { self[$0] }
    }

    /// Positions of the documents received by `recipient`, in key order.
    func receivedIndices(by recipient: GSTIN) -> Positions { byRecipient[recipient] ?? Positions() }

    /// Positions of the documents received by `recipient` in supplier period `period`, in key order.
    func indices(recipient: GSTIN, period: ReturnPeriod) -> Positions {
        byRecipientPeriod[RecipientPeriod(recipient: recipient, period: period)] ?? Positions()
    }

    /// The supplier periods `recipient` has documents in.
    func periods(receivedBy recipient: GSTIN) -> [ReturnPeriod] {
        byRecipientPeriod.keys.filter { $0.recipient == recipient }.map(\.period).sorted()
    }

    /// Documents issued by `supplier`, in key order, with their live IMS state.
    public func issued(by supplier: GSTIN) -> [Document] {
        (bySupplier[supplier] ?? Positions()).map { self[$0] }
    }

    /// Adds a document or replaces the one with the same key (control API, scenario edits). The new
    /// content's `ims` becomes the live IMS state.
    public mutating func upsert(_ document: Document) {
        let meta = DocumentMeta(document, supplier: Self.intern(document.supplier, suppliers: &suppliers, ids: &supplierIDs))
        if let i = index(of: document.key) {
            let old = contents[i]
            contents[i] = document
            imsStates[i] = document.ims
            digests[i] = DocumentDigest(document)
            self.meta[i] = meta
            guard old.recipient != document.recipient || old.filing.period != document.filing.period else { return }
            unlist(i, of: old)
            list(i, of: document)
        } else {
            let i = contents.count
            byKey.set(document.key, to: i)
            contents.append(document)
            imsStates.append(document.ims)
            digests.append(DocumentDigest(document))
            self.meta.append(meta)
            list(i, of: document)
        }
    }

    /// Removes the documents with these keys (a supplier deleting or resetting unfiled GSTR-1 records).
    /// Their positions stay occupied so GSTR-2B snapshots keep pointing at what they captured.
    /// Returns how many were removed.
    @discardableResult
    public mutating func remove(_ keys: [DocumentKey]) -> Int {
        var n = 0
        for k in keys {
            guard let i = index(of: k) else { continue }
            byKey.set(k, to: nil)
            removedPositions.insert(i)
            unlist(i, of: contents[i])
            n += 1
        }
        return n
    }

    // MARK: Index upkeep

    /// Puts position `i` (holding `d`) into the lists of its recipient, recipient period and supplier,
    /// each kept in key order.
    private mutating func list(_ i: Int, of d: Document) {
        let period = RecipientPeriod(recipient: d.recipient, period: d.filing.period)
        byRecipient[d.recipient] = inserting(i, key: d.key, into: byRecipient[d.recipient] ?? Positions())
        byRecipientPeriod[period] = inserting(i, key: d.key, into: byRecipientPeriod[period] ?? Positions())
        bySupplier[d.supplier] = inserting(i, key: d.key, into: bySupplier[d.supplier] ?? Positions())
    }

    /// Takes position `i` (holding `d`) out of its lists; a list left empty is dropped, so listings of
    /// periods see only periods that have documents.
    private mutating func unlist(_ i: Int, of d: Document) {
        let period = RecipientPeriod(recipient: d.recipient, period: d.filing.period)
        byRecipient[d.recipient] = Self.removing(i, from: byRecipient[d.recipient])
        byRecipientPeriod[period] = Self.removing(i, from: byRecipientPeriod[period])
        bySupplier[d.supplier] = Self.removing(i, from: bySupplier[d.supplier])
    }

    private func inserting(_ i: Int, key: DocumentKey, into list: Positions) -> Positions {
        var list = list
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if contents[list[mid]].key < key { low = mid + 1 } else { high = mid }
        }
        list.insert(i, at: low)
        return list
    }

    private static func removing(_ i: Int, from list: Positions?) -> Positions? {
        guard var list, let at = list.firstIndex(of: i) else { return list }
        list.remove(at: at)
        return list.isEmpty ? nil : list
    }
}

/// A 64-bit fingerprint (`Fingerprint64`) of a document's canonical text (`Document.canonicalText`):
/// what the GSTR-2B checksum hashes per document, so a changed document changes the checksum.
struct DocumentDigest: Hashable, Sendable {
    var value: UInt64

    init(_ d: Document) {
        var w = CanonicalWriter.forFingerprint()
        self.init(d, writer: &w)
    }

    /// With a writer reused across documents (a build computes a million of these: one buffer, not
    /// one allocation each).
    init(_ d: Document, writer w: inout CanonicalWriter) {
        w.restartFingerprint()
        d.writeCanonical(into: &w)
        value = w.finishFingerprint()
    }
}

/// A document's taxable value and tax heads, summed in one pass over its items when a GSTR-2B is
/// built, not kept per document (a column of them cost 40 bytes a document).
struct DocumentTotals: Hashable, Sendable {
    var taxableValue: Amount
    var taxes: TaxTotals
    init(_ items: [LineItem]) {
        var t = Amount.zero, x = TaxTotals.zero
        for i in items {
            t = t + i.taxableValue
            x = x + TaxTotals(igst: i.igst, cgst: i.cgst, sgst: i.sgst, cess: i.cess)
        }
        taxableValue = t; taxes = x
    }
}

/// What the GSTR-2B builder reads per document.
struct DocumentMeta: Sendable {
    // Declaration order is layout order: 16 bytes, the one-byte fields last.
    var filedOn: CivilDate?
    /// Index into `DocumentStore.suppliers`.
    var supplier: Int32
    var section: IMSSection
    var filed: Bool
    var reverseCharge: Bool
    /// `Document.isIneligibleByPOSRule`.
    var posRule: Bool
}

extension DocumentMeta {
    init(_ d: Document, supplier: Int32) {
        self.init(filedOn: d.filing.filedOn, supplier: supplier, section: d.section, filed: d.filing.filed,
                  reverseCharge: d.reverseCharge, posRule: d.isIneligibleByPOSRule)
    }
}
