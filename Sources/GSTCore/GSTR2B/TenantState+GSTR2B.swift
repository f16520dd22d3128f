/// The answer to "give me the GSTR-2B of this period".
public enum GSTR2BLookup: Hashable, Sendable {
    /// Before the draft date (the 14th of the following month): not generated (RET2B1023).
    case notGeneratedYet(availableBy: CivilDate)
    /// Generated, with no document (RET2B1016).
    case noDocuments
    case available(GSTR2B)
}

/// The answer to a regeneration request.
public enum GSTR2BRegenerationOutcome: Hashable, Sendable {
    /// A regeneration job was started.
    case started(referenceID: String)
    /// The draft does not exist yet (IMS2B009 "Kindly generate 2b after DD/MM/YYYY").
    case draftNotYetAvailable(availableFrom: CivilDate)
    /// GSTR-3B of the period is filed, or the period is in the future (IMS2B007).
    case invalidPeriodOrGSTR3BFiled
}

/// The answer to polling a regeneration job.
public enum GSTR2BRegenerationPoll: Hashable, Sendable {
    case inProgress
    case completed
    /// Ended in error (forced through the control API); the 2B was not rebuilt.
    case failed
}

/// What a period allows for a recipient's GSTR-2B right now (discovery / control API).
public enum GSTR2BAvailability: Hashable, Sendable {
    /// After the current month: no 2B, regeneration refused as an invalid period.
    case futurePeriod
    /// Draft not available before `availableFrom`.
    case draftNotYetAvailable(availableFrom: CivilDate)
    /// Draft exists; regeneration allowed.
    case regenerable
    /// GSTR-3B filed: the 2B is final; regeneration refused.
    case gstr3bFiled
}

extension TenantState {
    /// What `period` allows for `recipient` at the tenant's current date.
    public func gstr2bAvailability(recipient: GSTIN, period: ReturnPeriod) -> GSTR2BAvailability {
        let today = self.today
        if isGSTR3BFiled(gstin: recipient, period: period) { return .gstr3bFiled }
        if period > ReturnPeriod(containing: today) { return .futurePeriod }
        if today < period.draftGSTR2BDate { return .draftNotYetAvailable(availableFrom: period.draftGSTR2BDate) }
        return .regenerable
    }

    /// The recipient's GSTR-2B of `period`. From the draft date on, the first access generates it from
    /// the world as it is at that moment; it then stays fixed until regenerated.
    public mutating func gstr2b(recipient: GSTIN, period: ReturnPeriod) -> GSTR2BLookup {
        settleJobs()
        let draft = period.draftGSTR2BDate
        guard today >= draft else { return .notGeneratedYet(availableBy: draft) }
        let snapshot = gstr2bSnapshots[RecipientPeriod(recipient: recipient, period: period)]
            ?? generateGSTR2B(recipient: recipient, period: period)
        return snapshot.isEmpty ? .noDocuments : .available(snapshot)
    }

    /// Starts a regeneration job, or says why not. The job rebuilds the snapshot from the world as it
    /// is when the job completes.
    public mutating func requestGSTR2BRegeneration(recipient: GSTIN, period: ReturnPeriod) -> GSTR2BRegenerationOutcome {
        settleJobs()
        switch gstr2bAvailability(recipient: recipient, period: period) {
        case .futurePeriod, .gstr3bFiled: return .invalidPeriodOrGSTR3BFiled
        case .draftNotYetAvailable(let date): return .draftNotYetAvailable(availableFrom: date)
        case .regenerable: return .started(referenceID: submitJob(GSTR2BRegenerationJob(period: period), recipient: recipient))
        }
    }

    /// Polls a regeneration job. Nil when the id is unknown, belongs to another recipient or is not a
    /// regeneration (IMS0008 at the vendor).
    public mutating func pollGSTR2BRegeneration(referenceID: String, recipient: GSTIN) -> GSTR2BRegenerationPoll? {
        guard let polled = pollJob(referenceID, of: GSTR2BRegenerationJob.self, for: recipient) else { return nil }
        switch polled.outcome {
        case nil: return .inProgress
        case .regenerated?: return .completed
        case .failed?: return .failed
        }
    }

    /// GSTN generates each draft on the 14th from the world as it is then. The sandbox generates a due
    /// draft no later than the first change to the recipient's records after that date, so an action
    /// taken after the draft date shows in the 2B only once it is regenerated — as on the portal —
    /// and a draft first read after such an action still shows the world of the 14th.
    mutating func generateDueDrafts(recipient: GSTIN) {
        let today = self.today
        for period in documents.periods(receivedBy: recipient) where today >= period.draftGSTR2BDate
            && gstr2bSnapshots[RecipientPeriod(recipient: recipient, period: period)] == nil {
            // Dated the 14th (`gendt`), the day GSTN generates it, whenever it is first read.
            generateGSTR2B(recipient: recipient, period: period, at: period.draftGSTR2BDate.startEpochMilliseconds)
        }
    }

    /// Builds and stores the snapshot of the world now, dated `generation` (default: now).
    @discardableResult
    mutating func generateGSTR2B(recipient: GSTIN, period: ReturnPeriod, at generation: Int64? = nil) -> GSTR2B {
        let instant = generation ?? now, documents = documents, parties = parties
        let build = {
            GSTR2BBuilder.build(recipient: recipient, period: period, at: instant, documents: documents,
                                tradeName: { parties[$0]?.tradeName ?? "" })
        }
        let key = SharedDrafts.Key(recipient: recipient, period: period, instant: instant)
        let snapshot = sharedDrafts?.draft(key, of: documents, build: build) ?? build()
        gstr2bSnapshots[RecipientPeriod(recipient: recipient, period: period)] = snapshot
        record("GSTR-2B \(recipient.value) \(period.mmyyyy) generated: \(snapshot.documentCount) in docdata, "
               + "\(snapshot.rejectedCount) rejected")
        return snapshot
    }
}
