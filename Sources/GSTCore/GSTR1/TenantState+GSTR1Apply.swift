import JSON

/// What GSTR-1 jobs do to the world when they complete (`GSTR1Job.apply`).
extension TenantState {
    /// A GSTR-1 reset job completing: removes the period's unfiled documents of the supplier and every
    /// saved record. Returns how many records went.
    mutating func resetGSTR1(supplier: GSTIN, period: ReturnPeriod) -> Int {
        let key = SupplierPeriod(supplier: supplier, period: period)
        guard !isGSTR1Filed(supplier: supplier, period: period) else { return 0 }
        let gone = documents.issued(by: supplier).filter { $0.filing.period == period && !$0.filing.filed }.map(\.key)
        documents.remove(gone)
        let savedCount = gstr1Returns[key]?.saved.values.reduce(0) { $0 + $1.count } ?? 0
        gstr1Returns[key] = GSTR1Return()
        record("GSTR-1 \(key) reset: \(gone.count) documents, \(savedCount) saved records removed")
        return gone.count + savedCount
    }

    /// The earliest date a record of `period` may carry: the first day of the month 18 months before.
    static func earliestGSTR1Date(for period: ReturnPeriod) -> CivilDate {
        var p = period
        for _ in 0..<18 { p = p.previous }
        return p.firstDay
    }

    /// The business check of one entry: nil when it may be applied.
    func gstr1Refusal(_ e: GSTR1Entry, supplier: GSTIN, period: ReturnPeriod) -> GSTR1RecordErrorReason? {
        if let d = e.date, d > period.lastDay || d < Self.earliestGSTR1Date(for: period) {
            return e.isNote ? .noteDateOutOfRange : .invoiceDateOutOfRange
        }
        if let pos = e.placeOfSupply, StateCode(pos) == nil { return .invalidPlaceOfSupply }
        if case .document(let draft) = e.target, draft.items.contains(where: { !TaxRate.standard.contains($0.rate) }) {
            return .rateNotInList
        }
        if case .saved(.hsn, _) = e.target, Self.shortestHSN(e.wire) < requiredHSNDigits(gstin: supplier, period: period) {
            return .hsnLengthNotPerAATO
        }
        if case .document(let draft) = e.target,
           let existing = documents[DocumentKey(section: draft.section, supplier: supplier, number: draft.number)],
           existing.filing.filed {
            return .documentAlreadyFiled
        }
        return nil
    }

    /// The fewest digits an HSN summary row's `hsn_sc` has (`data`, `hsn_b2b`, `hsn_b2c` rows); Int.max
    /// with no rows.
    static func shortestHSN(_ wire: GSTR1WireRecord) -> Int {
        var shortest = Int.max
        for list in ["data", "hsn_b2b", "hsn_b2c"] {
            for row in wire.inner[list]?.arrayValue ?? [] {
                shortest = min(shortest, row["hsn_sc"]?.stringValue?.utf8.count ?? 0)
            }
        }
        return shortest
    }

    /// A GSTR-1 save job completing: applies each entry that passes the business checks.
    mutating func saveGSTR1(_ entries: [GSTR1Entry], supplier: GSTIN, period: ReturnPeriod) -> GSTR1JobOutcome {
        let key = SupplierPeriod(supplier: supplier, period: period)
        var r = gstr1Returns[key] ?? GSTR1Return()
        var errors: [GSTR1RecordError] = []
        var applied = 0
        for e in entries {
            if let reason = gstr1Refusal(e, supplier: supplier, period: period) {
                errors.append(GSTR1RecordError(wire: e.wire, reason: reason))
                continue
            }
            applied += 1
            switch e.target {
            case .document(let draft):
                let dk = DocumentKey(section: draft.section, supplier: supplier, number: draft.number)
                if e.delete { documents.remove([dk]); continue }
                upsertSavedDocument(draft, key: dk, placeOfSupply: StateCode(e.placeOfSupply ?? "") ?? draft.recipient.stateCode, period: period)
            case .saved(let section, let identity):
                var list = r.saved[section] ?? []
                let at = list.firstIndex { $0.identity == identity }
                if e.delete {
                    if let at { list.remove(at: at) }
                } else if let at {
                    list[at].wire = e.wire
                } else {
                    list.append(GSTR1SavedRecord(identity: identity, wire: e.wire))
                }
                r.saved[section] = list.isEmpty ? nil : list
            }
        }
        if applied > 0 { r.status = .saved }
        gstr1Returns[key] = r
        record("GSTR-1 \(key) saved: \(applied) applied, \(errors.count) refused")
        return GSTR1JobOutcome(action: .save, errors: errors, failure: nil, applied: applied)
    }

    /// A saved B2B/B2BA/CDNR/CDNRA record becomes the world's document: what the counterparty's IMS
    /// shows (status No Action, source GSTR-1, the period, not filed until the GSTR-1 is). An unchanged
    /// re-save keeps the counterparty's IMS action; an edit sends it back to No Action.
    private mutating func upsertSavedDocument(_ draft: GSTR1DocumentDraft, key: DocumentKey, placeOfSupply: StateCode, period: ReturnPeriod) {
        var doc = Document(key: key, recipient: draft.recipient, date: draft.date, originalNumber: draft.originalNumber,
                           originalDate: draft.originalDate, invoiceType: draft.invoiceType, placeOfSupply: placeOfSupply,
                           reverseCharge: draft.reverseCharge, items: draft.items,
                           filing: SupplierFiling(form: .gstr1, period: period, filed: false, filedOn: nil))
        if let existing = documents[key] {
            doc.irn = existing.irn; doc.irnDate = existing.irnDate
            var same = doc
            same.ims = existing.ims
            if same.imsHash == existing.imsHash && existing.recipient == doc.recipient { doc.ims = existing.ims }
        }
        documents.upsert(doc)
    }
}
