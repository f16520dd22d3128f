/// Why GSTR-3B filing was refused.
public enum GSTR3BFilingError: Error, Hashable, Sendable {
    /// The GSTIN is not a taxpayer of this world.
    case unknownTaxpayer
    /// Already filed for that period.
    case alreadyFiled
}

extension TenantState {
    /// Whether `gstin` filed GSTR-3B for `period`.
    public func isGSTR3BFiled(gstin: GSTIN, period: ReturnPeriod) -> Bool {
        taxpayers[gstin]?.gstr3bFiled.contains(period) ?? false
    }

    /// Files GSTR-3B: marks the period filed and removes its accepted and rejected records from the
    /// recipient's IMS (pending and no-action records stay). Existing GSTR-2B snapshots keep them.
    public mutating func fileGSTR3B(gstin: GSTIN, period: ReturnPeriod) throws(GSTR3BFilingError) {
        settleJobs()
        guard var taxpayer = taxpayers[gstin] else { throw .unknownTaxpayer }
        guard !taxpayer.gstr3bFiled.contains(period) else { throw .alreadyFiled }
        generateDueDrafts(recipient: gstin)  // the 2B being filed against is the one generated before filing
        taxpayer.gstr3bFiled.insert(period)
        taxpayers[gstin] = taxpayer
        let removed = removeDecidedRecordsFromIMS(recipient: gstin, period: period)
        record("GSTR-3B \(gstin.value) \(period.mmyyyy) filed; \(removed) accepted/rejected records left IMS")
    }

    /// Flags the period's accepted/rejected records (of suppliers who filed, i.e. the records of that
    /// period's 2B) as removed from IMS. Returns how many.
    mutating func removeDecidedRecordsFromIMS(recipient: GSTIN, period: ReturnPeriod) -> Int {
        var n = 0
        for i in documents.indices(recipient: recipient, period: period) {
            let d = documents[i]
            guard d.filing.filed, !d.ims.removedFromIMS, d.ims.status == .accepted || d.ims.status == .rejected else { continue }
            documents.updateIMS(at: i) { $0.removedFromIMS = true }
            n += 1
        }
        return n
    }
}
