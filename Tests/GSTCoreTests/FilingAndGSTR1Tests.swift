import Testing
@testable import GSTCore

@Suite("GSTR-3B filing")
struct GSTR3BTests: FixtureSuite {
    @Test("filing removes the period's A/R records from IMS, keeps P/N and other periods; regeneration refused")
    func filing() throws {
        var s = F.state()
        _ = s.run(.save([
            F.item(.b2b, F.intra, "INV-1", action: .accepted),
            F.item(.b2b, F.inter, "INV-3", action: .rejected),
            F.item(.b2ba, F.intra, "INV-8", action: .pending),
            F.item(.b2b, F.inter, "INV-7", period: F.may, action: .accepted),
        ]))
        guard case .available(let before) = s.gstr2b(recipient: r, period: F.april) else { Issue.record("2B"); return }
        #expect(!s.isGSTR3BFiled(gstin: r, period: F.april))
        try s.fileGSTR3B(gstin: r, period: F.april)
        #expect(s.isGSTR3BFiled(gstin: r, period: F.april))
        let b2b = s.imsRecords(recipient: r, section: .b2b).map(\.number)
        #expect(b2b == ["INV-2", "INV-4", "INV-6", "INV-7"])   // INV-6: supplier not filed, stays
        #expect(s.imsRecords(recipient: r, section: .b2ba).map(\.number) == ["INV-8"])
        #expect(s.imsCounts(recipient: r)[.b2b] == IMSCounts(accept: 1, noAction: 3))
        // The documents stay in the world, with their status.
        #expect(s.documents[F.key(.b2b, F.intra, "INV-1")]?.ims == IMSRecordState(status: .accepted, removedFromIMS: true))
        #expect(s.requestGSTR2BRegeneration(recipient: r, period: F.april) == .invalidPeriodOrGSTR3BFiled)
        #expect(s.gstr2bAvailability(recipient: r, period: F.april) == .gstr3bFiled)
        #expect(s.gstr2b(recipient: r, period: F.april) == .available(before))
        // Actions on a removed record: not found.
        let o = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .rejected, prev: .accepted)]))
        #expect(o?.errors.map(\.reason) == [.notFound])
        #expect(throws: GSTR3BFilingError.alreadyFiled) { try s.fileGSTR3B(gstin: r, period: F.april) }
        #expect(throws: GSTR3BFilingError.unknownTaxpayer) { try s.fileGSTR3B(gstin: F.intra, period: F.april) }
        #expect(s.takeTransitions().contains { $0.text.hasPrefix("GSTR-3B \(r.value) 042025 filed; 2 accepted/rejected") })
    }

    @Test("a seed that declares 3B filed starts with those records out of IMS")
    func seeded() {
        var docs = F.documents
        docs[0].ims.status = .accepted     // INV-1
        docs[1].ims.status = .pending      // INV-2
        let s = F.state(documents: docs, filed3B: [F.april])
        #expect(s.imsRecords(recipient: r, section: .b2b).map(\.number) == ["INV-2", "INV-3", "INV-4", "INV-6", "INV-7"])
        #expect(s.isGSTR3BFiled(gstin: r, period: F.april))
    }

    @Test("the draft is fixed before the first action after its date: filing without regenerating keeps it")
    func draftPrecedesLaterActions() throws {
        var s = F.state()
        _ = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]))
        try s.fileGSTR3B(gstin: r, period: F.april)
        guard case .available(let b) = s.gstr2b(recipient: r, period: F.april) else { Issue.record("2B"); return }
        // The draft of the 14th, generated before the action: INV-1 still deemed accepted (N).
        #expect(b.allDocuments.contains { $0.document.number == "INV-1" && $0.imsStatus == .noAction })
    }

    @Test("a regenerated 2B shows the action, and filing keeps the records removed from IMS in it")
    func regeneratedThenFiled() throws {
        var s = F.state()
        _ = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]))
        guard case .started(let id) = s.requestGSTR2BRegeneration(recipient: r, period: F.april) else { Issue.record("regen"); return }
        #expect(s.pollGSTR2BRegeneration(referenceID: id, recipient: r) == .completed)
        try s.fileGSTR3B(gstin: r, period: F.april)
        guard case .available(let b) = s.gstr2b(recipient: r, period: F.april) else { Issue.record("2B"); return }
        #expect(b.allDocuments.contains { $0.document.number == "INV-1" && $0.imsStatus == .accepted })
    }
}

@Suite("GSTR-1 views")
struct GSTR1Tests: FixtureSuite {
    @Test("the supplier's b2b documents of a period, with filters")
    func b2b() {
        var s = F.state()
        let all = s.gstr1Documents(supplier: F.intra, period: F.april, section: .b2b)
        #expect(all.map(\.number) == ["OTHER-1", "INV-1", "INV-2"])   // recipient order: 07… before 27…
        #expect(s.gstr1Documents(supplier: F.intra, period: F.april, section: .b2b, counterparty: F.otherRecipient).map(\.number) == ["OTHER-1"])
        #expect(s.gstr1Documents(supplier: F.intra, period: F.april, section: .b2ba).map(\.number) == ["INV-8"])
        #expect(s.gstr1Documents(supplier: F.intra, period: F.may, section: .b2b).isEmpty)
        #expect(s.gstr1Documents(supplier: F.intra, period: F.april, section: .b2b, from: CivilDate(year: 2025, month: 4, day: 11)).isEmpty)
        #expect(s.gstr1Documents(supplier: F.intra, period: F.april, section: .b2b, from: CivilDate(year: 2025, month: 4, day: 10)).count == 3)
        _ = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]))
        _ = s.run(.save([F.item(.b2b, F.intra, "INV-2", action: .pending)]))
        #expect(s.gstr1Documents(supplier: F.intra, period: F.april, section: .b2b, actionRequired: true).map(\.number) == ["OTHER-1", "INV-2"])
        #expect(s.gstr1Documents(supplier: F.intra, period: F.april, section: .b2b, actionRequired: false).map(\.number) == ["INV-1"])
    }
}
