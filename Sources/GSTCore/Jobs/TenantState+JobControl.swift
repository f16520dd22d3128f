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

    /// Ends an open job in error now, applying nothing: each kind says what that outcome is (an IMS
    /// job ends `ER` with no record processed, a 2B regeneration ends failed and the previous 2B stays,
    /// a GSTR-1 or return job ends `ER`).
    @discardableResult
    public mutating func forceFailJob(_ referenceID: String) throws(JobControlError) -> Job {
        guard let job = jobs[referenceID] else { throw .unknownJob(referenceID) }
        guard !job.isCompleted else { throw .alreadyCompleted(referenceID) }
        close(referenceID, with: job.work.forcedFailure(), forced: true)
        return jobs[referenceID]!
    }
}
