/// What one kind of asynchronous job does, and how it shows itself. A job kind is one type conforming
/// to this, in its feature's folder (`IMS/IMSJob.swift`, `GSTR1/GSTR1Job.swift`, …); the job engine
/// (`TenantState+Jobs`), the journal and the control API know jobs only through it, so a new kind
/// touches no file outside its feature.
///
/// Package access: `apply` changes tenant state outside the engine's bookkeeping, which only the
/// engine may call.
package protocol JobWork: Hashable, Sendable {
    associatedtype Outcome: JobOutcome

    /// The journal's words for the job: "job <reference id> submitted: <journalText> for <GSTIN>".
    var journalText: String { get }
    /// `kind` in the control API's job listing, e.g. "ims.save".
    var controlKind: String { get }
    /// `period` in the control API's job listing; nil for a kind not tied to one period.
    var controlPeriod: ReturnPeriod? { get }

    /// Applies the job's effect, all at once, when it completes (under the tenant lock). `gstin` is
    /// the GSTIN the job was submitted for (`Job.recipient`).
    func apply(to state: inout TenantState, gstin: GSTIN) -> Outcome
    /// The outcome when the control API ends the job in error: nothing is applied.
    func forcedFailure() -> Outcome
}
