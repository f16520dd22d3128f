import GSTCore
import Testing

/// GSTN's set-off rules as a pure check (`SetOff.verdict`): the official example passes; each rule,
/// broken alone, is refused with its reason.
private func rupees(_ r: Int64) -> Amount { Amount(rupees: r) }

@Suite struct SetOffTests {

    /// The official "after offsetting liabilities" return: 3.1(a) IGST 376705, CGST/SGST 8127; 3.1(d)
    /// CGST/SGST 9000; ITC IGST 218140, CGST/SGST 33384.
    static let liability = GSTR3BLiability(
        otherThanReverseCharge: CashAmounts(tax: TaxTotals(igst: rupees(376_705), cgst: rupees(8_127), sgst: rupees(8_127))),
        reverseCharge: CashAmounts(tax: TaxTotals(cgst: rupees(9_000), sgst: rupees(9_000))))
    static let credit = TaxTotals(igst: rupees(218_140), cgst: rupees(33_384), sgst: rupees(33_384))
    static let cash = CashAmounts(igst: MinorHeads(tax: rupees(200_000)), cgst: MinorHeads(tax: rupees(9_000)), sgst: MinorHeads(tax: rupees(9_000)))

    /// The official offset request, as a plan.
    static var official: OffsetPlan {
        var p = OffsetPlan()
        p.cash.otherThanReverseCharge = CashAmounts(igst: MinorHeads(tax: rupees(108_051)))
        p.cash.reverseCharge = CashAmounts(cgst: MinorHeads(tax: rupees(9_000)), sgst: MinorHeads(tax: rupees(9_000)))
        p.credit.igstByIGST = rupees(218_140); p.credit.igstByCGST = rupees(25_257); p.credit.igstBySGST = rupees(25_257)
        p.credit.cgstByCGST = rupees(8_127); p.credit.sgstBySGST = rupees(8_127)
        return p
    }

    func verdict(_ p: OffsetPlan, cash: CashAmounts = cash, credit: TaxTotals = credit) -> String? {
        SetOff.verdict(p, liability: Self.liability, cash: cash, credit: credit)?.reason
    }

    @Test func theOfficialExamplePasses() {
        #expect(verdict(Self.official) == nil)
        #expect(Self.official.credit.fromCredit == Self.credit)   // every credit used, as GSTN's example does
    }

    @Test func eachRuleBrokenAloneIsRefused() {
        var partial = Self.official
        partial.cash.otherThanReverseCharge.igst.tax = rupees(108_050)
        #expect(verdict(partial)?.contains("other than reverse charge") == true)

        var excess = Self.official
        excess.cash.reverseCharge.cgst.tax = rupees(9_001)
        #expect(verdict(excess)?.contains("reverse charge (30003)") == true)

        // Reverse-charge tax paid with credit: the 30002 ledger is overpaid by what 30003 lacks.
        var rcmByCredit = Self.official
        rcmByCredit.cash.reverseCharge.cgst.tax = .zero
        rcmByCredit.credit.cgstByCGST = rupees(17_127)
        #expect(verdict(rcmByCredit) != nil)

        // CGST credit paying IGST while IGST credit is left (Rule 88A).
        var early = Self.official
        early.credit.igstByIGST = rupees(218_000); early.credit.igstByCGST = rupees(25_397)
        #expect(verdict(early)?.contains("Rule 88A") == true)

        // IGST credit paying CGST before the IGST liability is paid by it (s.49(5)(a)).
        var crossFirst = Self.official
        crossFirst.credit.igstByIGST = rupees(218_039); crossFirst.credit.cgstByIGST = rupees(101)
        crossFirst.credit.cgstByCGST = rupees(8_026); crossFirst.cash.otherThanReverseCharge.igst.tax = rupees(108_152)
        #expect(verdict(crossFirst)?.contains("s.49(5)(a)") == true)

        // CGST credit paying IGST while cash pays CGST (s.49(5)(b)).
        var cashFirst = Self.official
        cashFirst.credit.cgstByCGST = rupees(8_000); cashFirst.cash.otherThanReverseCharge.cgst.tax = rupees(127)
        cashFirst.credit.igstByCGST = rupees(25_384); cashFirst.cash.otherThanReverseCharge.igst.tax = rupees(107_924)
        #expect(verdict(cashFirst)?.contains("s.49(5)(b)") == true)

        // Beyond the ledgers.
        #expect(verdict(Self.official, credit: TaxTotals(igst: rupees(218_140), cgst: rupees(33_000), sgst: rupees(33_384)))?
            .contains("CGST credit used is 33384") == true)
        #expect(verdict(Self.official, cash: CashAmounts(igst: MinorHeads(tax: rupees(108_050))))?.contains("exceeds the cash ledger") == true)

        // Interest owed is paid in cash under its minor head only.
        var interest = Self.official
        interest.cash.otherThanReverseCharge.igst.interest = rupees(5)
        #expect(verdict(interest) != nil)
    }

    @Test func rupeesRoundHalfAwayFromZero() {
        #expect(Amount(paise: 37_670_519).roundedToRupees == rupees(376_705))
        #expect(Amount(paise: 812_733).roundedToRupees == rupees(8_127))
        #expect(Amount(paise: 5_050).roundedToRupees == rupees(51))
        #expect(Amount(paise: -5_050).roundedToRupees == rupees(-51))
    }

    @Test func ledgersNeverGoNegative() {
        var l = Ledgers()
        let deposited = l.postCash(at: 0, reference: "C1", description: "deposit", period: nil, .credit, CashAmounts(igst: MinorHeads(tax: rupees(10))))
        let overdrawn = l.postCash(at: 1, reference: "D1", description: "debit", period: nil, .debit, CashAmounts(igst: MinorHeads(tax: rupees(11))))
        let otherHead = l.postCash(at: 1, reference: "D2", description: "debit", period: nil, .debit, CashAmounts(cgst: MinorHeads(tax: rupees(1))))
        let negative = l.postCredit(at: 1, reference: "N", description: "negative", period: nil, .credit, TaxTotals(igst: rupees(-1)))
        #expect(deposited && !overdrawn && !otherHead && !negative)
        #expect(l.cash.count == 1 && l.credit.isEmpty)
        let emptied = l.postCash(at: 2, reference: "D3", description: "debit", period: nil, .debit, CashAmounts(igst: MinorHeads(tax: rupees(10))))
        #expect(emptied)
        #expect(l.cashBalance == .zero && l.cash.last?.balance == .zero)
    }
}
