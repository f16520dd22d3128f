import GSTCore

/// Builds the received documents of the test worlds (GSTCore's fixture, the Sandbox and Vayana
/// route tests), with the rules all of them follow, so each world only says what is particular
/// about its documents:
/// - the place of supply is the recipient's state unless given;
/// - each line's tax is computed from rate and taxable value (`LineItem.computed`): IGST when the
///   supplier's state differs from the place of supply, else CGST and SGST;
/// - the supplier reported it in its GSTR-1 of `period` and, when filed, filed that return on the
///   11th of the next month (GSTR-1's due date).
package enum TestDocuments {
    package static func document(
        _ section: IMSSection, from supplier: GSTIN, to recipient: GSTIN, number: String, date: CivilDate,
        period: ReturnPeriod, filed: Bool = true, taxable: [Amount], rate: Int = 18, cess: Amount = .zero,
        placeOfSupply: StateCode? = nil, reverseCharge: Bool = false, status: IMSStatus = .noAction,
        pendingBlocked: Bool = false, original: (number: String, date: CivilDate)? = nil,
        irn: (number: String, date: CivilDate)? = nil
    ) -> Document {
        let place = placeOfSupply ?? recipient.stateCode
        let interState = supplier.stateCode != place
        let items = taxable.enumerated().map { index, value in
            LineItem.computed(number: index + 1, rate: TaxRate(percent: rate), taxableValue: value, interState: interState, cess: cess)
        }
        let filedOn = filed ? CivilDate(year: period.next.year, month: period.next.month, day: 11) : nil
        return Document(
            key: DocumentKey(section: section, supplier: supplier, number: number), recipient: recipient, date: date,
            originalNumber: original?.number, originalDate: original?.date, placeOfSupply: place,
            reverseCharge: reverseCharge, items: items,
            filing: SupplierFiling(form: .gstr1, period: period, filed: filed, filedOn: filedOn),
            ims: IMSRecordState(status: status, pendingActionBlocked: pendingBlocked),
            irn: irn?.number, irnDate: irn?.date)
    }
}
