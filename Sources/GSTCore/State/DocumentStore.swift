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
/// Every index lists positions in `DocumentKey` order, computed once by a single sort when the store
/// is built, so views walk them without sorting again (a 100,000-document 2B must build in < 100 ms).
/// IMS actions change only `Document.ims`, which no index depends on, so they update in place.
public struct DocumentStore: Sendable {
    public private(set) var all: [Document]
    private var byKey: [DocumentKey: Int]
    private var byRecipient: [GSTIN: [Int]]
    private var byRecipientPeriod: [RecipientPeriod: [Int]]
    private var bySupplier: [GSTIN: [Int]]

    /// Builds the store. When two documents share a `DocumentKey` the later one wins (ScenarioKit
    /// reports duplicates before a seed ever gets here).
    public init(_ documents: [Document]) {
        var unique: [DocumentKey: Int] = [:]
        unique.reserveCapacity(documents.count)
        var kept: [Document] = []
        kept.reserveCapacity(documents.count)
        for d in documents {
            if let i = unique[d.key] { kept[i] = d } else { unique[d.key] = kept.count; kept.append(d) }
        }
        all = kept
        byKey = unique
        byRecipient = [:]; byRecipientPeriod = [:]; bySupplier = [:]
        rebuildIndexes()
    }

    private mutating func rebuildIndexes() {
        let docs = all
        let order = docs.indices.sorted { docs[$0].key < docs[$1].key }
        var r: [GSTIN: [Int]] = [:], rp: [RecipientPeriod: [Int]] = [:], s: [GSTIN: [Int]] = [:]
        for i in order {
            let d = docs[i]
            r[d.recipient, default: []].append(i)
            rp[RecipientPeriod(recipient: d.recipient, period: d.filing.period), default: []].append(i)
            s[d.supplier, default: []].append(i)
        }
        byRecipient = r; byRecipientPeriod = rp; bySupplier = s
    }

    public var count: Int { all.count }

    public subscript(key: DocumentKey) -> Document? { byKey[key].map { all[$0] } }

    /// Position of a document, for in-place IMS updates.
    func index(of key: DocumentKey) -> Int? { byKey[key] }

    subscript(index: Int) -> Document { all[index] }

    /// Changes the IMS state of the document at `index` (indexes do not depend on it).
    mutating func updateIMS(at index: Int, _ body: (inout IMSRecordState) -> Void) { body(&all[index].ims) }

    /// Documents received by `recipient`, in key order.
    public func received(by recipient: GSTIN) -> LazyMapSequence<[Int], Document> {
        let docs = all
        return (byRecipient[recipient] ?? []).lazy.map { docs[$0] }
    }

    /// Positions of the documents received by `recipient` in supplier period `period`, in key order.
    func indices(recipient: GSTIN, period: ReturnPeriod) -> [Int] {
        byRecipientPeriod[RecipientPeriod(recipient: recipient, period: period)] ?? []
    }

    /// Positions of the documents received by `recipient`, in key order.
    func indices(recipient: GSTIN) -> [Int] { byRecipient[recipient] ?? [] }

    /// Documents issued by `supplier`, in key order.
    public func issued(by supplier: GSTIN) -> LazyMapSequence<[Int], Document> {
        let docs = all
        return (bySupplier[supplier] ?? []).lazy.map { docs[$0] }
    }

    /// Adds a document or replaces the one with the same key (control API, scenario edits).
    public mutating func upsert(_ document: Document) {
        if let i = byKey[document.key] {
            let old = all[i]
            all[i] = document
            if old.recipient == document.recipient && old.filing.period == document.filing.period { return }
        } else {
            byKey[document.key] = all.count
            all.append(document)
        }
        rebuildIndexes()
    }
}
