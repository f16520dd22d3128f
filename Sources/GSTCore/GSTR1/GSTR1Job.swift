/// A GSTR-1 save / reset / proceed job of the job's GSTIN (the supplier).
public struct GSTR1Job: Hashable, Sendable {
    public var action: GSTR1Action
    public var period: ReturnPeriod
    /// A save's records, checked for structure; at completion each that passes the business checks is
    /// applied. None for reset and proceed, and when refused.
    public var entries: [GSTR1Entry]
    public var refusal: GSTR1JobFailure?

    public static func save(_ period: ReturnPeriod, _ entries: [GSTR1Entry]) -> GSTR1Job {
        GSTR1Job(action: .save, period: period, entries: entries)
    }
    public static func reset(_ period: ReturnPeriod) -> GSTR1Job { GSTR1Job(action: .reset, period: period, entries: []) }
    /// The return became ready to file at submission; the job only records it for status polling.
    public static func proceed(_ period: ReturnPeriod) -> GSTR1Job { GSTR1Job(action: .proceed, period: period, entries: []) }
    /// A request refused at submission (a body that broke the structure, a save while a reset runs):
    /// it ends in error and changes nothing.
    public static func refused(_ action: GSTR1Action, _ period: ReturnPeriod, _ reason: GSTR1JobFailure) -> GSTR1Job {
        GSTR1Job(action: action, period: period, entries: [], refusal: reason)
    }
}

extension GSTR1Job: JobWork {
    package var journalText: String {
        let what: String
        switch (action, refusal) {
        case (_, .malformed?): what = "\(action.rawValue) (malformed)"
        case (_, .resetInProgress?): what = "\(action.rawValue) (reset in progress)"
        case (.save, nil): what = "save of \(entries.count) records"
        case (.reset, nil): what = "reset"
        case (.proceed, nil): what = "proceed to file"
        }
        return "GSTR-1 \(period.mmyyyy) \(what)"
    }

    package var controlKind: String { "gstr1.\(action.rawValue)" }
    package var controlPeriod: ReturnPeriod? { period }

    /// Applies the job all at once (the supplier's return of `period` changes; see TenantState+GSTR1Apply).
    package func apply(to state: inout TenantState, gstin supplier: GSTIN) -> GSTR1JobOutcome {
        switch action {
        case .save:
            return state.saveGSTR1(entries, supplier: supplier, period: period)
        case .reset:
            return GSTR1JobOutcome(action: .reset, errors: [], failure: nil,
                                   applied: state.resetGSTR1(supplier: supplier, period: period))
        case .proceed:
            return GSTR1JobOutcome(action: .proceed, errors: [], failure: nil, applied: 0)
        }
    }

    package func outcome(refusedFor reason: GSTR1JobFailure) -> GSTR1JobOutcome {
        GSTR1JobOutcome(action: action, errors: [], failure: reason, applied: 0)
    }

    /// Rendered as GSTN's whole-request error (RET191106), the documented ER of a GSTR-1 job.
    package func forcedFailure() -> GSTR1JobOutcome { outcome(refusedFor: .malformed) }
}

public enum GSTR1Action: String, Hashable, Sendable { case save, reset, proceed }

/// Why a whole GSTR-1 job failed: refused at submission, or failed through the control API.
public enum GSTR1JobFailure: Hashable, Sendable {
    /// The save's body broke GSTN's structure (RET191106 at the vendors).
    case malformed
    /// A save submitted while a reset of the period was still running (RET191251 at the vendors).
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
    /// The taxpayer files quarterly (QRMP) and the period is not its quarter's last month.
    case quarterlyFiler
}
