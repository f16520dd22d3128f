/// What one kind of asynchronous job does, and how it shows itself. A job kind is one type conforming
/// to this, in its feature's folder (`IMS/IMSJob.swift`, `GSTR1/GSTR1Job.swift`, …); the job engine
/// (`TenantState+Jobs`), the journal and the control API know jobs only through it, so a new kind
/// touches no file outside its feature. Adding one (say a GSTR-3B offset-liability job) is:
/// 1. a struct holding what the job needs at completion, conforming to `JobWork`: its journal text,
///    control-API kind and period, `apply`, `forcedFailure`, and, when a submission can be accepted
///    but refused, a `Refusal` type with a `refusal` field;
/// 2. its outcome type, conforming to `JobOutcome` (status P/PE/ER, journal text, whatever its status
///    answer renders);
/// 3. `TenantState` methods that submit it (`submitJob`) and poll it (`pollJob(_:of:for:)`).
///
/// Package, not public: `apply` changes tenant state directly, and only the engine may call it, when
/// the job completes. Adapters that need a job's kind read `Job.work` (`job.work as? IMSJob`).
package protocol JobWork: Hashable, Sendable {
    associatedtype Outcome: JobOutcome
    /// Why a job of this kind can be refused at submission; `Never` (the default) for a kind that never is.
    associatedtype Refusal: Hashable, Sendable = Never

    /// Set when the job was accepted (it has a reference id and is polled like any other) but what it
    /// asked for was refused, e.g. a body that broke the schema: the engine then completes it with
    /// `outcome(refusedFor:)` instead of `apply`, so it ends in error and changes nothing.
    var refusal: Refusal? { get }

    /// The journal's words for the job: "job <reference id> submitted: <journalText> for <GSTIN>".
    var journalText: String { get }
    /// `kind` in the control API's job listing, e.g. "ims.save".
    var controlKind: String { get }
    /// `period` in the control API's job listing; nil for a kind not tied to one period.
    var controlPeriod: ReturnPeriod? { get }

    /// Applies the job's effect, all at once, when it completes (under the tenant lock); never called for
    /// a refused job. `gstin` is the GSTIN the job was submitted for (`Job.recipient`).
    func apply(to state: inout TenantState, gstin: GSTIN) -> Outcome
    /// The outcome of a job refused at submission.
    func outcome(refusedFor reason: Refusal) -> Outcome
    /// The outcome when the control API ends the job in error: nothing is applied.
    func forcedFailure() -> Outcome
}

/// A kind that is never refused says nothing about refusals.
extension JobWork where Refusal == Never {
    package var refusal: Never? { nil }
    package func outcome(refusedFor reason: Never) -> Outcome {}   // no value of `Never` exists to call it with
}

extension JobWork {
    /// What the job records when it completes: a refused job's error, else its effect applied.
    func completion(in state: inout TenantState, gstin: GSTIN) -> Outcome {
        if let reason = refusal { return outcome(refusedFor: reason) }
        return apply(to: &state, gstin: gstin)
    }
}
