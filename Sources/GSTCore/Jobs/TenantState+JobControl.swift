/// Why the control API could not end a job.
public enum JobControlError: Error, Hashable, Sendable {
    case unknownJob(String)
    case alreadyCompleted(String)
}

extension TenantState {
    /// Every job, in submission order (control API listing).
    public var jobList: [Job] { jobs.values.sorted { $0.sequence < $1.sequence } }

    /// Whether a job has completed with an error outcome (`ER`, whatever its kind).
    public static func isFailure(_ result: (any JobOutcome)?) -> Bool {
        result?.status == .error
    }

    /// Completes an open job now, whatever the scenario's job timing says: its effect applies in full,
    /// exactly as if it had become due.
    @discardableResult
    public mutating func forceCompleteJob(_ referenceID: String) throws(JobControlError) -> Job {
        guard let job = jobs[referenceID] else { throw .unknownJob(referenceID) }
        guard !job.isCompleted else { throw .alreadyCompleted(referenceID) }
        complete(referenceID)
        return jobs[referenceID]!
    }

    /// Ends an open job in error now, applying nothing: an IMS job ends `ER` with no record processed
    /// (adapters render it as the job-level schema failure, the only whole-request error GSTN
    /// documents); a 2B regeneration ends failed and the previous 2B stays; a GSTR-1 job ends `ER`.
    @discardableResult
    public mutating func forceFailJob(_ referenceID: String) throws(JobControlError) -> Job {
        guard var job = jobs[referenceID] else { throw .unknownJob(referenceID) }
        guard !job.isCompleted else { throw .alreadyCompleted(referenceID) }
        let result: any JobOutcome
        switch job.kind {
        case .ims(let request):
            result = IMSJobOutcome(requestType: request.requestType, status: .error, processedCount: 0, errorCount: 0, errors: [])
        case .gstr2bRegeneration:
            result = GSTR2BRegenerationJobOutcome.failed
        case .gstr1(let request):
            // Rendered as GSTN's whole-request error (RET191106), the documented ER of a GSTR-1 job.
            result = GSTR1JobOutcome(action: request.action, errors: [], failure: .malformed, applied: 0)
        case .returnJob(let request):
            result = ReturnJobOutcome(form: request.form, action: request.action, period: request.period,
                                      failure: .malformedStructure)
        }
        job.result = result
        job.completedAt = now
        jobs[referenceID] = job
        openJobs.removeAll { $0 == referenceID }
        record("job \(referenceID) → \(result.journalText) (forced)")
        return job
    }
}
