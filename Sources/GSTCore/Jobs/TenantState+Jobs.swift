extension TenantState {
    /// Registers a job and returns its fresh reference id (a UUID when `uuid`: GSTR-1's ids are).
    mutating func submitJob(_ work: some JobWork, recipient: GSTIN, uuid: Bool = false) -> String {
        var id: String
        repeat { id = uuid ? ids.transactionID() : ids.referenceID() } while jobs[id] != nil
        jobSequence += 1
        jobs[id] = Job(referenceID: id, recipient: recipient, work: work, submittedAt: now, sequence: jobSequence)
        openJobs.append(id)
        record("job \(id) submitted: \(work.journalText) for \(recipient.value)")
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

    /// Counts a poll of a job of kind `W` submitted for `gstin`, as `pollJob` does, and returns what it
    /// asked for and its outcome once completed. Nil (and no poll counted) when the id is unknown,
    /// another GSTIN's or another kind's: each feature's status route answers only its own jobs.
    mutating func pollJob<W: JobWork>(_ referenceID: String, of kind: W.Type, for gstin: GSTIN) -> (work: W, outcome: W.Outcome?)? {
        guard let existing = jobs[referenceID], existing.recipient == gstin, let work = existing.work as? W else { return nil }
        guard let job = pollJob(referenceID) else { return nil }
        return (work, job.result as? W.Outcome)
    }

    /// Applies a job's effect, all at once (nothing when it was refused at submission), and records its outcome.
    mutating func complete(_ id: String) {
        guard let job = jobs[id], !job.isCompleted else { return }
        close(id, with: job.work.completion(in: &self, gstin: job.recipient))
    }

    /// Records `outcome` as the job's result and journals it: "job X → <outcome>", plus " (forced)" when
    /// the control API ended it.
    mutating func close(_ id: String, with outcome: any JobOutcome, forced: Bool = false) {
        let at = now
        jobs[id]?.result = outcome
        jobs[id]?.completedAt = at
        openJobs.removeAll { $0 == id }
        record("job \(id) → \(outcome.journalText)" + (forced ? " (forced)" : ""))
    }

    /// A job by reference id, without counting a poll (control API).
    public func job(_ referenceID: String) -> Job? { jobs[referenceID] }
}
