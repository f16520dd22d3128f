/// A calendar date in India Standard Time. GST dates are civil dates (`DD-MM-YYYY` on the wire);
/// the sandbox clock counts epoch milliseconds, and this type converts between the two with
/// pure arithmetic (no Foundation, no time-zone database: IST has no daylight saving).
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Stored in 8 bytes rather than three Ints (24): a document holds up to four dates and a world a
    // million documents. Int32 years cover every instant an Int64 of milliseconds can name (±292M years).
    private let storedYear: Int32
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// IST is UTC+05:30.
    public static let istOffsetMilliseconds: Int64 = 19_800_000

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              Int32(exactly: year) != nil else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// A valid month and day (from calendar arithmetic); the year saturates at Int32's range, which
    /// no instant reaches.
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        storedYear = Int32(clamping: year); storedMonth = UInt8(month); storedDay = UInt8(day)
    }

    /// The IST calendar date of an instant.
    /// The first day of a return period.
    public init(firstDayOf period: ReturnPeriod) { self.init(unchecked: period.year, period.month, 1) }

    public init(epochMilliseconds ms: Int64) {
        let local = ms.addingReportingOverflow(CivilDate.istOffsetMilliseconds)
        let instant = local.overflow ? Int64.max : local.partialValue
        // Floor division, without the `instant - 86_399_999` that overflows near Int64.min.
        let days = Int(instant / 86_400_000 - (instant % 86_400_000 < 0 ? 1 : 0))
        let (y, m, d) = CivilDate.civil(fromDays: days)
        self.init(unchecked: y, m, d)
    }

    /// Parses `DD-MM-YYYY` (IMS, GSTR-1) or `DD/MM/YYYY` (query filters).
    public init?(ddmmyyyy s: String) {
        let u = Array(s.utf8)
        guard u.count == 10, u[2] == u[5], u[2] == UInt8(ascii: "-") || u[2] == UInt8(ascii: "/") else { return nil }
        // Digits only: `Int` also reads a sign, and "16-02-+025" was year 25.
        let digits = [0, 1, 3, 4, 6, 7, 8, 9]
        guard digits.allSatisfy({ u[$0] >= UInt8(ascii: "0") && u[$0] <= UInt8(ascii: "9") }) else { return nil }
        guard let d = Int(String(decoding: u[0..<2], as: UTF8.self)),
              let m = Int(String(decoding: u[3..<5], as: UTF8.self)),
              let y = Int(String(decoding: u[6..<10], as: UTF8.self)) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Midnight IST of this date, as epoch milliseconds.
    public var startEpochMilliseconds: Int64 {
        Int64(daysSinceEpoch) * 86_400_000 - CivilDate.istOffsetMilliseconds
    }

    /// `DD-MM-YYYY`.
    public var dashed: String { format(separator: "-") }
    /// `DD/MM/YYYY` (used in messages such as IMS2B009's "Kindly generate 2b after 14/05/2025").
    public var slashed: String { format(separator: "/") }
    public var description: String { dashed }

    public func adding(days: Int) -> CivilDate {
        let (y, m, d) = CivilDate.civil(fromDays: daysSinceEpoch + days)
        return CivilDate(unchecked: y, m, d)
    }

    public var daysSinceEpoch: Int { CivilDate.days(fromCivil: year, month, day) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    private func format(separator: String) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        // Four year digits, as the format says and `init(ddmmyyyy:)` reads: year 25 is "0025".
        let year = self.year >= 0 && self.year < 1000 ? String(String(self.year + 10000).dropFirst()) : String(self.year)
        return two(day) + separator + two(month) + separator + year
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
