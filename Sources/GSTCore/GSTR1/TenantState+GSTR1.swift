extension TenantState {
    /// The supplier's outward documents of a GSTR-1 section, as Sandbox's GSTR-1 B2B / B2BA GETs list them.
    ///
    /// - Parameters:
    ///   - period: the supplier's return period (`rtnprd`).
    ///   - section: `.b2b` or `.b2ba` (any IMS section works; GSTR-1 invoices only use these two).
    ///   - counterparty: only documents to this recipient.
    ///   - actionRequired: the vendor's "Y fetches the invoices where the taxpayer needs to take action;
    ///     already accepted or uploaded invoices with N". Read through IMS: `true` → the counterparty has
    ///     not concluded on the document (IMS status No Action or Pending); `false` → it has (Accepted or
    ///     Rejected); nil → no filter.
    ///   - from: only documents dated on or after this date.
    /// - Returns: documents in recipient, then date, then number order; empty when nothing matches
    ///   (RET11416 at the vendor).
    public func gstr1Documents(supplier: GSTIN, period: ReturnPeriod, section: IMSSection,
                               counterparty: GSTIN? = nil, actionRequired: Bool? = nil, from: CivilDate? = nil) -> [Document] {
        let matches = documents.issued(by: supplier).filter { d in
            guard d.section == section, d.filing.period == period else { return false }
            if let c = counterparty, d.recipient != c { return false }
            if let f = from, d.date < f { return false }
            if let required = actionRequired {
                let open = d.ims.status == .noAction || d.ims.status == .pending
                if open != required { return false }
            }
            return true
        }
        return matches.sorted { ($0.recipient, $0.date, $0.number) < ($1.recipient, $1.date, $1.number) }
    }
}
