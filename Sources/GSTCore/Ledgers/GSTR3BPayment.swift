/// GSTN's two liability ledgers of a GSTR-3B (`trans_typ`): tax on outward supplies, and tax the
/// taxpayer owes on inward supplies under reverse charge (and supplies made u/s 9(5)).
public enum LiabilityKind: Int, CaseIterable, Hashable, Sendable {
    case otherThanReverseCharge = 30002
    case reverseCharge = 30003
}

/// What a GSTR-3B makes payable, per liability ledger, in whole rupees (GSTN states `tx_pmt` so).
public struct GSTR3BLiability: Hashable, Sendable {
    public var otherThanReverseCharge: CashAmounts
    public var reverseCharge: CashAmounts

    public init(otherThanReverseCharge: CashAmounts = .zero, reverseCharge: CashAmounts = .zero) {
        self.otherThanReverseCharge = otherThanReverseCharge; self.reverseCharge = reverseCharge
    }

    /// The liability `figures` make payable (see `TenantState.gstr3bLiability`).
    public init(figures: GSTR3BDraft) {
        self.init(otherThanReverseCharge: CashAmounts(tax: figures.outward.taxes.clampedAtZero.roundedToRupees),
                  reverseCharge: CashAmounts(tax: figures.inwardReverseCharge.taxes.clampedAtZero.roundedToRupees))
    }

    public subscript(kind: LiabilityKind) -> CashAmounts {
        kind == .otherThanReverseCharge ? otherThanReverseCharge : reverseCharge
    }
    public var total: CashAmounts { otherThanReverseCharge + reverseCharge }
    public var isZero: Bool { total == .zero }
}

/// ITC applied to liability, as GSTN's offset body `pditc` names it: `<liability head>_pd<credit head>`.
/// There is no field for central tax paying State tax or the reverse, nor for cess crossing heads: the
/// body cannot even express what CGST Act s.49(5)(e)/(f) forbid.
public struct CreditUse: Hashable, Sendable {
    public var igstByIGST: Amount = .zero   // i_pdi
    public var igstByCGST: Amount = .zero   // i_pdc
    public var igstBySGST: Amount = .zero   // i_pds
    public var cgstByIGST: Amount = .zero   // c_pdi
    public var cgstByCGST: Amount = .zero   // c_pdc
    public var sgstByIGST: Amount = .zero   // s_pdi
    public var sgstBySGST: Amount = .zero   // s_pds
    public var cessByCess: Amount = .zero   // cs_pdcs

    public init() {}

    /// Credit taken from each head of the credit ledger.
    public var fromCredit: TaxTotals {
        TaxTotals(igst: igstByIGST + cgstByIGST + sgstByIGST, cgst: igstByCGST + cgstByCGST,
                  sgst: igstBySGST + sgstBySGST, cess: cessByCess)
    }
    /// Liability paid in each head.
    public var paid: TaxTotals {
        TaxTotals(igst: igstByIGST + igstByCGST + igstBySGST, cgst: cgstByIGST + cgstByCGST,
                  sgst: sgstByIGST + sgstBySGST, cess: cessByCess)
    }
    var all: [Amount] { [igstByIGST, igstByCGST, igstBySGST, cgstByIGST, cgstByCGST, sgstByIGST, sgstBySGST, cessByCess] }
}

/// A GSTR-3B offset request: cash per liability ledger (`pdcash`: tax, interest, late fee per head) and
/// ITC against the liability other than reverse charge (`pditc`).
public struct OffsetPlan: Hashable, Sendable {
    public var cash: GSTR3BLiability
    public var credit: CreditUse

    public init(cash: GSTR3BLiability = GSTR3BLiability(), credit: CreditUse = CreditUse()) {
        self.cash = cash; self.credit = credit
    }
}

/// A GSTR-3B payment made: what was payable, how it was paid, and the liability ledger ids
/// (`liab_ldg_id`) GET GSTR-3B shows with it.
public struct GSTR3BPayment: Hashable, Sendable {
    public var at: Int64
    public var liability: GSTR3BLiability
    public var plan: OffsetPlan
    /// ITC of the period credited to the credit ledger by this payment (table 4(C), whole rupees).
    public var creditedITC: TaxTotals
    public var ledgerIDs: [LiabilityKind: Int64]

    public init(at: Int64, liability: GSTR3BLiability, plan: OffsetPlan, creditedITC: TaxTotals, ledgerIDs: [LiabilityKind: Int64]) {
        self.at = at; self.liability = liability; self.plan = plan; self.creditedITC = creditedITC; self.ledgerIDs = ledgerIDs
    }
}

/// Why an offset does not meet GSTN's criteria. GSTN answers each with RT-3BAS1070 ("PARTIAL/EXCESS
/// payment is not allowed"); `reason` says which rule, for the developer.
public struct OffsetRefusal: Error, Hashable, Sendable {
    public var reason: String
}

/// GSTN's set-off rules for a GSTR-3B payment, as a pure check (CGST Act s.49(3)–(5), s.49A; CGST Rule 88A;
/// reverse-charge tax is not output tax, s.2(82), so only cash pays it):
/// - the liability of each ledger is paid exactly, neither partly nor in excess (RT-3BAS1070);
/// - credit never exceeds the credit ledger, cash never exceeds the cash ledger's minor head;
/// - IGST credit pays IGST first: it pays CGST or SGST only once the IGST liability is paid in full by it;
/// - CGST or SGST credit is used (for anything) only after the IGST credit is used up (Rule 88A);
/// - CGST (SGST) credit pays IGST only after it has paid the CGST (SGST) liability left after IGST credit;
/// - cess credit pays only cess; reverse-charge tax, interest and late fee only in cash (the body has no
///   field for anything else).
/// Not enforced: s.49(5)(c)'s proviso (SGST credit for IGST only when no CGST credit is left), which
/// Rule 88A's "in any order" superseded in GSTN's utilisation since 2019 — GSTN's own examples use both
/// in equal shares.
public enum SetOff {
    public static func verdict(_ plan: OffsetPlan, liability: GSTR3BLiability, cash: CashAmounts, credit: TaxTotals) -> OffsetRefusal? {
        let use = plan.credit
        func refuse(_ reason: String) -> OffsetRefusal { OffsetRefusal(reason: reason) }
        guard use.all.allSatisfy({ $0 >= .zero }), plan.cash.total.isNonNegative else {
            return refuse("amounts must not be negative")
        }
        // Exactly the liability, per ledger, head and minor head.
        let forward = liability.otherThanReverseCharge, reverse = liability.reverseCharge
        let paidForward = plan.cash.otherThanReverseCharge + CashAmounts(tax: use.paid)
        for (name, due, paid) in [("other than reverse charge (30002)", forward, paidForward),
                                  ("reverse charge (30003)", reverse, plan.cash.reverseCharge)] where due != paid {
            return refuse("the payment for \(name) is \(describe(paid)); the liability is \(describe(due))")
        }
        // Order of utilisation.
        if use.cgstByIGST + use.sgstByIGST > .zero, use.igstByIGST != forward.igst.tax {
            return refuse("IGST credit pays CGST or SGST only after it has paid the IGST liability in full (s.49(5)(a))")
        }
        if use.igstByCGST + use.cgstByCGST + use.igstBySGST + use.sgstBySGST > .zero, use.fromCredit.igst != credit.igst {
            return refuse("CGST or SGST credit is used only after the IGST credit (\(credit.igst)) is used up (Rule 88A)")
        }
        if use.igstByCGST > .zero, plan.cash.otherThanReverseCharge.cgst.tax > .zero {
            return refuse("CGST credit pays IGST only after it has paid the CGST liability (s.49(5)(b)); cash paid CGST instead")
        }
        if use.igstBySGST > .zero, plan.cash.otherThanReverseCharge.sgst.tax > .zero {
            return refuse("SGST credit pays IGST only after it has paid the SGST liability (s.49(5)(c)); cash paid SGST instead")
        }
        // Balances.
        let used = use.fromCredit
        for (head, have, take) in zip4(credit, used) where take > have {
            return refuse("\(head) credit used is \(take) but the credit ledger holds \(have)")
        }
        let cashUsed = plan.cash.total
        for (head, have, take) in [("IGST", cash.igst, cashUsed.igst), ("CGST", cash.cgst, cashUsed.cgst),
                                   ("SGST", cash.sgst, cashUsed.sgst), ("cess", cash.cess, cashUsed.cess)] {
            if let lack = shortfall(have, take) { return refuse("\(head) \(lack) paid in cash exceeds the cash ledger") }
        }
        return nil
    }

    static func zip4(_ have: TaxTotals, _ take: TaxTotals) -> [(String, Amount, Amount)] {
        [("IGST", have.igst, take.igst), ("CGST", have.cgst, take.cgst), ("SGST", have.sgst, take.sgst), ("cess", have.cess, take.cess)]
    }

    /// The minor head in which `take` exceeds `have`, named.
    static func shortfall(_ have: MinorHeads, _ take: MinorHeads) -> String? {
        if take.tax > have.tax { return "tax \(take.tax) (ledger \(have.tax))" }
        if take.interest > have.interest { return "interest \(take.interest) (ledger \(have.interest))" }
        if take.fee > have.fee { return "late fee \(take.fee) (ledger \(have.fee))" }
        if take.penalty > have.penalty { return "penalty \(take.penalty) (ledger \(have.penalty))" }
        if take.other > have.other { return "others \(take.other) (ledger \(have.other))" }
        return nil
    }

    static func describe(_ a: CashAmounts) -> String {
        var parts: [String] = []
        for (head, m) in [("IGST", a.igst), ("CGST", a.cgst), ("SGST", a.sgst), ("cess", a.cess)] {
            if m.tax != .zero { parts.append("\(head) tax \(m.tax)") }
            if m.interest != .zero { parts.append("\(head) interest \(m.interest)") }
            if m.fee != .zero { parts.append("\(head) late fee \(m.fee)") }
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}
