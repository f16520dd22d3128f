/// A monthly tax period, written `MMYYYY` on the wire (`rtnprd`, `ret_period`, `fp`, `itcprd`).
public struct ReturnPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    // 8 bytes rather than two Ints (16): every document and index key holds one.
    private let storedYear: Int32
    private let storedMonth: UInt8

    public var month: Int { Int(storedMonth) }
    public var year: Int { Int(storedYear) }

    public init?(month: Int, year: Int) {
        guard (1...12).contains(month), (1900...2099).contains(year) else { return nil }
        self.init(unchecked: month, year)
    }

    /// Parses `MMYYYY` exactly as the schema's `^((0[1-9]|1[012])((19|20)\d\d))$`.
    public init?(mmyyyy s: String) {
        let u = Array(s.utf8)
        guard u.count == 6, u.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let m = Int(String(decoding: u[0..<2], as: UTF8.self)),
              let y = Int(String(decoding: u[2..<6], as: UTF8.self)) else { return nil }
        self.init(month: m, year: y)
    }

    /// Parses the `{year}/{month}` path parameters of Sandbox's routes ("2024", "03" or "3").
    public init?(year y: String, month m: String) {
        guard y.utf8.count == 4, let yi = Int(y), (1...2).contains(m.utf8.count), let mi = Int(m) else { return nil }
        self.init(month: mi, year: yi)
    }

    /// The period a date falls in.
    public init(containing date: CivilDate) { self.init(unchecked: date.month, date.year) }

    public var mmyyyy: String { (month < 10 ? "0\(month)" : "\(month)") + String(year) }
    public var description: String { mmyyyy }

    /// The following month. Like `init(containing:)`, month arithmetic is total: the 1900–2099 range
    /// guards text read from outside, and a due date after December 2099 or the 18-month window before
    /// January 1900 must not trap (both did, from a scenario document and a GSTR-1 save).
    public var next: ReturnPeriod { month == 12 ? ReturnPeriod(unchecked: 1, year + 1) : ReturnPeriod(unchecked: month + 1, year) }
    public var previous: ReturnPeriod { month == 1 ? ReturnPeriod(unchecked: 12, year - 1) : ReturnPeriod(unchecked: month - 1, year) }

    /// A valid month (1–12); the year saturates at Int32's range.
    private init(unchecked month: Int, _ year: Int) { storedMonth = UInt8(month); storedYear = Int32(clamping: year) }

    /// False for a period outside what `MMYYYY` can name (1900–2099), reached by date or month arithmetic.
    public var isNameable: Bool { ReturnPeriod(month: month, year: year) != nil }

    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1)! }
    public var lastDay: CivilDate { CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))! }

    /// The financial year (April–March) this period belongs to, named by its first calendar year:
    /// April 2024 … March 2025 → 2024 ("2024-25").
    public var financialYearStart: Int { month >= 4 ? year : year - 1 }
    public var financialYearLabel: String { FinancialYear.label(financialYearStart) }

    /// GSTN generates the draft GSTR-2B of a period on the 14th of the following month.
    public var draftGSTR2BDate: CivilDate { CivilDate(year: next.year, month: next.month, day: 14)! }

    /// The next day a draft GSTR-2B becomes available as of `today`: this month's 14th until then,
    /// next month's after (the date fault-injected IMS2B009 / RET2B1023 messages carry).
    public static func nextDraftGSTR2BDate(asOf today: CivilDate) -> CivilDate {
        today.day < 14
            ? CivilDate(year: today.year, month: today.month, day: 14) ?? today
            : ReturnPeriod(containing: today).draftGSTR2BDate
    }

    public static func < (a: ReturnPeriod, b: ReturnPeriod) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
