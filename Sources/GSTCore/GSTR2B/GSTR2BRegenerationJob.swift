/// What a GSTR-2B regeneration job recorded.
public enum GSTR2BRegenerationJobOutcome: JobOutcome {
    /// The 2B was rebuilt; `documentCount` documents in docdata + docRejdata.
    case regenerated(documentCount: Int)
    /// Ended in error (forced through the control API); the previous 2B stays as it was.
    case failed

    public var status: JobStatus {
        switch self {
        case .regenerated: return .processed
        case .failed: return .error
        }
    }

    public var journalText: String {
        switch self {
        case .regenerated(let n): return "P (2B regenerated, \(n) documents)"
        case .failed: return "ER (2B regeneration failed)"
        }
    }
}
