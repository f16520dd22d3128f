/// SAVE or RESET (GSTN `reqtyp`; Sandbox's status answer names it in `transTypCd`).
public enum IMSRequestType: Hashable, Sendable {
    case save, reset
}

/// An IMS SAVE / RESET job: what an adapter submits to the IMS state machine. Nothing is checked or
/// changed at submission; the records are checked and applied together when the job completes.
public struct IMSJob: Hashable, Sendable {
    public var requestType: IMSRequestType
    /// The records to act on, in request order (none when refused).
    public var items: [IMSActionItem]
    public var refusal: IMSJobRefusal?

    /// Take actions A / R / P.
    public static func save(_ items: [IMSActionItem]) -> IMSJob { IMSJob(requestType: .save, items: items) }
    /// Return records to No Action.
    public static func reset(_ items: [IMSActionItem]) -> IMSJob { IMSJob(requestType: .reset, items: items) }
    /// A request the adapter refused: the job gets a reference id like any other, and ends in error
    /// changing nothing.
    public static func refused(_ requestType: IMSRequestType, _ reason: IMSJobRefusal) -> IMSJob {
        IMSJob(requestType: requestType, items: [], refusal: reason)
    }
}

/// Why an IMS request was refused at submission.
public enum IMSJobRefusal: Hashable, Sendable {
    /// The body is invalid against the schema (IMSSAV005 at the vendor).
    case schemaViolation
}

extension IMSJob: JobWork {
    package var journalText: String {
        let type = requestType == .save ? "save" : "reset"
        switch refusal {
        case nil: return "IMS \(type) of \(items.count) records"
        case .schemaViolation?: return "IMS \(type) (schema violation)"
        }
    }

    package var controlKind: String { requestType == .save ? "ims.save" : "ims.reset" }
    /// IMS jobs act on records of any period.
    package var controlPeriod: ReturnPeriod? { nil }

    /// Validates and applies every record in order (a later record of the same request sees the effect
    /// of an earlier one); a failed record changes nothing and is reported.
    package func apply(to state: inout TenantState, gstin recipient: GSTIN) -> IMSJobOutcome {
        state.generateDueDrafts(recipient: recipient)
        let isReset = requestType == .reset
        var processed = 0
        var errors: [IMSRecordError] = []
        for item in items {
            if let reason = state.applyIMS(item, isReset: isReset, recipient: recipient) {
                errors.append(IMSRecordError(section: item.section, supplier: item.supplier, number: item.number,
                                             period: item.period, reason: reason))
            } else {
                processed += 1
            }
        }
        return IMSJobOutcome(requestType: requestType, status: errors.isEmpty ? .processed : .processedWithErrors,
                             processedCount: processed, errorCount: errors.count, errors: errors)
    }

    /// `ER` with no record processed, as the vendor's IMSSAV005 example reports.
    package func outcome(refusedFor reason: IMSJobRefusal) -> IMSJobOutcome {
        IMSJobOutcome(requestType: requestType, status: .error, processedCount: 0, errorCount: 0, errors: [])
    }

    /// The same `ER`: adapters render it as the job-level schema failure, the only whole-request error
    /// GSTN documents for IMS.
    package func forcedFailure() -> IMSJobOutcome { outcome(refusedFor: .schemaViolation) }
}

/// The result of a completed IMS SAVE / RESET job. `status` `.error`: the request as a whole was
/// refused (schema violation) or failed through the control API; nothing changed.
///
/// Counting: `processedCount` is the number of records applied successfully, `errorCount` the number
/// that failed, so `processedCount + errorCount` is the number of records submitted. (The vendor's
/// PE example, proc_cnt "10" with err_cnt "2", fits either reading; counting only successes keeps
/// the two numbers disjoint and makes "how many changed" directly readable.) A schema violation
/// reports 0 and 0, as the vendor's IMSSAV005 example does.
public struct IMSJobOutcome: JobOutcome {
    public var requestType: IMSRequestType
    public var status: JobStatus
    public var processedCount: Int
    public var errorCount: Int
    /// Failed records in request order.
    public var errors: [IMSRecordError]

    public init(requestType: IMSRequestType, status: JobStatus, processedCount: Int, errorCount: Int, errors: [IMSRecordError]) {
        self.requestType = requestType; self.status = status
        self.processedCount = processedCount; self.errorCount = errorCount; self.errors = errors
    }

    public var journalText: String { "\(status.rawValue) (\(processedCount) processed, \(errorCount) errors)" }
}

/// The answer to polling an IMS job.
public enum IMSJobPoll: Hashable, Sendable {
    case inProgress
    case completed(IMSJobOutcome)
}
