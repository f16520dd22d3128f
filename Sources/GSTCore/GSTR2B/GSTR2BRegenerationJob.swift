/// A GSTR-2B regeneration job: rebuilds the recipient's 2B of `period` from the world as it is when
/// the job completes (IMS actions taken meanwhile included).
public struct GSTR2BRegenerationJob: Hashable, Sendable {
    public var period: ReturnPeriod
    public init(period: ReturnPeriod) { self.period = period }
}

extension GSTR2BRegenerationJob: JobWork {
    package var journalText: String { "GSTR-2B regeneration \(period.mmyyyy)" }
    package var controlKind: String { "gstr2b.regenerate" }
    package var controlPeriod: ReturnPeriod? { period }

    package func apply(to state: inout TenantState, gstin recipient: GSTIN) -> GSTR2BRegenerationJobOutcome {
        let snapshot = state.generateGSTR2B(recipient: recipient, period: period)
        return .regenerated(documentCount: snapshot.documentCount + snapshot.rejectedCount)
    }

    /// The previous 2B stays as it was.
    package func forcedFailure() -> GSTR2BRegenerationJobOutcome { .failed }
}

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
