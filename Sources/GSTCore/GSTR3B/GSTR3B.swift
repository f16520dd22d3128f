/// Taxable value and tax heads of one GSTR-3B line.
public struct GSTR3BLine: Hashable, Sendable {
    public var taxableValue: Amount
    public var taxes: TaxTotals
    public init(taxableValue: Amount = .zero, taxes: TaxTotals = .zero) { self.taxableValue = taxableValue; self.taxes = taxes }
    public static let zero = GSTR3BLine()
}

/// The GSTR-3B figures a taxpayer saved (table 3.1(a) outward taxable supplies, 3.1(d) inward supplies
/// liable to reverse charge, 4(C) net ITC available) or GSTN drafted, with 4(B)(2) "other" ITC reversed
/// (credit notes in GSTR-2B's `othersup`), so 4(A)(5) "all other ITC" is net plus reversed: the
/// gross ITC, never made negative by the credit notes it carries.
public struct GSTR3BDraft: Hashable, Sendable {
    public var outward: GSTR3BLine
    public var inwardReverseCharge: GSTR3BLine
    public var netITC: TaxTotals
    public var reversedITC: TaxTotals
    public init(outward: GSTR3BLine = .zero, inwardReverseCharge: GSTR3BLine = .zero, netITC: TaxTotals = .zero,
                reversedITC: TaxTotals = .zero) {
        self.outward = outward; self.inwardReverseCharge = inwardReverseCharge; self.netITC = netITC
        self.reversedITC = reversedITC
    }

    /// 4(A)(5), all other ITC: what 4(C) nets before the 4(B)(2) reversal.
    public var availableITC: TaxTotals { netITC + reversedITC }
}

/// A taxpayer's GSTR-3B for a period: the saved figures, or (nothing saved) the figures GSTN
/// auto-populates — outward supplies from the taxpayer's own GSTR-1 documents, reverse-charge inward
/// supplies and ITC from the period's GSTR-2B.
public struct GSTR3BSummary: Hashable, Sendable {
    public var gstin: GSTIN
    public var period: ReturnPeriod
    public var figures: GSTR3BDraft
    /// Whether `figures` are what the taxpayer saved (else auto-populated).
    public var saved: Bool
    public var filed: Bool
    /// The payment made (offset liability), if any: its liability is the one paid.
    public var payment: GSTR3BPayment?

    /// What the return makes payable: the paid liability once paid, else the figures'.
    public var liability: GSTR3BLiability { payment?.liability ?? GSTR3BLiability(figures: figures) }
}

/// GSTR-3B as GSTN auto-populates it, by source table: outward invoices (GSTR-1 table 4A) and notes
/// (table 9B, credit notes negative), reverse-charge inward supplies and ITC from GSTR-2B.
public struct GSTR3BAutoPopulation: Hashable, Sendable {
    public var outwardInvoices = GSTR3BLine.zero
    public var outwardNotes = GSTR3BLine.zero
    public var inwardReverseCharge = GSTR3BLine.zero
    /// 4(C): ITC available net of the credit notes in GSTR-2B's `othersup`.
    public var netITC = TaxTotals.zero
    /// The credit notes' ITC (4(B)(2) "other" reversal; auto-liability-calc's `itcavl_cn`).
    public var creditNoteITC = TaxTotals.zero
    public var gstr1FiledOn: CivilDate?
    public var gstr2bGeneratedOn: CivilDate?

    public init() {}

    /// The figures GET GSTR-3B shows when nothing is saved.
    public var figures: GSTR3BDraft {
        GSTR3BDraft(outward: GSTR3BLine(taxableValue: outwardInvoices.taxableValue + outwardNotes.taxableValue,
                                        taxes: outwardInvoices.taxes + outwardNotes.taxes),
                    inwardReverseCharge: inwardReverseCharge, netITC: netITC, reversedITC: creditNoteITC)
    }
}

/// Why a GSTR-3B save was refused before any job started.
public enum GSTR3BSaveError: Error, Hashable, Sendable {
    case unknownTaxpayer
    case alreadyFiled
    /// GSTR-1 of the period is not filed (GSTN then refuses the 3B: RT-R3BQ1004).
    case gstr1NotFiled
    /// The period's liability is already paid: the figures it was paid on stay.
    case alreadyOffset
    /// The taxpayer files quarterly (QRMP) and the period is not its quarter's last month.
    case quarterlyFiler
}

/// Why filing GSTR-3B as a return was refused.
public enum GSTR3BReturnFilingError: Error, Hashable, Sendable {
    case unknownTaxpayer
    case alreadyFiled
    /// GSTR-1 of the period is not filed yet (GSTN refuses 3B filing then).
    case gstr1NotFiled
    /// The period's liability is not paid (offset liability first).
    case liabilityNotPaid
    /// The taxpayer files quarterly (QRMP) and the period is not its quarter's last month.
    case quarterlyFiler
}

extension TenantState {
    /// The GSTR-3B of `gstin` for `period`; nil when `gstin` is not a taxpayer of this world.
    /// Mutating because it reads the period's GSTR-2B, which may be generated on first read.
    public mutating func gstr3bSummary(gstin: GSTIN, period: ReturnPeriod) -> GSTR3BSummary? {
        settleJobs()
        guard taxpayers[gstin] != nil else { return nil }
        let filed = isGSTR3BFiled(gstin: gstin, period: period)
        let payment = taxpayers[gstin]?.ledgers.payments[period]
        if let draft = gstr3bDrafts[RecipientPeriod(recipient: gstin, period: period)] {
            return GSTR3BSummary(gstin: gstin, period: period, figures: draft, saved: true, filed: filed, payment: payment)
        }
        let figures = gstr3bAutoPopulation(gstin: gstin, period: period).figures
        return GSTR3BSummary(gstin: gstin, period: period, figures: figures, saved: false, filed: filed, payment: payment)
    }

    /// What GSTN auto-populates into `gstin`'s GSTR-3B of `period` (its own GSTR-1 documents; the
    /// period's GSTR-2B, generated on first read), table by table: the one computation behind GET
    /// GSTR-3B (when nothing is saved), its liability and auto-liability-calc.
    public mutating func gstr3bAutoPopulation(gstin: GSTIN, period: ReturnPeriod) -> GSTR3BAutoPopulation {
        var auto = GSTR3BAutoPopulation()
        for d in documents.issued(by: gstin) where d.filing.period == period && !d.section.isAmendment {
            if d.section.kind == .creditNote || d.section.kind == .debitNote {
                auto.outwardNotes = auto.outwardNotes.adding(d, sign: d.section.kind == .creditNote ? -1 : 1)
            } else {
                auto.outwardInvoices = auto.outwardInvoices.adding(d, sign: 1)
            }
        }
        auto.gstr1FiledOn = gstr1Returns[SupplierPeriod(supplier: gstin, period: period)]?.filedOn
        if case .available(let twoB) = gstr2b(recipient: gstin, period: period) {
            auto.netITC = twoB.itcSummary.netAvailable
            auto.creditNoteITC = twoB.itcSummary.available.total(of: .othersup)
            auto.gstr2bGeneratedOn = twoB.generatedOn
            for entry in twoB.allDocuments where entry.document.reverseCharge && !entry.document.section.isAmendment {
                let d = entry.document
                auto.inwardReverseCharge = auto.inwardReverseCharge.adding(d, sign: d.section.kind == .creditNote ? -1 : 1)
            }
        }
        return auto
    }

    /// Starts a GSTR-3B SAVE job for `figures` (nil: the body was refused; the job is accepted as a
    /// refused job and ends in error). Returns its reference id. Refused outright once the period's
    /// GSTR-3B is filed.
    public mutating func submitGSTR3BSave(gstin: GSTIN, period: ReturnPeriod, figures: GSTR3BDraft?) throws(GSTR3BSaveError) -> String {
        settleJobs()
        guard taxpayers[gstin] != nil else { throw .unknownTaxpayer }
        guard !isGSTR3BFiled(gstin: gstin, period: period) else { throw .alreadyFiled }
        guard isGSTR1Filed(gstin: gstin, period: period) else { throw .gstr1NotFiled }
        guard taxpayers[gstin]?.ledgers.payments[period] == nil else { throw .alreadyOffset }
        guard takesMonthlyReturns(gstin: gstin, period: period) else { throw .quarterlyFiler }
        let job = figures.map { ReturnJob(form: .gstr3b, action: .save, period: period, gstr3b: $0) }
            ?? ReturnJob(form: .gstr3b, action: .save, period: period, refusal: .malformedStructure)
        // The official save example's `reference_id` is a UUID, not GSTN's 15-hex id.
        return submitJob(job, recipient: gstin, uuid: true)
    }

    /// Whether `gstin` filed GSTR-1 for `period`.
    public func isGSTR1Filed(gstin: GSTIN, period: ReturnPeriod) -> Bool {
        taxpayers[gstin]?.gstr1Filed.contains(period) ?? false
    }

    /// Whether GSTN shows `gstin`'s GSTR-3B of `period`: once its GSTR-1 is filed (GET and SAVE answer
    /// RT-R3BQ1004 before that), or once the 3B itself is filed.
    public func isGSTR3BOpen(gstin: GSTIN, period: ReturnPeriod) -> Bool {
        isGSTR1Filed(gstin: gstin, period: period) || isGSTR3BFiled(gstin: gstin, period: period)
    }

    /// Files GSTR-3B as a return: GSTR-1 of the period must be filed first, and its liability paid
    /// (`offsetGSTR3BLiability`; a return with nothing to pay is settled here, crediting its ITC); then
    /// `fileGSTR3B` (the period's accepted/rejected records leave IMS; later 2B regeneration is refused).
    /// Returns the acknowledgement as the official example writes it: the number, `AA` + state code +
    /// MMYY + seven digits (drawn from the id generator), then the filing's IST date and time,
    /// `DD/MM/YYYY HH:mm`.
    public mutating func fileGSTR3BReturn(gstin: GSTIN, period: ReturnPeriod) throws(GSTR3BReturnFilingError) -> String {
        settleJobs()
        guard taxpayers[gstin] != nil else { throw .unknownTaxpayer }
        guard !isGSTR3BFiled(gstin: gstin, period: period) else { throw .alreadyFiled }
        guard isGSTR1Filed(gstin: gstin, period: period) else { throw .gstr1NotFiled }
        guard takesMonthlyReturns(gstin: gstin, period: period) else { throw .quarterlyFiler }
        guard settleZeroLiabilityAtFiling(gstin: gstin, period: period) else { throw .liabilityNotPaid }
        do { try fileGSTR3B(gstin: gstin, period: period) } catch {
            switch error {
            case .unknownTaxpayer: throw .unknownTaxpayer
            case .alreadyFiled: throw .alreadyFiled
            }
        }
        let number = entryNumber(prefix: "AA", gstin: gstin, period: period)
        recordFiling(ReturnFiling(form: .gstr3b, period: period, arn: number, filedOn: today, mode: "GSP"), of: gstin)
        return number + " " + CivilDate(epochMilliseconds: now).slashed + " " + Self.istClock(now)
    }

    /// `HH:mm` of an instant in IST.
    public static func istClock(_ ms: Int64) -> String {
        let local = ms.addingReportingOverflow(CivilDate.istOffsetMilliseconds)
        let instant = local.overflow ? Int64.max : local.partialValue
        let minuteOfDay = Int((instant % 86_400_000 + 86_400_000) % 86_400_000 / 60_000)
        let (h, m) = (minuteOfDay / 60, minuteOfDay % 60)
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}

extension GSTR3BLine {
    func adding(_ d: Document, sign: Int64) -> GSTR3BLine {
        func s(_ a: Amount) -> Amount { sign < 0 ? -a : a }
        var l = self
        l.taxableValue = l.taxableValue + s(d.taxableValue)
        l.taxes = l.taxes + TaxTotals(igst: s(d.igst), cgst: s(d.cgst), sgst: s(d.sgst), cess: s(d.cess))
        return l
    }
}
