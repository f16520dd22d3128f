/// A registered person the world knows by name: a supplier, or a taxpayer using the sandbox.
public struct Party: Hashable, Sendable {
    public var gstin: GSTIN
    /// `trdnm` in GSTR-2B.
    public var tradeName: String
    /// What the scenario states of the party's registration (public search); the rest is derived.
    public var registration: RegistrationDetails?
    public init(gstin: GSTIN, tradeName: String, registration: RegistrationDetails? = nil) {
        self.gstin = gstin; self.tradeName = tradeName; self.registration = registration
    }
}

/// A taxpayer who logs in through a vendor (OTP session) and whose returns the sandbox serves.
public struct Taxpayer: Hashable, Sendable {
    public var gstin: GSTIN
    public var tradeName: String
    /// The GST portal username the OTP request names.
    public var username: String
    /// The OTP the sandbox accepts for this taxpayer (real OTPs never leave GSTN).
    public var otp: String
    /// Periods whose GSTR-3B has been filed. Filing removes the period's accepted and rejected
    /// records from IMS and makes GSTR-2B regeneration answer "3B filed".
    public var gstr3bFiled: Set<ReturnPeriod>
    /// Periods whose GSTR-1 has been filed.
    public var gstr1Filed: Set<ReturnPeriod>
    /// The electronic cash, credit and liability ledgers and the GSTR-3B payments (Ledgers/).
    public var ledgers: Ledgers
    /// Balances the scenario opens the ledgers with (posted as "Opening balance" entries when the
    /// tenant's state is built, on its clock).
    public var openingBalances: OpeningBalances?
    /// Receipts of the returns filed through the API (GSTN's tracking lists them; `filedReturns`).
    public var filingReceipts: [ReturnFiling] = []
    /// Filing preferences chosen per quarter (QRMP); monthly where none is.
    public var preferences: [FinancialQuarter: FilingPreference] = [:]
    /// Aggregate turnover GSTN holds per financial year (by its first calendar year), as the scenario
    /// declares it; years not declared use the turnover of the filed GSTR-1s.
    public var declaredTurnover: [Int: Amount] = [:]

    public init(gstin: GSTIN, tradeName: String, username: String, otp: String,
                gstr3bFiled: Set<ReturnPeriod> = [], gstr1Filed: Set<ReturnPeriod> = [], ledgers: Ledgers = Ledgers(),
                openingBalances: OpeningBalances? = nil) {
        self.gstin = gstin; self.tradeName = tradeName; self.username = username; self.otp = otp
        self.gstr3bFiled = gstr3bFiled; self.gstr1Filed = gstr1Filed; self.ledgers = ledgers
        self.openingBalances = openingBalances
    }
}
