import GSTCore
import TestSupport

/// A small world for driving the Sandbox routes:
///
/// - `recipient` (Maharashtra, 27) receives documents for supplier period 10/2024 from `supplier`
///   (Karnataka, 29, inter-state) and `localSupplier` (27, intra-state) in all eight IMS sections;
///   `INV-3` has `ispendactblocked` Y; a pending document, a rejected one; GSTR-3B filed for 09/2024.
/// - `supplier` is a taxpayer too: its GSTR-1 B2B for 10/2024 has documents to `recipient` and `other`.
/// - the clock is fixed at 20/11/2024 10:00 IST: the 10/2024 draft 2B exists (regenerable), 11/2024's
///   does not (IMS2B009, RET2B1023), 09/2024 has GSTR-3B filed (IMS2B007), 08/2024 has no documents
///   (RET2B1016), GSTR-1 B2B of 08/2024 is empty (RET11416).
enum TestWorld {
    static let recipient = GSTIN(body14: "27AAACR1234A1Z")!
    static let supplier = GSTIN(body14: "29AAACS5678B1Z")!
    static let localSupplier = GSTIN(body14: "27AAACL4321C1Z")!
    static let other = GSTIN(body14: "07AAACX1111D1Z")!

    static let apiKey = "key_live_world"
    static let apiSecret = "secret_live_world"
    static let recipientUser = "acme.user"
    static let recipientOTP = "575757"
    static let supplierUser = "supplier.user"
    static let supplierOTP = "123456"

    /// 20/11/2024 10:00 IST.
    static let now: Int64 = CivilDate(year: 2024, month: 11, day: 20)!.epochMilliseconds(atHour: 10)

    static let october = ReturnPeriod(month: 10, year: 2024)!
    static let november = ReturnPeriod(month: 11, year: 2024)!
    static let september = ReturnPeriod(month: 9, year: 2024)!
    static let august = ReturnPeriod(month: 8, year: 2024)!

    static func date(_ d: Int, _ m: Int, _ y: Int = 2024) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    static func document(_ section: IMSSection, from supplier: GSTIN, to recipient: GSTIN = recipient, number: String,
                         date: CivilDate, taxable: Int64, rate: Int = 18, period: ReturnPeriod = october,
                         status: IMSStatus = .noAction, pendingBlocked: Bool = false, original: (String, CivilDate)? = nil,
                         irn: String? = nil, filed: Bool = true, pos: StateCode? = nil) -> Document {
        TestDocuments.document(
            section, from: supplier, to: recipient, number: number, date: date, period: period, filed: filed,
            taxable: [Amount(paise: taxable)], rate: rate, placeOfSupply: pos, status: status, pendingBlocked: pendingBlocked,
            original: original.map { (number: $0.0, date: $0.1) }, irn: irn.map { (number: $0, date: self.date(3, 11)) })
    }

    static var documents: [Document] {
        [
            document(.b2b, from: supplier, number: "INV-1", date: date(5, 10), taxable: 399_900,
                     irn: "qoycq59t30429eb5dfa38d3b6efa65346dcff127abf439c76e3afd8fo3vtf9rn"),
            document(.b2b, from: supplier, number: "INV-2", date: date(12, 10), taxable: 134_910,
                     irn: "qoycq59t3048fcd0d59cf0eb907b573f32a35d574dd8e00df859078fo3vtf9rn"),
            document(.b2b, from: supplier, number: "INV-3", date: date(20, 10), taxable: 50_000, pendingBlocked: true,
                     irn: "qoycq59t3011f5b90098dab3b6f5266d61d034989ab2f446c1f4cf8fo3vtf9rn"),
            document(.b2b, from: localSupplier, number: "L-10", date: date(7, 10), taxable: 220_339),
            document(.b2b, from: localSupplier, number: "L-11", date: date(8, 10), taxable: 10_000, status: .pending),
            document(.b2b, from: localSupplier, number: "L-12", date: date(9, 10), taxable: 20_000, status: .rejected),
            document(.b2ba, from: supplier, number: "INV-1A", date: date(15, 10), taxable: 400_000, original: ("INV-0", date(2, 9)),
                     irn: "qoycq59t30f42d280bf0b63e7fd6f897d3eb4e499a47be05499e538fo3vtf9rn"),
            document(.b2bdn, from: supplier, number: "DN-1", date: date(16, 10), taxable: 10_000),
            document(.b2bdna, from: supplier, number: "DN-2", date: date(17, 10), taxable: 11_000, original: ("DN-0", date(3, 9))),
            document(.b2bcn, from: supplier, number: "CN-1", date: date(18, 10), taxable: 5_000),
            document(.b2bcna, from: supplier, number: "CN-2", date: date(19, 10), taxable: 6_000, original: ("CN-0", date(4, 9))),
            document(.ecom, from: localSupplier, number: "E-1", date: date(21, 10), taxable: 30_000),
            document(.ecoma, from: localSupplier, number: "E-2", date: date(22, 10), taxable: 31_000, original: ("E-0", date(5, 9))),
            // supplier's GSTR-1 to another recipient
            document(.b2b, from: supplier, to: other, number: "X-1", date: date(6, 10), taxable: 199_900,
                     irn: "qoycq59t3011f5b90098dab3b6f5266d61d034989ab2f446c1f4cf8fo3vtf9zz"),
            // September: GSTR-3B filed by the recipient
            document(.b2b, from: supplier, number: "S-1", date: date(6, 9), taxable: 10_000, period: september, status: .accepted),
            document(.b2b, from: supplier, number: "S-2", date: date(7, 9), taxable: 10_000, period: september),
        ]
    }

    static func seed(jobTiming: JobTiming = .onFirstPoll, pageSize: Int = 500, idSeed: UInt64? = 42) -> WorldSeed {
        WorldSeed(
            credentials: TenantCredentials(sandboxKeys: [apiKey: apiSecret]),
            parties: [
                Party(gstin: supplier, tradeName: "Southern Supplies Pvt Ltd"),
                Party(gstin: localSupplier, tradeName: "Local Traders"),
                Party(gstin: other, tradeName: "Delhi Buyer"),
            ],
            taxpayers: [
                Taxpayer(gstin: recipient, tradeName: "Acme Retail", username: recipientUser, otp: recipientOTP,
                         gstr3bFiled: [september]),
                Taxpayer(gstin: supplier, tradeName: "Southern Supplies Pvt Ltd", username: supplierUser, otp: supplierOTP),
            ],
            documents: documents,
            clock: .fixed(epochMilliseconds: now),
            jobTiming: jobTiming,
            idSeed: idSeed,
            gstr2bPageSize: pageSize)
    }
}
