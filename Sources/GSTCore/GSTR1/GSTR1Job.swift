/// A GSTR-1 save / reset / proceed job of the job's GSTIN (the supplier).
public enum GSTR1Job: Hashable, Sendable {
    /// Records checked for structure; applied (each record that passes the business checks) at completion.
    case save(ReturnPeriod, [GSTR1Entry])
    /// A body that broke the structure: the job ends in error and changes nothing.
    case malformedSave(ReturnPeriod)
    /// Submitted while a reset of the period was still running: ends in error, changes nothing.
    case saveDuringReset(ReturnPeriod)
    case reset(ReturnPeriod)
    case proceed(ReturnPeriod)

    public var period: ReturnPeriod {
        switch self {
        case .save(let p, _), .malformedSave(let p), .saveDuringReset(let p), .reset(let p), .proceed(let p): return p
        }
    }

    public var action: GSTR1Action {
        switch self {
        case .save, .malformedSave, .saveDuringReset: return .save
        case .reset: return .reset
        case .proceed: return .proceed
        }
    }

}

extension GSTR1Job: JobWork {
    package var journalText: String {
        switch self {
        case .save(let p, let e): return "GSTR-1 \(p.mmyyyy) save of \(e.count) records"
        case .malformedSave(let p): return "GSTR-1 \(p.mmyyyy) save (malformed)"
        case .saveDuringReset(let p): return "GSTR-1 \(p.mmyyyy) save (reset in progress)"
        case .reset(let p): return "GSTR-1 \(p.mmyyyy) reset"
        case .proceed(let p): return "GSTR-1 \(p.mmyyyy) proceed to file"
        }
    }

    package var controlKind: String { "gstr1.\(action.rawValue)" }
    package var controlPeriod: ReturnPeriod? { period }

    /// Applies the job all at once (the supplier's return of `period` changes; see TenantState+GSTR1Apply).
    package func apply(to state: inout TenantState, gstin supplier: GSTIN) -> GSTR1JobOutcome {
        switch self {
        case .malformedSave:
            return GSTR1JobOutcome(action: .save, errors: [], failure: .malformed, applied: 0)
        case .saveDuringReset:
            return GSTR1JobOutcome(action: .save, errors: [], failure: .resetInProgress, applied: 0)
        case .proceed:
            return GSTR1JobOutcome(action: .proceed, errors: [], failure: nil, applied: 0)   // applied at submission
        case .reset(let period):
            return GSTR1JobOutcome(action: .reset, errors: [], failure: nil,
                                   applied: state.resetGSTR1(supplier: supplier, period: period))
        case .save(let period, let entries):
            return state.saveGSTR1(entries, supplier: supplier, period: period)
        }
    }

    /// Rendered as GSTN's whole-request error (RET191106), the documented ER of a GSTR-1 job.
    package func forcedFailure() -> GSTR1JobOutcome {
        GSTR1JobOutcome(action: action, errors: [], failure: .malformed, applied: 0)
    }
}

public enum GSTR1Action: String, Hashable, Sendable { case save, reset, proceed }

/// Why a whole GSTR-1 job failed.
public enum GSTR1JobFailure: Hashable, Sendable {
    case malformed
    case resetInProgress
}

/// The outcome a GSTR-1 job recorded.
public struct GSTR1JobOutcome: JobOutcome {
    public var action: GSTR1Action
    /// Records refused by the business checks (the others were applied).
    public var errors: [GSTR1RecordError]
    public var failure: GSTR1JobFailure?
    public var applied: Int

    public var status: JobStatus { failure != nil ? .error : errors.isEmpty ? .processed : .processedWithErrors }

    public var journalText: String {
        "\(status.rawValue) (GSTR-1 \(action.rawValue): \(applied) applied, \(errors.count) errors)"
    }
}

/// A GSTR-1 job as a status poll sees it.
public enum GSTR1JobPoll: Hashable, Sendable {
    case inProgress(GSTR1Action)
    case completed(GSTR1JobOutcome)
}

/// Why a GSTR-1 request was refused at submission (nothing changes).
public enum GSTR1Refusal: Error, Hashable, Sendable {
    /// The GSTIN is not a taxpayer of this world.
    case unknownTaxpayer
    /// The period's GSTR-1 is filed.
    case alreadyFiled
    /// A reset of the period has not completed yet.
    case resetInProgress
    /// Proceed asked for a return that is already ready to file.
    case alreadyReadyToFile
    /// Filing asked for a period with nothing saved.
    case nothingSubmitted
}
