extension TenantState {
    /// Registers a job and returns its fresh reference id (a UUID when `uuid`: GSTR-1's ids are).
    mutating func submitJob(_ kind: JobKind, recipient: GSTIN, uuid: Bool = false) -> String {
        var id: String
        repeat { id = uuid ? ids.transactionID() : ids.referenceID() } while jobs[id] != nil
        jobSequence += 1
        jobs[id] = Job(referenceID: id, recipient: recipient, kind: kind, submittedAt: now, sequence: jobSequence)
        openJobs.append(id)
        record("job \(id) submitted: \(Self.describe(kind)) for \(recipient.value)")
        return id
    }

    /// Completes every open job that is due without a poll, oldest first. Every entry point calls this
    /// before doing its own work, so a job's effect is visible to everything that happens after it is
    /// due, and jobs apply in submission order. Cheap when nothing is open.
    public mutating func settleJobs() {
        guard !openJobs.isEmpty else { return }
        let t = now
        let due = openJobs.filter { id in jobs[id].map { jobTiming.isDueWithoutPoll($0, now: t) } ?? false }
        for id in due { complete(id) }
    }

    /// Counts a poll of `referenceID` and completes the job if this poll makes it due.
    /// Nil when the id is unknown. Settles other due jobs first.
    mutating func pollJob(_ referenceID: String) -> Job? {
        settleJobs()
        guard var job = jobs[referenceID] else { return nil }
        if job.isCompleted { return job }
        job.polls += 1
        jobs[referenceID] = job
        if jobTiming.isDueAtPoll(job, now: now) {
            complete(referenceID)
        } else {
            version &+= 1   // the poll count is state too
        }
        return jobs[referenceID]
    }

    /// Applies a job's effect, all at once, and records its result.
    mutating func complete(_ id: String) {
        guard var job = jobs[id], !job.isCompleted else { return }
        let result: any JobOutcome
        switch job.kind {
        case .ims(let request):
            result = applyIMS(request, recipient: job.recipient)
        case .gstr2bRegeneration(let period):
            let snapshot = generateGSTR2B(recipient: job.recipient, period: period)
            result = GSTR2BRegenerationJobOutcome.regenerated(documentCount: snapshot.documentCount + snapshot.rejectedCount)
        case .gstr1(let request):
            result = applyGSTR1(request, supplier: job.recipient)
        case .returnJob(let request):
            result = applyReturnJob(request, gstin: job.recipient)
        }
        job.result = result
        job.completedAt = now
        jobs[id] = job
        openJobs.removeAll { $0 == id }
        record("job \(id) → \(result.journalText)")
    }

    /// A job by reference id, without counting a poll (control API).
    public func job(_ referenceID: String) -> Job? { jobs[referenceID] }

    static func describe(_ kind: JobKind) -> String {
        switch kind {
        case .ims(let r):
            switch r {
            case .save(let items): return "IMS save of \(items.count) records"
            case .reset(let items): return "IMS reset of \(items.count) records"
            case .schemaViolation: return "IMS save (schema violation)"
            case .resetSchemaViolation: return "IMS reset (schema violation)"
            }
        case .gstr2bRegeneration(let p): return "GSTR-2B regeneration \(p.mmyyyy)"
        case .gstr1(let r): return r.description
        case .returnJob(let r): return "\(r.form.rawValue) \(r.action.rawValue) \(r.period.mmyyyy)"
        }
    }
}
