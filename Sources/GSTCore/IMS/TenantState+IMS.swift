extension TenantState {
    // MARK: Views (recipient side)

    /// The recipient's IMS records of `section`, optionally only those with `status`, in
    /// `DocumentKey` order (supplier, then number). Records excluded by the POS rule or removed by a
    /// GSTR-3B filing are not in IMS.
    public func imsRecords(recipient: GSTIN, section: IMSSection, status: IMSStatus? = nil) -> [Document] {
        let ims = documents.imsStates
        return documents.receivedIndices(by: recipient).compactMap { i in
            guard status == nil || ims.status(at: i) == status else { return nil }
            let content = documents.contents[i]
            guard content.section == section, !ims.isRemovedFromIMS(at: i), !content.isIneligibleByPOSRule else { return nil }
            return documents[i]
        }
    }

    /// Counts of the recipient's IMS records per section and status; every section is present.
    public func imsCounts(recipient: GSTIN) -> [IMSSection: IMSCounts] {
        var out: [IMSSection: IMSCounts] = [:]
        for s in IMSSection.allCases { out[s] = IMSCounts() }
        let ims = documents.imsStates
        for i in documents.receivedIndices(by: recipient) {
            let content = documents.contents[i]
            guard !ims.isRemovedFromIMS(at: i), !content.isIneligibleByPOSRule else { continue }
            out[content.section]!.add(ims.status(at: i))
        }
        return out
    }

    // MARK: Actions

    /// Submits a SAVE / RESET as a job and returns its reference id. Nothing is validated or changed
    /// now: records are checked and applied together when the job completes (`JobTiming`).
    public mutating func submitIMSAction(_ job: IMSJob, recipient: GSTIN) -> String {
        settleJobs()
        return submitJob(job, recipient: recipient)
    }

    /// Polls an IMS job. Nil when `referenceID` is unknown, belongs to another recipient, or is not an
    /// IMS job.
    public mutating func pollIMSJob(referenceID: String, recipient: GSTIN) -> IMSJobPoll? {
        guard let polled = pollJob(referenceID, of: IMSJob.self, for: recipient) else { return nil }
        return polled.outcome.map(IMSJobPoll.completed) ?? .inProgress
    }

    /// One record of an IMS job (`IMSJob.apply`); nil on success, else why it failed (nothing changed
    /// for it).
    mutating func applyIMS(_ item: IMSActionItem, isReset: Bool, recipient: GSTIN) -> IMSRecordErrorReason? {
        let target: IMSStatus
        if isReset {
            guard item.action == nil else { return .schemaViolation }
            target = .noAction
        } else {
            guard let a = item.action, a != .noAction else { return .schemaViolation }
            target = a
        }
        guard let index = documents.index(of: item.key) else { return .notFound }
        let doc = documents[index]
        guard doc.recipient == recipient, doc.filing.period == item.period, doc.isInIMS else { return .notFound }
        guard doc.ims.status == item.previousStatus else { return .previousStatusMismatch }
        if target == .pending && doc.ims.pendingActionBlocked { return .pendingNotAllowed }
        let from = doc.ims.status
        documents.updateIMS(at: index) { ims in
            ims.status = target
            if isReset { ims.remarks = nil } else if let r = item.remarks { ims.remarks = r }
        }
        record("IMS \(item.section.rawValue) \(item.supplier.value) \(item.number) \(from.rawValue)→\(target.rawValue)")
        return nil
    }
}
