import GSTCore

/// One `generate` block of a scenario: N suppliers × M documents, created deterministically
/// from `seed`. Every knob has a default chosen to look like a mid-sized Indian business's
/// inward supplies; see `Scenarios/README.md` for the JSON spelling of each field.
public struct GenerateSpec: Hashable, Sendable {
    /// Who issues the generated documents.
    public enum SupplierSource: Hashable, Sendable {
        /// Create this many new suppliers (valid GSTINs, trade names).
        case new(count: Int)
        /// Use suppliers or taxpayers the scenario already declares (e.g. a taxpayer's outward supplies).
        case existing([GSTIN])
    }

    /// Who receives them.
    public enum RecipientSource: Hashable, Sendable {
        /// Every taxpayer of the scenario (`"all"` or `"taxpayers"`).
        case allTaxpayers
        /// Every hand-declared supplier (`"suppliers"`), e.g. customers of a taxpayer's outward supplies.
        case declaredSuppliers
        case listed([GSTIN])
    }

    public var seed: UInt64
    public var suppliers: SupplierSource
    public var documentsPerSupplier: Int
    public var recipients: RecipientSource
    public var periods: [ReturnPeriod]
    public var sections: Weights<IMSSection>
    public var statuses: Weights<IMSStatus>
    public var forms: Weights<SourceForm>
    public var invoiceTypes: Weights<InvoiceType>
    public var rates: Weights<TaxRate>
    /// Registration states of new suppliers.
    public var supplierStates: Weights<StateCode>
    public var itemsPerDocument: ClosedRange<Int>
    public var taxableValue: ClosedRange<Amount>
    /// Share of records with `ispendactblocked` = Y (never given status P).
    public var pendingBlockedPercent: Int
    /// Share of documents whose supplier return is filed (only if its filing date has passed on the clock).
    public var filedPercent: Int
    public var reverseChargePercent: Int
    /// Share of 28% lines that also carry compensation cess (12% of the taxable value).
    public var cessPercent: Int
    /// Share of invoices and notes reported through e-invoicing (they carry an IRN).
    public var irnPercent: Int
    /// Share of documents whose place of supply is the supplier's own state (over-the-counter
    /// sales), which makes an inter-state recipient's record intra-state.
    public var posSupplierStatePercent: Int

    public init(seed: UInt64, suppliers: SupplierSource, documentsPerSupplier: Int,
                recipients: RecipientSource = .allTaxpayers, periods: [ReturnPeriod]) {
        self.seed = seed; self.suppliers = suppliers; self.documentsPerSupplier = documentsPerSupplier
        self.recipients = recipients; self.periods = periods
        sections = GenerateSpec.defaultSections
        statuses = GenerateSpec.defaultStatuses
        forms = GenerateSpec.defaultForms
        invoiceTypes = GenerateSpec.defaultInvoiceTypes
        rates = GenerateSpec.defaultRates
        supplierStates = GenerateSpec.defaultStates
        itemsPerDocument = 1...3
        taxableValue = Amount(rupees: 500)...Amount(rupees: 500_000)
        pendingBlockedPercent = 10
        filedPercent = 85
        reverseChargePercent = 3
        cessPercent = 30
        irnPercent = 40
        posSupplierStatePercent = 5
    }

    /// How many documents the block creates: suppliers × documents per supplier.
    public var documentCount: Int {
        switch suppliers {
        case .new(let n): return n * documentsPerSupplier
        case .existing(let list): return list.count * documentsPerSupplier
        }
    }

    public static let defaultSections = Weights<IMSSection>([
        .init(.b2b, 62), .init(.b2ba, 6), .init(.b2bdn, 5), .init(.b2bdna, 2),
        .init(.b2bcn, 12), .init(.b2bcna, 3), .init(.ecom, 7), .init(.ecoma, 3),
    ])
    public static let defaultStatuses = Weights<IMSStatus>([
        .init(.noAction, 55), .init(.accepted, 25), .init(.rejected, 10), .init(.pending, 10),
    ])
    public static let defaultForms = Weights<SourceForm>([.init(.gstr1, 85), .init(.iff, 10), .init(.gstr1A, 5)])
    public static let defaultInvoiceTypes = Weights<InvoiceType>([
        .init(.regular, 95), .init(.deemedExport, 2), .init(.sezWithPayment, 2), .init(.sezWithoutPayment, 1),
    ])
    public static let defaultRates = Weights<TaxRate>([
        .init(TaxRate(percent: 18), 45), .init(TaxRate(percent: 12), 18), .init(TaxRate(percent: 5), 15),
        .init(TaxRate(percent: 28), 10), .init(TaxRate(percent: 3), 3), .init(TaxRate(percent: 0), 4),
        .init(TaxRate(hundredths: 25), 1), .init(TaxRate(hundredths: 150), 1), .init(TaxRate(percent: 6), 3),
    ])
    /// Weighted roughly by registrations: the big manufacturing and trading states first.
    public static let defaultStates = Weights<StateCode>([
        ("27", 18), ("29", 12), ("33", 10), ("07", 10), ("24", 10), ("09", 7), ("36", 6), ("19", 5),
        ("06", 5), ("08", 4), ("32", 3), ("23", 3), ("03", 2), ("37", 2), ("21", 1), ("10", 1), ("30", 1),
    ].map { .init(StateCode($0.0)!, $0.1) })
}
