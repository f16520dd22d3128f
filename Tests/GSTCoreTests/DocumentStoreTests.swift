import Testing
@testable import GSTCore

@Suite("Document store and snapshot immutability")
struct DocumentStoreTests: FixtureSuite {
    @Test("indexes: by key, recipient, supplier; later duplicates win")
    func indexes() {
        var dup = F.doc(.b2b, F.intra, "INV-1", taxable: [5])
        dup.ims.status = .accepted
        let store = DocumentStore(F.documents + [dup])
        #expect(store.count == F.documents.count)
        #expect(store[F.key(.b2b, F.intra, "INV-1")]?.taxableValue == Amount(rupees: 5))
        #expect(store[F.key(.b2b, F.intra, "INV-1")]?.ims.status == .accepted)
        #expect(store.received(by: F.otherRecipient).map(\.number) == ["OTHER-1"])
        #expect(store.issued(by: F.posRule).map(\.number) == ["INV-5"])
        #expect(store.received(by: r).map(\.key) == store.received(by: r).map(\.key).sorted())
        #expect(store.indices(recipient: r, period: F.may).map { store[$0].number } == ["INV-7"])
    }

    @Test("key order: the fast path for generated worlds and the full sort agree, shuffled or not")
    func keyOrder() {
        var docs = F.documents
        for n in 0..<40 { docs.append(F.doc(.b2b, [F.intra, F.inter, F.posRule][n % 3], "G-\(1000 + n)")) }
        let expected = docs.indices.sorted { docs[$0].key < docs[$1].key }.map { docs[$0].key }
        func keyOrder(_ docs: [Document]) -> [Int] {
            let suppliers = Array(Set(docs.map(\.supplier)))
            let ids = Dictionary(uniqueKeysWithValues: suppliers.enumerated().map { ($1, Int32($0)) })
            return DocumentStore.keyOrder(docs, supplierOf: docs.map { ids[$0.supplier]! }, suppliers: suppliers).order
        }
        #expect(keyOrder(docs).map { docs[$0].key } == expected)
        var random = ForkPropertyTests.Random(state: 11)
        for _ in 0..<5 {
            docs.swapAt(random.next(docs.count), random.next(docs.count))
            #expect(keyOrder(docs).map { docs[$0].key } == expected)
        }
    }

    @Test("columns built in parallel (a big world) equal those computed one document at a time")
    func parallelColumns() {
        let suppliers: [GSTIN] = [F.intra, F.inter, F.posRule]
        var docs: [Document] = []
        for n in 0..<(DocumentColumns.parallelThreshold + 1_234) {
            let status: IMSStatus = n % 5 == 0 ? .accepted : .noAction
            docs.append(F.doc(.b2b, suppliers[n % 3], "P-\(n)", status: status, taxable: [Int64(n % 997 + 1)]))
        }
        let ids: [GSTIN: Int32] = [F.intra: 0, F.inter: 1, F.posRule: 2]
        let columns = DocumentColumns(docs, supplierOf: docs.map { ids[$0.supplier]! })
        let ims: [IMSRecordState] = docs.map { $0.ims }
        let digests: [DocumentDigest] = docs.map { DocumentDigest($0) }
        let supplierIDs: [Int32] = docs.map { ids[$0.supplier]! }
        #expect(columns.ims == ims)
        #expect(columns.digests == digests)
        #expect(columns.meta.map { $0.supplier } == supplierIDs)
    }

    @Test("the key index finds every document, follows upserts and removals, and flattens to the same answers")
    func keyIndex() {
        var store = DocumentStore(F.documents)
        for d in F.documents { #expect(store[d.key]?.number == d.number) }
        #expect(store[F.key(.b2b, F.intra, "NOPE")] == nil)
        store.upsert(F.doc(.b2b, F.inter, "NEW-1"))
        store.remove([F.key(.b2b, F.intra, "INV-2")])
        store.upsert(F.doc(.b2b, F.intra, "INV-2", taxable: [9]))   // removed, then back at a new position
        var flat = store
        flat.flatten()
        for s in [store, flat] {
            #expect(s[F.key(.b2b, F.inter, "NEW-1")] != nil)
            #expect(s[F.key(.b2b, F.intra, "INV-2")]?.taxableValue == Amount(rupees: 9))
            #expect(s.all.allSatisfy { s[$0.key]?.key == $0.key })
            #expect(s.count == F.documents.count + 1)
        }
    }

    @Test("the IMS column packs every status and flag, keeps remarks, and changes only the tenant's layer")
    func imsColumn() {
        var states: [IMSRecordState] = []
        for status in IMSStatus.allCases {
            for blocked in [false, true] {
                for removed in [false, true] {
                    states.append(IMSRecordState(status: status, pendingActionBlocked: blocked, remarks: removed ? "r" : nil, removedFromIMS: removed))
                }
            }
        }
        var column = IMSColumn(states)
        #expect((0..<states.count).map { column[$0] } == states)
        let shared = column
        column[3] = IMSRecordState(status: .rejected, remarks: "changed")
        column[5] = IMSRecordState(status: .pending)               // its remark goes
        column.append(IMSRecordState(status: .accepted, remarks: "new"))
        #expect(column[3].remarks == "changed" && column[5].remarks == nil && column[states.count].status == .accepted)
        #expect(column.changeCount == 3)
        #expect((0..<states.count).map { shared[$0] } == states)   // the built column is untouched
    }

    @Test("the IMS hash is the SHA-256 of the canonical text; the cached digest its fingerprint")
    func digests() {
        let store = DocumentStore(F.documents)
        for (i, d) in store.all.enumerated() {
            #expect(SHA256.hex(d.canonicalText) == d.imsHash)
            let text = Array(d.canonicalText.utf8)
            #expect(store.digests[i].value == text.withUnsafeBytes { Fingerprint64.of($0) })
        }
        #expect(F.doc(.b2b, F.intra, "INV-1").canonicalText.hasPrefix("b2b|\(F.intra.value)|\(r.value)|INV-1|20250410|"))
    }

    @Test("upsert replaces content and re-indexes; existing 2B snapshots keep what they saw")
    func upsertAndSnapshots() throws {
        var s = F.state()
        guard case .available(let before) = s.gstr2b(recipient: r, period: F.april) else { Issue.record("2B"); return }
        var edited = try #require(s.documents[F.key(.b2b, F.intra, "INV-1")])
        edited.items = [LineItem.computed(number: 1, rate: TaxRate(percent: 5), taxableValue: Amount(rupees: 10_000), interState: false)]
        s.documents.upsert(edited)
        var moved = F.doc(.b2b, F.intra, "NEW-1", to: F.otherRecipient, pos: "07")
        moved.ims.status = .pending
        s.documents.upsert(moved)
        #expect(s.documents.received(by: F.otherRecipient).map(\.number) == ["NEW-1", "OTHER-1"])
        #expect(s.imsRecords(recipient: F.otherRecipient, section: .b2b, status: .pending).map(\.number) == ["NEW-1"])
        guard case .available(let same) = s.gstr2b(recipient: r, period: F.april) else { Issue.record("2B"); return }
        #expect(same == before)
        let old = try #require(same.allDocuments.first { $0.document.number == "INV-1" })
        #expect(old.document.taxableValue == Amount(rupees: 1000))
        guard case .started(let id) = s.requestGSTR2BRegeneration(recipient: r, period: F.april) else { Issue.record("regen"); return }
        _ = s.pollGSTR2BRegeneration(referenceID: id, recipient: r)
        guard case .available(let after) = s.gstr2b(recipient: r, period: F.april) else { Issue.record("2B"); return }
        #expect(after.allDocuments.first { $0.document.number == "INV-1" }?.document.taxableValue == Amount(rupees: 10_000))
        #expect(after.checksum != before.checksum)
        #expect(after.itcSummary.available[.nonrevsup, .b2b] != before.itcSummary.available[.nonrevsup, .b2b])
    }

    @Test("a 2B document shows the IMS status of generation time, not today's")
    func statusFrozen() throws {
        var s = F.state()
        guard case .available(let b) = s.gstr2b(recipient: r, period: F.april) else { Issue.record("2B"); return }
        _ = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]))
        let d = try #require(b.allDocuments.first { $0.document.number == "INV-1" })
        #expect(d.imsStatus == .noAction && d.document.ims.status == .noAction)
        #expect(s.documents[F.key(.b2b, F.intra, "INV-1")]?.ims.status == .accepted)
    }
}
