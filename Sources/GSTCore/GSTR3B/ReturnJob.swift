/// A return whose save and reset are asynchronous jobs polled through the return status
/// (Sandbox `GET …/gstrs/{year}/{month}/status`, GSTN RETSTATUS). Raw values are GSTN's `form_typ`.
/// GSTR-3B uses it now; GSTR-1's save/reset can reuse the same job kind and outcome.
public enum ReturnForm: String, CaseIterable, Hashable, Sendable {
    case gstr1 = "R1", gstr3b = "R3B"
}

/// GSTN's `action` of a return job.
public enum ReturnAction: String, CaseIterable, Hashable, Sendable {
    case save = "SAVE", reset = "RESET"
}

/// A return SAVE / RESET job (GSTR-3B; GSTR-1 may adopt it) of the job's GSTIN (the taxpayer).
public struct ReturnJob: Hashable, Sendable {
    public var form: ReturnForm
    public var action: ReturnAction
    public var period: ReturnPeriod
    /// The figures a GSTR-3B SAVE stores; nil for a RESET, and for a SAVE refused at submission.
    public var gstr3b: GSTR3BDraft?
    public var refusal: ReturnJobFailure?

    public init(form: ReturnForm, action: ReturnAction, period: ReturnPeriod, gstr3b: GSTR3BDraft? = nil,
                refusal: ReturnJobFailure? = nil) {
        self.form = form; self.action = action; self.period = period; self.gstr3b = gstr3b; self.refusal = refusal
    }
}

extension ReturnJob: JobWork {
    package var journalText: String { "\(form.rawValue) \(action.rawValue) \(period.mmyyyy)" }
    package var controlKind: String { "\(form.rawValue.lowercased()).\(action.rawValue.lowercased())" }
    package var controlPeriod: ReturnPeriod? { period }

    package func apply(to state: inout TenantState, gstin: GSTIN) -> ReturnJobOutcome {
        let key = RecipientPeriod(recipient: gstin, period: period)
        switch (form, action) {
        case (.gstr3b, .save):
            if let gstr3b { state.gstr3bDrafts[key] = gstr3b }
        case (.gstr3b, .reset):
            state.gstr3bDrafts[key] = nil
        case (.gstr1, _):
            break   // GSTR-1 applies its saves elsewhere until it adopts this job kind
        }
        return ReturnJobOutcome(form: form, action: action, period: period, failure: nil)
    }

    package func outcome(refusedFor reason: ReturnJobFailure) -> ReturnJobOutcome {
        ReturnJobOutcome(form: form, action: action, period: period, failure: reason)
    }

    /// Rendered as the documented whole-request error (RET191106 at the vendors).
    package func forcedFailure() -> ReturnJobOutcome { outcome(refusedFor: .malformedStructure) }
}

/// Why a return job ended in error.
public enum ReturnJobFailure: Hashable, Sendable {
    /// The saved body did not have the return's structure (RET191106 at the vendors).
    case malformedStructure
}

/// The recorded outcome of a return job.
public struct ReturnJobOutcome: JobOutcome {
    public var form: ReturnForm
    public var action: ReturnAction
    public var period: ReturnPeriod
    /// nil: processed (`P`); otherwise the job ended in error (`ER`).
    public var failure: ReturnJobFailure?

    public var status: JobStatus { failure == nil ? .processed : .error }

    public var journalText: String {
        switch failure {
        case nil: return "P"
        case .malformedStructure?: return "ER (malformed structure)"
        }
    }
}

/// A return job as its status poll sees it.
public enum ReturnJobPoll: Hashable, Sendable {
    case inProgress(form: ReturnForm, action: ReturnAction)
    case completed(ReturnJobOutcome)
}

extension TenantState {
    /// Counts a poll of a return job of `gstin` and returns its state; nil for an unknown id, another
    /// taxpayer's job, or a job that is not a return save/reset.
    public mutating func pollReturnJob(referenceID: String, gstin: GSTIN) -> ReturnJobPoll? {
        guard let polled = pollJob(referenceID, of: ReturnJob.self, for: gstin) else { return nil }
        return polled.outcome.map(ReturnJobPoll.completed) ?? .inProgress(form: polled.work.form, action: polled.work.action)
    }
}
