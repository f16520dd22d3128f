/// A filed return as GSTN's tracking lists it (`EFiledlist`): the return type, period, acknowledgement
/// reference number, date and mode of filing.
public struct ReturnFiling: Hashable, Sendable {
    /// GSTN's `rtntype`.
    public enum Form: String, CaseIterable, Hashable, Sendable { case gstr1 = "GSTR1", gstr3b = "GSTR3B" }

    public var form: Form
    public var period: ReturnPeriod
    public var arn: String
    public var filedOn: CivilDate
    /// GSTN's `mof`: "GSP" for a return filed through this API, "ONLINE" for one the scenario states filed.
    public var mode: String

    public init(form: Form, period: ReturnPeriod, arn: String, filedOn: CivilDate, mode: String) {
        self.form = form; self.period = period; self.arn = arn; self.filedOn = filedOn; self.mode = mode
    }
}

extension TenantState {
    /// Every return `gstin` has filed, by period then form: the receipts of filings made through the API
    /// (their acknowledgement numbers as answered), and for returns the world states filed (a scenario's
    /// `gstr1_filed`/`gstr3b_filed`, a supplier's filed documents) a receipt derived from the GSTIN, form and
    /// period — the same on every run — dated the day the documents were filed or else the return's due
    /// date (GSTR-1 the 11th, GSTR-3B the 20th of the next month, at the latest today).
    public func filedReturns(gstin: GSTIN) -> [ReturnFiling] {
        var out: [ReturnFiling] = []
        var filed1: Set<ReturnPeriod> = [], filed3B: Set<ReturnPeriod> = []
        if let t = taxpayers[gstin] {
            out = t.filingReceipts
            filed1 = t.gstr1Filed; filed3B = t.gstr3bFiled
        } else if parties[gstin] != nil {
            for d in documents.issued(by: gstin) where d.filing.filed { filed1.insert(d.filing.period) }
        }
        let receipted = Set(out.map { "\($0.form.rawValue)\($0.period.mmyyyy)" })
        for (form, periods, dueDay) in [(ReturnFiling.Form.gstr1, filed1, 11), (.gstr3b, filed3B, 20)] {
            for p in periods where !receipted.contains("\(form.rawValue)\(p.mmyyyy)") {
                let due = CivilDate(year: p.next.year, month: p.next.month, day: dueDay) ?? today
                let day = form == .gstr1 ? (filingDay(of: gstin, period: p) ?? min(due, today)) : min(due, today)
                out.append(ReturnFiling(form: form, period: p, arn: derivedARN(gstin: gstin, form: form, period: p),
                                        filedOn: day, mode: "ONLINE"))
            }
        }
        return out.sorted { ($0.period, $0.form.rawValue) < ($1.period, $1.form.rawValue) }
    }

    /// The day `gstin`'s documents of `period` were filed, when the world knows it.
    func filingDay(of gstin: GSTIN, period: ReturnPeriod) -> CivilDate? {
        documents.issued(by: gstin).compactMap { $0.filing.period == period ? $0.filing.filedOn : nil }.min()
    }

    /// `AA` + state code + MMYY + seven digits from a hash of the GSTIN, form and period.
    func derivedARN(gstin: GSTIN, form: ReturnFiling.Form, period: ReturnPeriod) -> String {
        var text = gstin.value + form.rawValue + period.mmyyyy
        let digits = text.withUTF8 { Fingerprint64.of(UnsafeRawBufferPointer($0)) } % 10_000_000
        return entryNumberText(prefix: "AA", gstin: gstin, period: period, digits: digits)
    }

    /// Records the receipt of a filing made through the API.
    mutating func recordFiling(_ filing: ReturnFiling, of gstin: GSTIN) {
        taxpayers[gstin]?.filingReceipts.append(filing)
    }
}

