/// A taxpayer's aggregate turnover for a financial year (AATO), as GSTN's front office reports it: the
/// turnover its filed GSTR-1s show, per GSTIN and across its PAN, and the estimate GSTN works with —
/// the scenario's declared figure when it gives one, else the filed turnover.
public struct AggregateTurnover: Hashable, Sendable {
    public var yearStart: Int
    /// `gsttofil`: taxable value of the GSTIN's filed outward documents (notes netted).
    public var filedByGSTIN: Amount
    /// `pantofil`: the same across every GSTIN of the PAN the world knows.
    public var filedByPAN: Amount
    /// `estgstto` / `finalgstto`: what GSTN holds for the GSTIN.
    public var declared: Amount
    /// `estpanto` / `finalpanto`.
    public var declaredByPAN: Amount
}

extension TenantState {
    /// The AATO of `gstin` for the financial year starting in `yearStart`.
    public func aggregateTurnover(gstin: GSTIN, yearStart: Int) -> AggregateTurnover {
        func filed(_ g: GSTIN) -> Amount {
            var total = Amount.zero
            for d in documents.issued(by: g) where d.filing.filed && !d.section.isAmendment && d.filing.period.financialYearStart == yearStart {
                total = d.section.kind == .creditNote ? total - d.taxableValue : total + d.taxableValue
            }
            return total
        }
        func declared(_ g: GSTIN) -> Amount { taxpayers[g]?.declaredTurnover[yearStart] ?? filed(g) }
        let samePAN = parties.keys.filter { $0.pan == gstin.pan }
        var byPAN = Amount.zero, declaredByPAN = Amount.zero
        for g in samePAN { byPAN = byPAN + filed(g); declaredByPAN = declaredByPAN + declared(g) }
        if parties[gstin] == nil { byPAN = byPAN + filed(gstin); declaredByPAN = declaredByPAN + declared(gstin) }
        return AggregateTurnover(yearStart: yearStart, filedByGSTIN: filed(gstin), filedByPAN: byPAN,
                                 declared: declared(gstin), declaredByPAN: declaredByPAN)
    }

    /// The HSN digits GSTR-1 needs for a period: 6 when the previous year's aggregate turnover exceeded
    /// ₹5 crore, else 4 (CBIC notification 78/2020-CT).
    public func requiredHSNDigits(gstin: GSTIN, period: ReturnPeriod) -> Int {
        aggregateTurnover(gstin: gstin, yearStart: period.financialYearStart - 1).declaredByPAN > Self.qrmpTurnoverLimit ? 6 : 4
    }
}
