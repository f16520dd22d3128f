/// Why a GSTR-3B offset was refused; nothing changed.
public enum GSTR3BOffsetError: Error, Hashable, Sendable {
    case unknownTaxpayer
    /// The period has not ended yet on the tenant clock (GSTN: RT-3BGV1005).
    case periodNotOpen
    case gstr1NotFiled
    case alreadyFiled
    /// Nothing saved for the period: GSTN offsets a saved (submitted) GSTR-3B only.
    case notSaved
    case alreadyOffset
    /// The taxpayer files quarterly (QRMP) and the period is not its quarter's last month.
    case quarterlyFiler
    case refused(OffsetRefusal)
}

/// Why a cash deposit (a paid challan) was refused.
public enum CashDepositError: Error, Hashable, Sendable {
    case unknownTaxpayer
    /// Negative, or nothing at all.
    case invalidAmounts
}

extension TenantState {
    /// `gstin`'s ledgers; empty for a GSTIN that is not a taxpayer of this world.
    public func ledgers(of gstin: GSTIN) -> Ledgers { taxpayers[gstin]?.ledgers ?? Ledgers() }

    /// What the period's GSTR-3B (saved, else auto-populated) makes payable, in whole rupees: table 3.1(a)
    /// on the ledger other than reverse charge, 3.1(d) on the reverse-charge ledger; a head below zero
    /// (credit notes beyond the supplies) pays nothing. Nil when `gstin` is not a taxpayer.
    public mutating func gstr3bLiability(gstin: GSTIN, period: ReturnPeriod) -> GSTR3BLiability? {
        gstr3bSummary(gstin: gstin, period: period)?.liability
    }

    /// The period's net ITC (table 4(C)) that its payment will credit to the credit ledger, in whole
    /// rupees; zero once the period is paid or filed (it is in the ledger then).
    public mutating func pendingITC(gstin: GSTIN, period: ReturnPeriod) -> TaxTotals {
        guard taxpayers[gstin]?.ledgers.payments[period] == nil, !isGSTR3BFiled(gstin: gstin, period: period),
              isGSTR1Filed(gstin: gstin, period: period), let s = gstr3bSummary(gstin: gstin, period: period) else { return .zero }
        return s.figures.netITC.clampedAtZero.roundedToRupees
    }

    /// The balances a payment of `period` can use: the cash ledger, and the credit ledger plus the
    /// period's own ITC not yet credited (GSTN credits it when the return is submitted for payment).
    public mutating func ledgerBalances(gstin: GSTIN, period: ReturnPeriod) -> (cash: CashAmounts, credit: TaxTotals) {
        let l = ledgers(of: gstin)
        return (l.cashBalance, l.creditBalance + pendingITC(gstin: gstin, period: period))
    }

    /// Credits the cash ledger with a paid challan. `reference` defaults to a CPIN-like number.
    @discardableResult
    public mutating func depositCash(gstin: GSTIN, amounts: CashAmounts, reference: String? = nil,
                                     description: String = "Cash deposit (challan)") throws(CashDepositError) -> LedgerEntry<CashAmounts> {
        guard var t = taxpayers[gstin] else { throw .unknownTaxpayer }
        guard amounts.isNonNegative, amounts.total > .zero else { throw .invalidAmounts }
        let ref = reference ?? challanNumber(gstin: gstin)
        guard t.ledgers.postCash(at: now, reference: ref, description: description, period: nil, .credit, amounts) else {
            throw .invalidAmounts
        }
        taxpayers[gstin] = t
        record("cash ledger \(gstin.value): challan \(ref) credited \(amounts.total)")
        return t.ledgers.cash[t.ledgers.cash.count - 1]
    }

    /// Pays the period's GSTR-3B liability as `plan` says (GSTN's offset liability): credits the period's
    /// ITC, posts the liability, debits the credit and cash ledgers and discharges the liability — all
    /// or nothing. Once per period.
    public mutating func offsetGSTR3BLiability(gstin: GSTIN, period: ReturnPeriod, plan: OffsetPlan) throws(GSTR3BOffsetError) {
        settleJobs()
        guard taxpayers[gstin] != nil else { throw .unknownTaxpayer }
        guard today >= CivilDate(firstDayOf: period.next) else { throw .periodNotOpen }
        guard !isGSTR3BFiled(gstin: gstin, period: period) else { throw .alreadyFiled }
        guard isGSTR1Filed(gstin: gstin, period: period) else { throw .gstr1NotFiled }
        guard takesMonthlyReturns(gstin: gstin, period: period) else { throw .quarterlyFiler }
        guard taxpayers[gstin]?.ledgers.payments[period] == nil else { throw .alreadyOffset }
        guard gstr3bDrafts[RecipientPeriod(recipient: gstin, period: period)] != nil else { throw .notSaved }
        guard let liability = gstr3bLiability(gstin: gstin, period: period) else { throw .unknownTaxpayer }
        let itc = pendingITC(gstin: gstin, period: period)
        let (cash, credit) = ledgerBalances(gstin: gstin, period: period)
        if let refusal = SetOff.verdict(plan, liability: liability, cash: cash, credit: credit) { throw .refused(refusal) }
        guard pay(gstin: gstin, period: period, liability: liability, plan: plan, itc: itc) else {
            throw .refused(OffsetRefusal(reason: "a ledger would go negative"))   // unreachable after the verdict
        }
        record("GSTR-3B \(gstin.value) \(period.mmyyyy) liability offset: \(SetOff.describe(liability.total)) paid")
    }

    /// Posts a payment to `gstin`'s ledgers on a copy, committed only when every entry fits.
    mutating func pay(gstin: GSTIN, period: ReturnPeriod, liability: GSTR3BLiability, plan: OffsetPlan, itc: TaxTotals) -> Bool {
        guard var t = taxpayers[gstin] else { return false }
        var l = t.ledgers
        let at = now
        let ack = entryNumber(prefix: "AB", gstin: gstin, period: period)
        let debit = entryNumber(prefix: "DI", gstin: gstin, period: period)
        let cashDebit = entryNumber(prefix: "DC", gstin: gstin, period: period)
        var ok = true
        if itc != .zero {
            ok = ok && l.postCredit(at: at, reference: ack, description: "ITC accrued through - Inputs", period: period, .credit, itc)
        }
        var ledgerIDs: [LiabilityKind: Int64] = [:]
        for kind in LiabilityKind.allCases {
            ledgerIDs[kind] = 700_000_000 + Int64(ids.next() % 100_000_000)
            let due = liability[kind]
            guard due != .zero else { continue }
            ok = ok && l.postLiability(at: at, reference: ack, description: kind.description, period: period, .debit, due)
        }
        let fromCredit = plan.credit.fromCredit
        if fromCredit != .zero {
            ok = ok && l.postCredit(at: at, reference: debit, description: LiabilityKind.otherThanReverseCharge.description, period: period, .debit, fromCredit)
            ok = ok && l.postLiability(at: at, reference: debit, description: LiabilityKind.otherThanReverseCharge.description, period: period, .credit,
                                       CashAmounts(tax: plan.credit.paid))
        }
        for kind in LiabilityKind.allCases where plan.cash[kind] != .zero {
            ok = ok && l.postCash(at: at, reference: cashDebit, description: kind.description, period: period, .debit, plan.cash[kind])
            ok = ok && l.postLiability(at: at, reference: cashDebit, description: kind.description, period: period, .credit, plan.cash[kind])
        }
        guard ok else { return false }
        l.payments[period] = GSTR3BPayment(at: at, liability: liability, plan: plan, creditedITC: itc, ledgerIDs: ledgerIDs)
        t.ledgers = l
        taxpayers[gstin] = t
        return true
    }

    /// Whether the period's GSTR-3B may be filed as far as payment goes: paid, or nothing to pay. A
    /// return with nothing to pay and no payment yet is "paid" by filing it (its ITC is credited then).
    mutating func settleZeroLiabilityAtFiling(gstin: GSTIN, period: ReturnPeriod) -> Bool {
        guard taxpayers[gstin]?.ledgers.payments[period] == nil else { return true }
        guard let liability = gstr3bLiability(gstin: gstin, period: period), liability.isZero else { return false }
        return pay(gstin: gstin, period: period, liability: liability, plan: OffsetPlan(), itc: pendingITC(gstin: gstin, period: period))
    }

    /// GSTN's ledger entry numbers: a two-letter kind, the state code, MMYY and seven digits
    /// (`DI2401230352830` debits the credit ledger, `DC…` the cash ledger; `AB…` acknowledges a return's
    /// credit, `AA…` a filing).
    func entryNumberText(prefix: String, gstin: GSTIN, period: ReturnPeriod, digits: UInt64) -> String {
        let mm = period.month < 10 ? "0\(period.month)" : "\(period.month)"
        let yy = period.year % 100
        let d = String(digits % 10_000_000)
        return prefix + gstin.stateCode.value + mm + (yy < 10 ? "0" : "") + String(yy) + String(repeating: "0", count: 7 - d.count) + d
    }

    mutating func entryNumber(prefix: String, gstin: GSTIN, period: ReturnPeriod) -> String {
        entryNumberText(prefix: prefix, gstin: gstin, period: period, digits: ids.next())
    }

    /// A challan's CPIN: YYMM of today, the state code and eight digits (14 digits).
    mutating func challanNumber(gstin: GSTIN) -> String {
        let d = today
        let yy = d.year % 100, mm = d.month
        let n = String(ids.next() % 100_000_000)
        return (yy < 10 ? "0" : "") + String(yy) + (mm < 10 ? "0" : "") + String(mm) + gstin.stateCode.value
            + String(repeating: "0", count: 8 - n.count) + n
    }
}

extension LiabilityKind: CustomStringConvertible {
    /// GSTN's `tran_desc` (as GET GSTR-3B after an offset writes it).
    public var description: String {
        switch self {
        case .otherThanReverseCharge: return "Other than Reverse Charge"
        case .reverseCharge: return "Reverse charge and supplies made u/s 9(5)"
        }
    }
}
