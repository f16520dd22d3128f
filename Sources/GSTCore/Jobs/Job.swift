/// An asynchronous job: submitted now, completed later according to the scenario's `JobTiming`.
/// Its effect is applied in full at completion, under the tenant lock.
public struct Job: Sendable {
    public let referenceID: String
    public let recipient: GSTIN
    /// What it does when it completes, and how it describes itself: one of the job kinds.
    package let work: any JobWork
    /// Tenant-clock instant of submission.
    public let submittedAt: Int64
    /// How many times its status was asked for.
    public internal(set) var polls: Int = 0
    public internal(set) var completedAt: Int64?
    /// The outcome it recorded when it completed, of its kind's own outcome type.
    public internal(set) var result: (any JobOutcome)?
    /// Submission order, so due jobs complete in the order they were submitted.
    let sequence: UInt64

    public var isCompleted: Bool { result != nil }
}

/// Compared by value; each job kind and its outcome have their own types, so they compare as `AnyHashable`.
extension Job: Hashable {
    public static func == (a: Job, b: Job) -> Bool {
        a.referenceID == b.referenceID && a.recipient == b.recipient && AnyHashable(a.work) == AnyHashable(b.work)
            && a.submittedAt == b.submittedAt && a.polls == b.polls && a.completedAt == b.completedAt
            && a.hashableResult == b.hashableResult && a.sequence == b.sequence
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(referenceID)
        hasher.combine(polls)
        hasher.combine(hashableResult)
    }

    private var hashableResult: AnyHashable? { result.map { AnyHashable($0) } }
}

extension JobTiming {
    /// Whether a job is due to complete without a poll: time-based jobs once their delay has
    /// passed; first-poll jobs as soon as anything else touches the tenant (so a caller that never
    /// polls still sees its actions applied, and "done by the first poll" holds). Jobs that wait for
    /// N polls complete only by being polled.
    func isDueWithoutPoll(_ job: Job, now: Int64) -> Bool {
        switch self {
        case .onFirstPoll: return true
        case .afterPolls(let n): return n <= 0
        case .afterMilliseconds(let ms): return now >= job.submittedAt + ms
        }
    }

    /// Whether the poll that has just been counted (`job.polls` includes it) sees the job completed.
    func isDueAtPoll(_ job: Job, now: Int64) -> Bool {
        switch self {
        case .onFirstPoll: return true
        case .afterPolls(let n): return job.polls > n
        case .afterMilliseconds(let ms): return now >= job.submittedAt + ms
        }
    }
}
