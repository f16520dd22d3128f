import Testing
@testable import GSTCore

@Suite("IMS state machine")
struct IMSStateMachineTests: FixtureSuite {
    @Test("records start at N; views exclude POS-rule documents and other recipients; sorted by key")
    func views() {
        let s = F.state()
        let b2b = s.imsRecords(recipient: r, section: .b2b)
        // Key order: supplier GSTIN (27… before 29…), then number.
        #expect(b2b.map(\.number) == ["INV-1", "INV-2", "INV-3", "INV-4", "INV-6", "INV-7"])
        #expect(b2b.map(\.key) == b2b.map(\.key).sorted())
        #expect(!b2b.contains { $0.number == "INV-5" || $0.number == "OTHER-1" })
        #expect(b2b.allSatisfy { $0.ims.status == .noAction })
        let counts = s.imsCounts(recipient: r)
        #expect(counts.count == 8)
        #expect(counts[.b2b] == IMSCounts(noAction: 6))
        #expect(counts[.ecom]?.total == 1 && counts[.b2bcna]?.total == 1)
        #expect(s.imsRecords(recipient: r, section: .b2b, status: .accepted).isEmpty)
    }

    @Test("save A, R and P; statuses, counts and journal follow")
    func saveAcceptRejectPending() {
        var s = F.state()
        let o = s.run(.save([
            F.item(.b2b, F.intra, "INV-1", action: .accepted),
            F.item(.b2b, F.inter, "INV-3", action: .rejected),
            F.item(.b2bdn, F.inter, "DN-1", action: .pending),
        ]))
        #expect(o == IMSJobOutcome(requestType: .save, status: .processed, processedCount: 3, errorCount: 0, errors: []))
        #expect(s.status(F.key(.b2b, F.intra, "INV-1")) == .accepted)
        #expect(s.status(F.key(.b2b, F.inter, "INV-3")) == .rejected)
        #expect(s.status(F.key(.b2bdn, F.inter, "DN-1")) == .pending)
        #expect(s.imsCounts(recipient: r)[.b2b] == IMSCounts(accept: 1, noAction: 4, reject: 1))
        #expect(s.imsRecords(recipient: r, section: .b2b, status: .accepted).map(\.number) == ["INV-1"])
        let journal = s.takeTransitions().map(\.text)
        #expect(journal.contains("IMS b2b \(F.intra.value) INV-1 N→A"))
        #expect(journal.contains("IMS b2bdn \(F.inter.value) DN-1 N→P"))
        #expect(journal.contains { $0.hasPrefix("job ") && $0.hasSuffix("→ P (3 processed, 0 errors)") })
        #expect(s.takeTransitions().isEmpty)
    }

    @Test("prev_status mismatch → PE, the record reported, the others applied")
    func previousStatusMismatch() {
        var s = F.state()
        let o = s.run(.save([
            F.item(.b2b, F.intra, "INV-1", action: .accepted),
            F.item(.b2b, F.intra, "INV-2", action: .rejected, prev: .accepted),
        ]))!
        #expect(o.status == .processedWithErrors && o.processedCount == 1 && o.errorCount == 1)
        #expect(o.errors == [IMSRecordError(section: .b2b, supplier: F.intra, number: "INV-2", period: F.april, reason: .previousStatusMismatch)])
        #expect(s.status(F.key(.b2b, F.intra, "INV-2")) == .noAction)
        #expect(s.status(F.key(.b2b, F.intra, "INV-1")) == .accepted)
        // Taking a second action with the right prev_status works: the last action wins.
        let again = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .rejected, prev: .accepted)]))!
        #expect(again.status == .processed)
        #expect(s.status(F.key(.b2b, F.intra, "INV-1")) == .rejected)
    }

    @Test("Pending refused where ispendactblocked is Y; A still allowed there")
    func pendingBlocked() {
        var s = F.state()
        let o = s.run(.save([F.item(.b2bcn, F.intra, "CN-1", action: .pending)]))!
        #expect(o.status == .processedWithErrors && o.processedCount == 0)
        #expect(o.errors.map(\.reason) == [.pendingNotAllowed])
        #expect(s.status(F.key(.b2bcn, F.intra, "CN-1")) == .noAction)
        #expect(s.run(.save([F.item(.b2bcn, F.intra, "CN-1", action: .accepted)]))!.status == .processed)
    }

    @Test("unknown records are reported, never invented", arguments: [
        Fixture.item(.b2b, Fixture.intra, "NOPE", action: .accepted),                        // no such number
        Fixture.item(.b2ba, Fixture.intra, "INV-1", action: .accepted),                      // wrong section
        Fixture.item(.b2b, Fixture.intra, "INV-1", period: Fixture.may, action: .accepted),  // wrong rtnprd
        Fixture.item(.b2b, Fixture.intra, "OTHER-1", action: .accepted),                     // another recipient's record
        Fixture.item(.b2b, Fixture.posRule, "INV-5", action: .accepted),                     // never in IMS (POS rule)
    ])
    func notFound(item: IMSActionItem) {
        var s = F.state()
        let before = s.documents.count
        let o = s.run(.save([item]))!
        #expect(o.status == .processedWithErrors && o.processedCount == 0 && o.errorCount == 1)
        #expect(o.errors.first?.reason == .notFound && o.errors.first?.number == item.number)
        #expect(s.documents.count == before)
        #expect(s.documents[F.key(.b2b, F.intra, "INV-1")]?.ims.status == .noAction)
        #expect(s.documents[F.key(.b2b, F.intra, "OTHER-1")]?.ims.status == .noAction)
    }

    @Test("a job with only errors is PE with proc_cnt 0")
    func onlyErrors() {
        var s = F.state()
        let o = s.run(.save([F.item(.b2b, F.intra, "X1", action: .accepted), F.item(.b2b, F.intra, "X2", action: .accepted)]))!
        #expect(o.status == .processedWithErrors && o.processedCount == 0 && o.errorCount == 2 && o.errors.count == 2)
    }

    @Test("schema violation → ER, counts 0, nothing changes", arguments: [IMSJob.refused(.save, .schemaViolation), .refused(.reset, .schemaViolation)])
    func schemaViolation(request: IMSJob) {
        var s = F.state()
        let before = s.documents.all
        let o = s.run(request)!
        #expect(o.status == .error && o.processedCount == 0 && o.errorCount == 0 && o.errors.isEmpty)
        #expect(o.requestType == request.requestType)
        #expect(s.documents.all == before)
    }

    @Test("items malformed for their request type fail alone")
    func malformedItems() {
        var s = F.state()
        let o = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: nil), F.item(.b2b, F.intra, "INV-2", action: .noAction),
                             F.item(.ecom, F.inter, "ECO-1", action: .accepted)]))!
        #expect(o.errors.map(\.reason) == [.schemaViolation, .schemaViolation] && o.processedCount == 1)
        let r = s.run(.reset([F.item(.ecom, F.inter, "ECO-1", action: .accepted, prev: .accepted)]))!
        #expect(r.errors.map(\.reason) == [.schemaViolation])
        #expect(s.status(F.key(.ecom, F.inter, "ECO-1")) == .accepted)
    }

    @Test("reset returns records to N and checks prev_status")
    func reset() {
        var s = F.state()
        _ = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted), F.item(.b2ba, F.intra, "INV-8", action: .pending)]))
        s.documents.updateIMS(at: s.documents.index(of: F.key(.b2b, F.intra, "INV-1"))!) { $0.remarks = "checked" }
        let o = s.run(.reset([
            F.item(.b2b, F.intra, "INV-1", action: nil, prev: .accepted),
            F.item(.b2ba, F.intra, "INV-8", action: nil, prev: .accepted),   // it is P, not A
        ]))!
        #expect(o.requestType == .reset && o.status == .processedWithErrors && o.processedCount == 1)
        #expect(o.errors.map(\.reason) == [.previousStatusMismatch])
        #expect(s.status(F.key(.b2b, F.intra, "INV-1")) == .noAction)
        #expect(s.documents[F.key(.b2b, F.intra, "INV-1")]?.ims.remarks == nil)
        #expect(s.status(F.key(.b2ba, F.intra, "INV-8")) == .pending)
    }

    @Test("records of one request apply in order: a later item sees an earlier one")
    func inRequestOrder() {
        var s = F.state()
        let o = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted),
                             F.item(.b2b, F.intra, "INV-1", action: .rejected, prev: .accepted)]))!
        #expect(o.status == .processed && o.processedCount == 2)
        #expect(s.status(F.key(.b2b, F.intra, "INV-1")) == .rejected)
    }

    @Test("remarks travel with an action")
    func remarks() {
        var s = F.state()
        var item = F.item(.b2b, F.intra, "INV-1", action: .rejected)
        item.remarks = "rate wrong"
        _ = s.run(.save([item]))
        #expect(s.documents[F.key(.b2b, F.intra, "INV-1")]?.ims.remarks == "rate wrong")
    }

    @Test("polls: unknown ids, other recipients and other job kinds are nil")
    func pollIsolation() {
        var s = F.state()
        let id = s.submitIMSAction(.save([]), recipient: r)
        #expect(s.pollIMSJob(referenceID: "000000000000000", recipient: r) == nil)
        #expect(s.pollIMSJob(referenceID: id, recipient: F.otherRecipient) == nil)
        #expect(s.pollGSTR2BRegeneration(referenceID: id, recipient: r) == nil)
        #expect(s.pollIMSJob(referenceID: id, recipient: r) == .completed(IMSJobOutcome(requestType: .save, status: .processed,
                                                                                         processedCount: 0, errorCount: 0, errors: [])))
        // A completed job answers the same on every later poll.
        #expect(s.pollIMSJob(referenceID: id, recipient: r) == s.pollIMSJob(referenceID: id, recipient: r))
    }

    @Test("the record hash is stable across actions and changes with the document")
    func hash() {
        var s = F.state()
        let k = F.key(.b2b, F.intra, "INV-1")
        let h = s.documents[k]!.imsHash
        #expect(h.utf8.count == 64)
        _ = s.run(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]))
        #expect(s.documents[k]!.imsHash == h)
        var edited = s.documents[k]!
        edited.items[0].taxableValue = Amount(rupees: 1001)
        #expect(edited.imsHash != h)
        #expect(s.documents[F.key(.b2b, F.intra, "INV-2")]!.imsHash != h)
        #expect(s.documents[k]!.canonicalText.contains("|INV-1|"))
    }

    @Test("version increases on every change and not on reads")
    func version() {
        var s = F.state()
        let v0 = s.version
        _ = s.imsRecords(recipient: r, section: .b2b)
        _ = s.nextTransactionID()
        #expect(s.version == v0)
        let id = s.submitIMSAction(.save([F.item(.b2b, F.intra, "INV-1", action: .accepted)]), recipient: r)
        let v1 = s.version
        #expect(v1 > v0)
        _ = s.pollIMSJob(referenceID: id, recipient: r)
        #expect(s.version > v1)
    }
}
