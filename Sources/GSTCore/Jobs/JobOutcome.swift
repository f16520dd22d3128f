/// A completed job's overall status, the same codes for every job kind (GSTN's `status_cd`).
public enum JobStatus: String, Hashable, Sendable {
    /// Everything the job asked for was applied.
    case processed = "P"
    /// At least one record failed (possibly all of them); the others were applied.
    case processedWithErrors = "PE"
    /// The job failed as a whole (refused at submission, or failed through the control API); nothing changed.
    case error = "ER"
}

/// What a completed job recorded. Each job kind has its own outcome type, with the detail its status
/// answers render (counts, error reports); this is the part every kind shares, which is all the job
/// engine, the journal and the control API need.
public protocol JobOutcome: Hashable, Sendable {
    var status: JobStatus { get }
    /// The journal's words for the outcome: "job <reference id> → <journalText>".
    var journalText: String { get }
}
