extension TenantState {
    // MARK: Reads

    /// The supplier's GSTR-1 for a period (an empty, not-started return when nothing was done yet).
    public func gstr1Return(supplier: GSTIN, period: ReturnPeriod) -> GSTR1Return {
        var r = gstr1Returns[SupplierPeriod(supplier: supplier, period: period)] ?? GSTR1Return()
        if isGSTR1Filed(supplier: supplier, period: period) { r.status = .filed }
        return r
    }

    /// Whether `supplier` filed GSTR-1 for `period` (a seed may declare it filed).
    public func isGSTR1Filed(supplier: GSTIN, period: ReturnPeriod) -> Bool {
        taxpayers[supplier]?.gstr1Filed.contains(period) ?? false
    }

    /// The records of a saved section, in the order first saved.
    public func gstr1SavedRecords(supplier: GSTIN, period: ReturnPeriod, section: GSTR1SavedSection) -> [GSTR1SavedRecord] {
        gstr1Returns[SupplierPeriod(supplier: supplier, period: period)]?.saved[section] ?? []
    }

    /// The supplier's documents of the period in the GSTR-1 sections the world's documents carry.
    public func gstr1Documents(supplier: GSTIN, period: ReturnPeriod, sections: [IMSSection]) -> [Document] {
        sections.flatMap { gstr1Documents(supplier: supplier, period: period, section: $0) }
            .sorted { ($0.recipient, $0.date, $0.number) < ($1.recipient, $1.date, $1.number) }
    }

    /// Whether a reset job of the period is still running.
    public func isGSTR1ResetInProgress(supplier: GSTIN, period: ReturnPeriod) -> Bool {
        openJobs.contains { id in
            guard let j = jobs[id], j.recipient == supplier, let work = j.work as? GSTR1Job else { return false }
            return work.action == .reset && work.period == period
        }
    }

    // MARK: Submissions

    /// Submits a save. `entries` nil = the body broke the structure; that save, and one submitted while a
    /// reset of the period runs, is accepted as a refused job (it ends in error, nothing changes).
    /// Refused outright when the period is filed. Returns the job's reference id.
    public mutating func submitGSTR1Save(_ entries: [GSTR1Entry]?, supplier: GSTIN, period: ReturnPeriod) throws(GSTR1Refusal) -> String {
        settleJobs()
        guard taxpayers[supplier] != nil else { throw .unknownTaxpayer }
        guard !isGSTR1Filed(supplier: supplier, period: period) else { throw .alreadyFiled }
        let job: GSTR1Job
        if isGSTR1ResetInProgress(supplier: supplier, period: period) {
            job = .refused(.save, period, .resetInProgress)
        } else if let entries {
            job = .save(period, entries)
        } else {
            job = .refused(.save, period, .malformed)
        }
        return submitJob(job, recipient: supplier, uuid: true)
    }

    /// Submits a reset: at completion the period's unfiled documents of the supplier and every saved
    /// record are gone. Refused while another reset runs, and once filed.
    public mutating func submitGSTR1Reset(supplier: GSTIN, period: ReturnPeriod) throws(GSTR1Refusal) -> String {
        settleJobs()
        guard taxpayers[supplier] != nil else { throw .unknownTaxpayer }
        guard !isGSTR1Filed(supplier: supplier, period: period) else { throw .alreadyFiled }
        guard !isGSTR1ResetInProgress(supplier: supplier, period: period) else { throw .resetInProgress }
        return submitJob(GSTR1Job.reset(period), recipient: supplier, uuid: true)
    }

    /// Proceed to file: the return becomes ready to file at once (so a second proceed is refused
    /// straight away), and a job records it for status polling.
    public mutating func proceedGSTR1(supplier: GSTIN, period: ReturnPeriod) throws(GSTR1Refusal) -> String {
        settleJobs()
        guard taxpayers[supplier] != nil else { throw .unknownTaxpayer }
        guard !isGSTR1Filed(supplier: supplier, period: period) else { throw .alreadyFiled }
        guard takesMonthlyReturns(gstin: supplier, period: period) else { throw .quarterlyFiler }
        let key = SupplierPeriod(supplier: supplier, period: period)
        var r = gstr1Returns[key] ?? GSTR1Return()
        guard r.status != .readyToFile else { throw .alreadyReadyToFile }
        r.status = .readyToFile
        gstr1Returns[key] = r
        record("GSTR-1 \(key) ready to file")
        return submitJob(GSTR1Job.proceed(period), recipient: supplier, uuid: true)
    }

    /// Files the GSTR-1: marks the period filed (`Taxpayer.gstr1Filed`) and the period's documents
    /// filed, so counterparties' GSTR-2B includes them. Refused when already filed or when nothing was
    /// submitted (no document and no saved record). Returns the acknowledgement number.
    public mutating func fileGSTR1(supplier: GSTIN, period: ReturnPeriod) throws(GSTR1Refusal) -> String {
        settleJobs()
        guard var taxpayer = taxpayers[supplier] else { throw .unknownTaxpayer }
        guard !taxpayer.gstr1Filed.contains(period) else { throw .alreadyFiled }
        guard takesMonthlyReturns(gstin: supplier, period: period) else { throw .quarterlyFiler }
        let key = SupplierPeriod(supplier: supplier, period: period)
        var r = gstr1Returns[key] ?? GSTR1Return()
        let docs = documents.issued(by: supplier).filter { $0.filing.period == period }
        guard !docs.isEmpty || r.hasSavedRecords else { throw .nothingSubmitted }
        let day = today
        for var d in docs where !d.filing.filed {
            d.filing.filed = true
            d.filing.filedOn = day
            documents.upsert(d)
        }
        taxpayer.gstr1Filed.insert(period)
        taxpayers[supplier] = taxpayer
        let ack = "AA" + supplier.stateCode.value + String(period.mmyyyy.prefix(2)) + String(period.mmyyyy.suffix(2))
            + IDGenerator.hex(ids.next() % 0x1_0000_0000, digits: 8).uppercased()
        r.status = .filed
        r.filedOn = day
        r.acknowledgement = ack
        gstr1Returns[key] = r
        recordFiling(ReturnFiling(form: .gstr1, period: period, arn: ack, filedOn: day, mode: "GSP"), of: supplier)
        record("GSTR-1 \(key) filed (\(docs.count) documents), ack \(ack)")
        return ack
    }

    /// Counts a status poll of a GSTR-1 job of `supplier`. Nil when unknown, another taxpayer's, or not
    /// a GSTR-1 job.
    public mutating func pollGSTR1Job(referenceID: String, supplier: GSTIN) -> GSTR1JobPoll? {
        guard let polled = pollJob(referenceID, of: GSTR1Job.self, for: supplier) else { return nil }
        return polled.outcome.map(GSTR1JobPoll.completed) ?? .inProgress(polled.work.action)
    }
}
