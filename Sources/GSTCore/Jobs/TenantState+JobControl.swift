/// Why the control API could not end a job.
public enum JobControlError: Error, Hashable, Sendable {
    case unknownJob(String)
    case alreadyCompleted(String)
}

extension TenantState {
    /// Every job, in submission order (control API listing).
    public var jobList: [Job] { jobs.values.sorted { $0.sequence < $1.sequence } }

    /// Whether a job has completed with an error outcome (IMS `ER`, failed 2B regeneration).
    public static func isFailure(_ result: JobResult?) -> Bool {
        switch result {
        case .ims(let o)?: return o.status == .error
        case .gstr2bRegenerationFailed?: return true
        case .gstr1(let o)?: return o.status == .error
        case .returnJob(let o)?: return o.failure != nil
        default: return false
        }
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
        let result: JobResult
        switch job.kind {
        case .ims(let request):
            result = .ims(IMSJobOutcome(requestType: request.requestType, status: .error, processedCount: 0, errorCount: 0, errors: []))
        case .gstr2bRegeneration:
            result = .gstr2bRegenerationFailed
        case .gstr1(let request):
            // Rendered as GSTN's whole-request error (RET191106), the documented ER of a GSTR-1 job.
            result = .gstr1(GSTR1JobOutcome(action: request.action, errors: [], failure: .malformed, applied: 0))
        case .returnJob(let request):
            result = .returnJob(ReturnJobOutcome(form: request.form, action: request.action, period: request.period,
                                                 failure: .malformedStructure))
        }
        job.result = result
        job.completedAt = now
        jobs[referenceID] = job
        openJobs.removeAll { $0 == referenceID }
        record("job \(referenceID) → \(Self.describe(result)) (forced)")
        return job
    }
}
