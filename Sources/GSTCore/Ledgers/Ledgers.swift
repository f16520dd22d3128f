/// Whether an entry adds to a ledger or takes from it (GSTN's `tr_typ` "Cr" / "Dr").
public enum LedgerDirection: String, Hashable, Sendable {
    case credit = "Cr", debit = "Dr"
}

/// One row of an append-only ledger: when, which document, why, how much and the balance after it.
public struct LedgerEntry<Amounts: Hashable & Sendable>: Hashable, Sendable {
    /// Epoch milliseconds on the tenant clock.
    public var at: Int64
    /// GSTN's `ref_no`: a challan's CPIN/CIN, a return's debit entry number.
    public var reference: String
    public var description: String
    /// The return period the entry belongs to (`ret_period`), when it belongs to one.
    public var period: ReturnPeriod?
    public var direction: LedgerDirection
    public var amounts: Amounts
    /// The ledger's balance after this entry.
    public var balance: Amounts

    public init(at: Int64, reference: String, description: String, period: ReturnPeriod?, direction: LedgerDirection,
                amounts: Amounts, balance: Amounts) {
        self.at = at; self.reference = reference; self.description = description; self.period = period
        self.direction = direction; self.amounts = amounts; self.balance = balance
    }
}

/// A taxpayer's electronic ledgers: cash (per head and minor head), credit (ITC per head) and the return
/// liability ledger (liability posted by a return, debit; discharged by payment, credit), plus the
/// GSTR-3B payments made. Every list only grows; the cash and credit balances never go negative (an
/// append that would make them is refused and changes nothing).
public struct Ledgers: Hashable, Sendable {
    public private(set) var cash: [LedgerEntry<CashAmounts>] = []
    public private(set) var credit: [LedgerEntry<TaxTotals>] = []
    public private(set) var liability: [LedgerEntry<CashAmounts>] = []
    /// GSTR-3B payments (offset liability), by return period.
    public internal(set) var payments: [ReturnPeriod: GSTR3BPayment] = [:]

    public init() {}

    public var isEmpty: Bool { cash.isEmpty && credit.isEmpty && liability.isEmpty && payments.isEmpty }
    public var cashBalance: CashAmounts { cash.last?.balance ?? .zero }
    public var creditBalance: TaxTotals { credit.last?.balance ?? .zero }
    /// The liability still to be discharged, across periods.
    public var liabilityBalance: CashAmounts { liability.last?.balance ?? .zero }

    /// Appends to the cash ledger; false (nothing changed) when an amount is negative or a debit
    /// exceeds the balance.
    @discardableResult
    public mutating func postCash(at: Int64, reference: String, description: String, period: ReturnPeriod?,
                                  _ direction: LedgerDirection, _ amounts: CashAmounts) -> Bool {
        guard amounts.isNonNegative else { return false }
        let after = direction == .credit ? cashBalance + amounts : cashBalance - amounts
        guard after.isNonNegative else { return false }
        cash.append(LedgerEntry(at: at, reference: reference, description: description, period: period,
                                direction: direction, amounts: amounts, balance: after))
        return true
    }

    /// Appends to the credit ledger, with the cash ledger's rules.
    @discardableResult
    public mutating func postCredit(at: Int64, reference: String, description: String, period: ReturnPeriod?,
                                    _ direction: LedgerDirection, _ amounts: TaxTotals) -> Bool {
        guard amounts.isNonNegative else { return false }
        let after = direction == .credit ? creditBalance + amounts : creditBalance - amounts
        guard after.isNonNegative else { return false }
        credit.append(LedgerEntry(at: at, reference: reference, description: description, period: period,
                                  direction: direction, amounts: amounts, balance: after))
        return true
    }

    /// Appends to the return liability ledger: a debit posts liability, a credit discharges it.
    @discardableResult
    public mutating func postLiability(at: Int64, reference: String, description: String, period: ReturnPeriod?,
                                       _ direction: LedgerDirection, _ amounts: CashAmounts) -> Bool {
        guard amounts.isNonNegative else { return false }
        let after = direction == .debit ? liabilityBalance + amounts : liabilityBalance - amounts
        guard after.isNonNegative else { return false }
        liability.append(LedgerEntry(at: at, reference: reference, description: description, period: period,
                                     direction: direction, amounts: amounts, balance: after))
        return true
    }
}

/// The balances a scenario opens a taxpayer's cash and credit ledgers with.
public struct OpeningBalances: Hashable, Sendable {
    public var cash: CashAmounts
    public var credit: TaxTotals

    public init(cash: CashAmounts = .zero, credit: TaxTotals = .zero) { self.cash = cash; self.credit = credit }
}

extension Ledgers {
    /// The reference of the entries a scenario's opening balances post.
    public static let openingReference = "OPENING"

    /// Posts `opening` as "Opening balance" credits at `at` (nothing for a zero ledger).
    public mutating func open(with opening: OpeningBalances, at: Int64) {
        if opening.cash != .zero { postCash(at: at, reference: Self.openingReference, description: "Opening balance", period: nil, .credit, opening.cash) }
        if opening.credit != .zero { postCredit(at: at, reference: Self.openingReference, description: "Opening balance", period: nil, .credit, opening.credit) }
    }

    /// Restores a payment a saved tenant made (its entries are replayed separately).
    public mutating func restore(_ payment: GSTR3BPayment, for period: ReturnPeriod) { payments[period] = payment }
}
