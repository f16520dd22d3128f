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
