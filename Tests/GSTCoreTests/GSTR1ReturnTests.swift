import JSON
import Testing
@testable import GSTCore

@Suite("GSTR-1 return state")
struct GSTR1ReturnTests {
    /// `otherRecipient` (a taxpayer, Delhi) supplies `recipient` (Maharashtra) in April 2025.
    static let supplier = Fixture.otherRecipient

    static func invoice(_ number: String, day: Int = 10, month: Int = 4, year: Int = 2025, delete: Bool = false) -> GSTR1Entry {
        let draft = GSTR1DocumentDraft(section: .b2b, recipient: Fixture.recipient, number: number,
                                       date: CivilDate(year: year, month: month, day: day)!,
                                       items: [LineItem.computed(number: 1, rate: TaxRate(percent: 18), taxableValue: Amount(rupees: 100), interState: true)])
        return GSTR1Entry(target: .document(draft), wire: GSTR1WireRecord(section: "b2b", inner: .object([:])),
                          date: draft.date, placeOfSupply: "27", delete: delete)
    }

    func run(_ state: inout TenantState, _ entries: [GSTR1Entry]?) throws -> GSTR1JobOutcome? {
        let id = try state.submitGSTR1Save(entries, supplier: Self.supplier, period: Fixture.april)
        if case .completed(let o)? = state.pollGSTR1Job(referenceID: id, supplier: Self.supplier) { return o }
        return nil
    }

    @Test func savedInvoiceReachesTheRecipientsIMSAndFilingMarksItFiled() throws {
        var state = Fixture.state()
        let outcome = try #require(try run(&state, [Self.invoice("G1-1"), Self.invoice("G1-OLD", day: 1, month: 1, year: 2020)]))
        #expect(outcome.status == .processedWithErrors)
        #expect(outcome.errors.map(\.reason) == [.invoiceDateOutOfRange])
        let record = try #require(state.imsRecords(recipient: Fixture.recipient, section: .b2b).first { $0.number == "G1-1" })
        #expect(record.ims.status == .noAction)
        #expect(record.filing == SupplierFiling(form: .gstr1, period: Fixture.april, filed: false, filedOn: nil))
        #expect(state.gstr1Return(supplier: Self.supplier, period: Fixture.april).status == .saved)

        _ = try state.fileGSTR1(supplier: Self.supplier, period: Fixture.april)
        #expect(state.documents[Fixture.key(.b2b, Self.supplier, "G1-1")]?.filing.filed == true)
        #expect(state.isGSTR1Filed(supplier: Self.supplier, period: Fixture.april))
        #expect(throws: GSTR1Refusal.alreadyFiled) { try state.fileGSTR1(supplier: Self.supplier, period: Fixture.april) }
        #expect(throws: GSTR1Refusal.alreadyFiled) { try state.submitGSTR1Save([Self.invoice("G1-2")], supplier: Self.supplier, period: Fixture.april) }
    }

    @Test func malformedSaveAndNothingToFileChangeNothing() throws {
        var state = Fixture.state()
        let before = state.documents.all
        let outcome = try #require(try run(&state, nil))
        #expect(outcome.failure == .malformed)
        #expect(state.documents.all == before)
        #expect(throws: GSTR1Refusal.nothingSubmitted) { try state.fileGSTR1(supplier: Self.supplier, period: Fixture.june) }
        #expect(!state.isGSTR1Filed(supplier: Self.supplier, period: Fixture.june))
    }

    @Test func deleteAndResetRemoveUnfiledDocumentsOnly() throws {
        var state = Fixture.state()
        let count = state.documents.count
        _ = try run(&state, [Self.invoice("G1-1"), Self.invoice("G1-2")])
        #expect(state.documents.count == count + 2)
        _ = try run(&state, [Self.invoice("G1-2", delete: true)])
        #expect(state.documents[Fixture.key(.b2b, Self.supplier, "G1-2")] == nil)
        let id = try state.submitGSTR1Reset(supplier: Self.supplier, period: Fixture.april)
        _ = state.pollGSTR1Job(referenceID: id, supplier: Self.supplier)
        #expect(state.documents.count == count)
        #expect(state.documents.all.count == count)
        #expect(state.imsRecords(recipient: Fixture.recipient, section: .b2b).allSatisfy { $0.supplier != Self.supplier })
        // A document saved again after removal comes back, with No Action.
        _ = try run(&state, [Self.invoice("G1-2")])
        #expect(state.documents[Fixture.key(.b2b, Self.supplier, "G1-2")]?.ims.status == .noAction)
    }
}
