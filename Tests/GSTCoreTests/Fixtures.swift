@testable import GSTCore
import TestSupport

/// A small world for the state-machine tests. Recipient: a Maharashtra (27) taxpayer.
/// Suppliers: `intra` (27, CGST+SGST), `inter` (29, IGST), `posRule` (29 charging POS 29: ITC unavailable).
enum Fixture {
    static let recipient = GSTIN(body14: "27AABCR1234A1Z")!
    static let otherRecipient = GSTIN(body14: "07AABCO5678B1Z")!
    static let intra = GSTIN(body14: "27AAACI1111C1Z")!
    static let inter = GSTIN(body14: "29AAACE2222D1Z")!
    static let posRule = GSTIN(body14: "29AAACP3333E1Z")!

    static let april = ReturnPeriod(month: 4, year: 2025)!
    static let may = ReturnPeriod(month: 5, year: 2025)!
    static let june = ReturnPeriod(month: 6, year: 2025)!

    /// 20 May 2025, 10:00 IST: April's draft 2B (14 May) exists, May's (14 June) does not, June is future.
    static let now: Int64 = CivilDate(year: 2025, month: 5, day: 20)!.epochMilliseconds(atHour: 10)

    static func doc(_ section: IMSSection, _ supplier: GSTIN, _ number: String, to recipient: GSTIN = recipient,
                    period: ReturnPeriod = april, filed: Bool = true, pos: String? = nil, reverseCharge: Bool = false,
                    status: IMSStatus = .noAction, blocked: Bool = false, taxable: [Int64] = [1000], rate: Int = 18,
                    day: Int = 10, cess: Int64 = 0) -> Document {
        // An amendment revises "O-<number>" of the period's first day.
        let original = section.isAmendment ? (number: "O-" + number, date: CivilDate(year: period.year, month: period.month, day: 1)!) : nil
        return TestDocuments.document(
            section, from: supplier, to: recipient, number: number, date: CivilDate(year: period.year, month: period.month, day: day)!,
            period: period, filed: filed, taxable: taxable.map { Amount(rupees: $0) }, rate: rate, cess: Amount(paise: cess),
            placeOfSupply: pos.flatMap(StateCode.init), reverseCharge: reverseCharge, status: status, pendingBlocked: blocked,
            original: original)
    }

    static var documents: [Document] {
        [
            doc(.b2b, intra, "INV-1"),
            doc(.b2b, intra, "INV-2", taxable: [500, 250]),
            doc(.b2b, inter, "INV-3", taxable: [2000]),
            doc(.b2b, inter, "INV-4", reverseCharge: true),
            doc(.b2b, posRule, "INV-5", pos: "29"),
            doc(.b2b, inter, "INV-6", filed: false),
            doc(.b2b, inter, "INV-7", period: may),
            doc(.b2ba, intra, "INV-8"),
            doc(.b2bdn, inter, "DN-1", taxable: [300]),
            doc(.b2bdna, inter, "DN-2", taxable: [100]),
            doc(.b2bcn, intra, "CN-1", blocked: true, taxable: [200]),
            doc(.b2bcna, intra, "CN-2", taxable: [50]),
            doc(.ecom, inter, "ECO-1", taxable: [700], cess: 1234),
            doc(.ecoma, inter, "ECO-2", taxable: [80]),
            doc(.b2b, intra, "OTHER-1", to: otherRecipient, pos: "07"),
        ]
    }

    static func seed(timing: JobTiming = .onFirstPoll, idSeed: UInt64? = 42, pageSize: Int = 500,
                     documents: [Document] = Fixture.documents, filed3B: Set<ReturnPeriod> = []) -> WorldSeed {
        WorldSeed(
            credentials: TenantCredentials(sandboxKeys: ["key_live_fixture": "secret_live_fixture"],
                                           vayanaLogins: [VayanaLogin(email: "a@b.in", password: "pw", organisationID: "org-1")]),
            parties: [Party(gstin: intra, tradeName: "Intra Traders"), Party(gstin: inter, tradeName: "Inter Supplies"),
                      Party(gstin: posRule, tradeName: "POS Rule Co")],
            taxpayers: [Taxpayer(gstin: recipient, tradeName: "Recipient Pvt Ltd", username: "recipient", otp: "575757",
                                 gstr3bFiled: filed3B),
                        Taxpayer(gstin: otherRecipient, tradeName: "Other Recipient", username: "other", otp: "123456")],
            documents: documents, clock: .fixed(epochMilliseconds: now), jobTiming: timing, idSeed: idSeed,
            gstr2bPageSize: pageSize)
    }

    static func state(timing: JobTiming = .onFirstPoll, documents: [Document] = Fixture.documents,
                      filed3B: Set<ReturnPeriod> = []) -> TenantState {
        TenantState(seed: seed(timing: timing, documents: documents, filed3B: filed3B), realTime: .fixed(0))
    }

    static func key(_ section: IMSSection, _ supplier: GSTIN, _ number: String) -> DocumentKey {
        DocumentKey(section: section, supplier: supplier, number: number)
    }

    static func item(_ section: IMSSection, _ supplier: GSTIN, _ number: String, period: ReturnPeriod = april,
                     action: IMSStatus?, prev: IMSStatus = .noAction) -> IMSActionItem {
        IMSActionItem(section: section, supplier: supplier, number: number, period: period, action: action, previousStatus: prev)
    }
}

/// A suite over the `Fixture` world: `F` for the fixture and `r` for its recipient, declared once.
protocol FixtureSuite {}

extension FixtureSuite {
    typealias F = Fixture
    var r: GSTIN { Fixture.recipient }
}

extension TenantState {
    /// Current IMS status of a record (test helper).
    func status(_ key: DocumentKey) -> IMSStatus? { documents[key]?.ims.status }

    /// Submits and polls once (first-poll timing): the outcome.
    mutating func run(_ request: IMSJob, recipient: GSTIN = Fixture.recipient) -> IMSJobOutcome? {
        let id = submitIMSAction(request, recipient: recipient)
        guard case .completed(let o)? = pollIMSJob(referenceID: id, recipient: recipient) else { return nil }
        return o
    }
}

extension IMSJobPoll {
    var outcome: IMSJobOutcome? { if case .completed(let o) = self { return o }; return nil }
}
