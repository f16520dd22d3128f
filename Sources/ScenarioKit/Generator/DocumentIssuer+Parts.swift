import GSTCore

/// The pieces of one generated document: dates, numbers, items, filing, IMS state.
extension DocumentIssuer {
    /// A day of `period`, never after the scenario clock's date.
    func randomDate(in period: ReturnPeriod, rng: inout SplitMix64) -> CivilDate {
        var last = period.lastDay
        if let today, today < last { last = max(today, period.firstDay) }
        return CivilDate(year: period.year, month: period.month, day: rng.int(in: 1...last.day))!
    }

    /// The document an amendment revises: an earlier one this supplier issued to the same
    /// recipient in the base section when there is one (so both sit in the world), else an
    /// original from one to three periods back that predates the scenario.
    mutating func pickOriginal(for section: IMSSection, recipient: GSTIN, before period: ReturnPeriod,
                               rng: inout SplitMix64, existing: [Document]) -> (number: String, date: CivilDate) {
        let base: IMSSection
        switch section {
        case .b2ba: base = .b2b
        case .b2bdna: base = .b2bdn
        case .b2bcna: base = .b2bcn
        default: base = .ecom
        }
        let key = AmendableKey(section: base, recipient: recipient)
        if let list = amendable[key] {
            let eligible = list.indices.filter { ReturnPeriod(containing: existing[list[$0]].date) < period }
            if !eligible.isEmpty {
                let at = eligible[rng.below(eligible.count)]
                let doc = existing[list[at]]
                amendable[key]!.remove(at: at)   // each original is amended once
                return (doc.number, doc.date)
            }
        }
        var earlier = period
        for _ in 0..<rng.int(in: 1...3) { earlier = earlier.previous }
        let date = randomDate(in: earlier, rng: &rng)
        return (nextNumber(kind: section.kind, date: date, rng: &rng), date)
    }

    /// The next number of the supplier's series for this kind of document and financial year,
    /// e.g. `SSP/2425/000731`, `SSPCN/2425/0042`; serials skip a few (other customers' bills).
    mutating func nextNumber(kind: IMSSection.Kind, date: CivilDate, rng: inout SplitMix64) -> String {
        let fyStart = ReturnPeriod(containing: date).financialYearStart
        let (tag, width): (StaticString, Int)
        switch kind {
        case .invoice: (tag, width) = ("", 6)
        case .debitNote: (tag, width) = ("DN", 4)
        case .creditNote: (tag, width) = ("CN", 4)
        }
        let counterKey = SeriesKey(kind: kind, financialYear: fyStart)
        let serial = serials[counterKey] ?? rng.int(in: 1...1500)
        serials[counterKey] = serial + rng.int(in: 1...9)
        // Built as bytes: this runs once per generated document (100,000 in the large scenario).
        var b: [UInt8] = []
        b.reserveCapacity(16)
        b.append(contentsOf: prefix.utf8)
        tag.withUTF8Buffer { b.append(contentsOf: $0) }
        b.append(UInt8(ascii: "/"))
        DocumentIssuer.appendDigits(fyStart % 100, width: 2, to: &b)
        DocumentIssuer.appendDigits((fyStart + 1) % 100, width: 2, to: &b)
        b.append(UInt8(ascii: "/"))
        DocumentIssuer.appendDigits(serial, width: width, to: &b)
        if b.count <= 16 { return String(decoding: b, as: UTF8.self) }
        // A series longer than its width (huge generated runs) drops the prefix to stay within 16.
        b.removeAll(keepingCapacity: true)
        b.append(kind == .invoice ? UInt8(ascii: "I") : kind == .debitNote ? UInt8(ascii: "D") : UInt8(ascii: "C"))
        DocumentIssuer.appendDigits(fyStart % 100, width: 2, to: &b)
        DocumentIssuer.appendDigits((fyStart + 1) % 100, width: 2, to: &b)
        DocumentIssuer.appendDigits(serial, width: 1, to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    /// Decimal digits of `n` (≥ 0), zero-padded to `width`.
    static func appendDigits(_ n: Int, width: Int, to b: inout [UInt8]) {
        var count = 1, v = n
        while v >= 10 { count += 1; v /= 10 }
        for _ in count..<max(width, count) { b.append(48) }
        let end = b.count + count
        b.append(contentsOf: repeatElement(48, count: count))
        v = n
        for at in stride(from: end - 1, through: end - count, by: -1) { b[at] = UInt8(48 + v % 10); v /= 10 }
    }

    func makeItems(section: IMSSection, invoiceType: InvoiceType, pos: StateCode, rng: inout SplitMix64) -> [LineItem] {
        let range = section.isNote ? spec.itemsPerDocument.lowerBound...min(2, spec.itemsPerDocument.upperBound)
                                   : spec.itemsPerDocument
        let count = rng.int(in: range)
        let interState = invoiceType == .sezWithPayment || supplier.gstin.stateCode != pos
        var items: [LineItem] = []
        items.reserveCapacity(max(count, 1))
        for _ in 0..<max(count, 1) {
            let rate = spec.rates.pick(&rng)
            // One line per rate, as GSTR-1 and IMS group items.
            if items.contains(where: { $0.rate == rate }) { continue }
            let taxable = randomAmount(rng: &rng)
            let cess = rate == TaxRate(percent: 28) && rng.chance(percent: spec.cessPercent)
                ? taxable.percentage(TaxRate(percent: 12)) : .zero
            if invoiceType == .sezWithoutPayment {
                items.append(LineItem(number: items.count + 1, rate: rate, taxableValue: taxable,
                                      igst: .zero, cgst: .zero, sgst: .zero, cess: .zero))
            } else {
                items.append(.computed(number: items.count + 1, rate: rate, taxableValue: taxable,
                                       interState: interState, cess: cess))
            }
        }
        return items
    }

    /// Log-uniform-ish without floating point: a doubling bucket between the bounds, then a
    /// uniform value inside it, so small bills are as common as large ones. Mostly whole rupees.
    func randomAmount(rng: inout SplitMix64) -> Amount {
        let lo = spec.taxableValue.lowerBound.paise, bounds = amountBounds
        guard bounds.count > 1 else { return Amount(paise: lo) }
        let b = rng.below(bounds.count - 1)
        var value = rng.int64(in: bounds[b]...bounds[b + 1])
        if rng.chance(percent: 70), value / 100 * 100 >= lo { value = value / 100 * 100 }
        return Amount(paise: value)
    }

    /// GSTR-1 is due on the 11th, IFF on the 13th, GSTR-1A later in the following month; a
    /// return whose filing day is still ahead of the scenario clock is not filed yet. Decided once
    /// per (period, form), since a supplier files a return once for all its documents.
    mutating func makeFiling(period: ReturnPeriod, rng: inout SplitMix64) -> SupplierFiling {
        let form = spec.forms.pick(&rng)
        let key = FilingKey(period: period, form: form)
        if let decided = filings[key] { return decided }
        let wantsFiled = gstr1Filed.map { $0.contains(period) } ?? rng.chance(percent: spec.filedPercent)
        let days: ClosedRange<Int>
        switch form {
        case .gstr1: days = 1...11
        case .iff: days = 1...13
        case .gstr1A: days = 12...28
        }
        let next = period.next
        var filedOn = CivilDate(year: next.year, month: next.month, day: rng.int(in: days))!
        var filed = wantsFiled
        if let today, filedOn > today {
            // A taxpayer's declared filing stands (filed early, by today); a generated supplier
            // simply has not filed yet.
            if gstr1Filed != nil && today > period.lastDay { filedOn = today } else { filed = false }
        }
        let filing = SupplierFiling(form: form, period: period, filed: filed, filedOn: filed ? filedOn : nil)
        filings[key] = filing
        return filing
    }

    func makeIMS(rng: inout SplitMix64) -> IMSRecordState {
        let blocked = rng.chance(percent: spec.pendingBlockedPercent)
        let weights = blocked ? spec.statuses.excluding(.pending) : spec.statuses
        let status = weights.total > 0 ? weights.pick(&rng) : .noAction
        var remarks: String?
        switch status {
        case .rejected where rng.chance(percent: 60): remarks = rng.element(of: DocumentIssuer.rejectionRemarks)
        case .pending where rng.chance(percent: 60): remarks = rng.element(of: DocumentIssuer.pendingRemarks)
        default: break
        }
        return IMSRecordState(status: status, pendingActionBlocked: blocked, remarks: remarks)
    }

    static let rejectionRemarks = [
        "Goods not received", "Rate differs from purchase order", "Duplicate invoice", "Quantity short supplied",
        "Invoice not in our books", "Wrong GSTIN of recipient",
    ]
    static let pendingRemarks = ["Awaiting goods receipt note", "Under verification with purchase team", "Price dispute open"]

    /// `[lo, max(lo, ₹1), 2×, 4×, …, hi]`; a single edge when the range is one value.
    static func buckets(_ range: ClosedRange<Amount>) -> [Int64] {
        let lo = range.lowerBound.paise, hi = range.upperBound.paise
        guard hi > lo else { return [lo] }
        var bounds: [Int64] = [lo]
        var edge = max(lo, 100)
        while edge < hi {
            if edge > bounds[bounds.count - 1] { bounds.append(edge) }
            edge = edge > hi / 2 ? hi : edge * 2
        }
        bounds.append(hi)
        return bounds
    }

    /// Up to three capital initials of the trade name, padded from the first word: "SSP", "AGA".
    static func seriesPrefix(_ name: String) -> String {
        let words = name.split(separator: " ").filter { $0.first?.isLetter == true && $0.first?.isASCII == true }
        var initials = words.prefix(3).compactMap { $0.first.map { String($0).uppercased() } }.joined()
        let filler = Array((words.first ?? "X").uppercased().filter { $0.isASCII && $0.isLetter }.dropFirst())
        var i = 0
        while initials.count < 3 { initials.append(i < filler.count ? filler[i] : "X"); i += 1 }
        return initials
    }

    /// A 64-hex-character IRN (a SHA-256 in the real system; random here).
    static func hex64(_ rng: inout SplitMix64) -> String {
        let hex: StaticString = "0123456789abcdef"
        return hex.withUTF8Buffer { digits in
            String(unsafeUninitializedCapacity: 64) { b in
                for word in 0..<4 {
                    var v = rng.next()
                    for i in stride(from: 15, through: 0, by: -1) {
                        b[word * 16 + i] = digits[Int(v & 0xF)]
                        v >>= 4
                    }
                }
                return 64
            }
        }
    }
}
