/// One record of an IMS SAVE or RESET request, identified as the vendors identify it: section,
/// supplier GSTIN (`stin`), document number (`inum` / `nt_num`) and supplier return period (`rtnprd`).
public struct IMSActionItem: Hashable, Sendable {
    public var section: IMSSection
    public var supplier: GSTIN
    public var number: String
    public var period: ReturnPeriod
    /// The requested status (A, R or P) on SAVE; nil on RESET.
    public var action: IMSStatus?
    /// `prev_status`: what the caller believes the record's current status is.
    public var previousStatus: IMSStatus
    /// Optional remarks sent with the action.
    public var remarks: String?

    public init(section: IMSSection, supplier: GSTIN, number: String, period: ReturnPeriod,
                action: IMSStatus?, previousStatus: IMSStatus, remarks: String? = nil) {
        self.section = section; self.supplier = supplier; self.number = number; self.period = period
        self.action = action; self.previousStatus = previousStatus; self.remarks = remarks
    }

    public var key: DocumentKey { DocumentKey(section: section, supplier: supplier, number: number) }
}

/// SAVE or RESET (GSTN `reqtyp`; Sandbox's status answer names it in `transTypCd`).
public enum IMSRequestType: Hashable, Sendable {
    case save, reset
}

/// What an adapter submits to the IMS state machine.
public enum IMSActionRequest: Hashable, Sendable {
    /// Take actions A / R / P.
    case save([IMSActionItem])
    /// Return records to No Action.
    case reset([IMSActionItem])
    /// The adapter found a SAVE body invalid against the schema: the job gets a reference id like any
    /// other, and ends in error (IMSSAV005 at the vendor) changing nothing.
    case schemaViolation
    /// The same for a RESET body.
    case resetSchemaViolation

    public var requestType: IMSRequestType {
        switch self {
        case .save, .schemaViolation: return .save
        case .reset, .resetSchemaViolation: return .reset
        }
    }
}

/// Why one record of a job failed.
public enum IMSRecordErrorReason: Hashable, Sendable {
    /// `prev_status` differs from the record's current status (IMSSAV0010).
    case previousStatusMismatch
    /// Pending requested on a record whose `ispendactblocked` is Y.
    case pendingNotAllowed
    /// No such record in this recipient's IMS (wrong key or period, another recipient's record, or
    /// removed from IMS by a GSTR-3B filing). Reported, never invented.
    case notFound
    /// The item itself is malformed for its request (an action on RESET, no action or N on SAVE).
    case schemaViolation
}

/// One failed record of a job.
public struct IMSRecordError: Hashable, Sendable {
    public var section: IMSSection
    public var supplier: GSTIN
    public var number: String
    public var period: ReturnPeriod
    public var reason: IMSRecordErrorReason

    public init(section: IMSSection, supplier: GSTIN, number: String, period: ReturnPeriod, reason: IMSRecordErrorReason) {
        self.section = section; self.supplier = supplier; self.number = number; self.period = period; self.reason = reason
    }
}

/// The result of a completed IMS SAVE / RESET job.
///
/// Counting: `processedCount` is the number of records applied successfully, `errorCount` the number
/// that failed, so `processedCount + errorCount` is the number of records submitted. (The vendor's
/// PE example, proc_cnt "10" with err_cnt "2", fits either reading; counting only successes keeps
/// the two numbers disjoint and makes "how many changed" directly readable.) A schema violation
/// reports 0 and 0, as the vendor's IMSSAV005 example does.
/// `status` `.error`: the request as a whole was refused (schema violation); nothing changed.
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

/// IMS counts of one section, by status (GETCNT / Sandbox `invoices/count`).
public struct IMSCounts: Hashable, Sendable {
    public var accept = 0
    public var noAction = 0
    public var pending = 0
    public var reject = 0

    public init(accept: Int = 0, noAction: Int = 0, pending: Int = 0, reject: Int = 0) {
        self.accept = accept; self.noAction = noAction; self.pending = pending; self.reject = reject
    }

    public var total: Int { accept + noAction + pending + reject }

    mutating func add(_ status: IMSStatus) {
        switch status {
        case .accepted: accept += 1
        case .noAction: noAction += 1
        case .pending: pending += 1
        case .rejected: reject += 1
        }
    }
}
