/// One tax head's amounts in the electronic cash ledger and the return liability ledger: GSTN's minor
/// heads `tx`, `intr`, `pen`, `fee`, `oth` (tax, interest, penalty, late fee, others).
public struct MinorHeads: Hashable, Sendable, AdditiveArithmetic {
    public var tax: Amount
    public var interest: Amount
    public var penalty: Amount
    public var fee: Amount
    public var other: Amount

    public init(tax: Amount = .zero, interest: Amount = .zero, penalty: Amount = .zero, fee: Amount = .zero, other: Amount = .zero) {
        self.tax = tax; self.interest = interest; self.penalty = penalty; self.fee = fee; self.other = other
    }

    public static var zero: MinorHeads { MinorHeads() }
    public static func + (a: MinorHeads, b: MinorHeads) -> MinorHeads {
        MinorHeads(tax: a.tax + b.tax, interest: a.interest + b.interest, penalty: a.penalty + b.penalty,
                   fee: a.fee + b.fee, other: a.other + b.other)
    }
    public static func - (a: MinorHeads, b: MinorHeads) -> MinorHeads {
        MinorHeads(tax: a.tax - b.tax, interest: a.interest - b.interest, penalty: a.penalty - b.penalty,
                   fee: a.fee - b.fee, other: a.other - b.other)
    }
    /// GSTN's `tot`.
    public var total: Amount { tax + interest + penalty + fee + other }
    var isNonNegative: Bool { [tax, interest, penalty, fee, other].allSatisfy { $0 >= .zero } }
}

/// Cash-ledger (and liability-ledger) amounts: the four heads, each split into minor heads.
public struct CashAmounts: Hashable, Sendable, AdditiveArithmetic {
    public var igst: MinorHeads
    public var cgst: MinorHeads
    public var sgst: MinorHeads
    public var cess: MinorHeads

    public init(igst: MinorHeads = .zero, cgst: MinorHeads = .zero, sgst: MinorHeads = .zero, cess: MinorHeads = .zero) {
        self.igst = igst; self.cgst = cgst; self.sgst = sgst; self.cess = cess
    }

    /// Tax only (minor head `tx`) of each head.
    public init(tax t: TaxTotals) {
        self.init(igst: MinorHeads(tax: t.igst), cgst: MinorHeads(tax: t.cgst), sgst: MinorHeads(tax: t.sgst), cess: MinorHeads(tax: t.cess))
    }

    public static var zero: CashAmounts { CashAmounts() }
    public static func + (a: CashAmounts, b: CashAmounts) -> CashAmounts {
        CashAmounts(igst: a.igst + b.igst, cgst: a.cgst + b.cgst, sgst: a.sgst + b.sgst, cess: a.cess + b.cess)
    }
    public static func - (a: CashAmounts, b: CashAmounts) -> CashAmounts {
        CashAmounts(igst: a.igst - b.igst, cgst: a.cgst - b.cgst, sgst: a.sgst - b.sgst, cess: a.cess - b.cess)
    }
    /// All heads and minor heads together (GSTN's `tot_tr_amt` / `tot_rng_bal`).
    public var total: Amount { igst.total + cgst.total + sgst.total + cess.total }
    /// The tax minor head of each head.
    public var tax: TaxTotals { TaxTotals(igst: igst.tax, cgst: cgst.tax, sgst: sgst.tax, cess: cess.tax) }
    public var isNonNegative: Bool { [igst, cgst, sgst, cess].allSatisfy(\.isNonNegative) }
}

extension TaxTotals {
    var isNonNegative: Bool { [igst, cgst, sgst, cess].allSatisfy { $0 >= .zero } }
    /// Each head raised to zero when negative.
    var clampedAtZero: TaxTotals {
        TaxTotals(igst: max(igst, .zero), cgst: max(cgst, .zero), sgst: max(sgst, .zero), cess: max(cess, .zero))
    }
    /// Each head rounded to whole rupees, as GSTN states a return's liability and payment (`tx_pmt`).
    var roundedToRupees: TaxTotals {
        TaxTotals(igst: igst.roundedToRupees, cgst: cgst.roundedToRupees, sgst: sgst.roundedToRupees, cess: cess.roundedToRupees)
    }
}

extension Amount {
    /// To the nearest rupee, halves away from zero.
    public var roundedToRupees: Amount {
        let r = paise % 100
        let down = Amount(paise: paise - r)
        if r >= 50 { return down + Amount(paise: 100) }
        if r <= -50 { return down - Amount(paise: 100) }
        return down
    }
}
