/// GSTN's return filing preference for a quarter (QRMP): monthly GSTR-1 and GSTR-3B, or quarterly
/// (GSTR-1 and GSTR-3B for the quarter's last month; IFF and PMT-06 in the first two).
public enum FilingPreference: String, CaseIterable, Hashable, Sendable {
    case monthly = "M", quarterly = "Q"
}

/// A quarter of a financial year: Q1 April–June … Q4 January–March.
public struct FinancialQuarter: Hashable, Sendable, Comparable {
    /// The financial year's first calendar year (2025 for 2025-26).
    public var yearStart: Int
    /// 1…4.
    public var quarter: Int

    /// Years whose four quarters are all return periods (1900–2099).
    public static let years = 1900...2098

    public init?(yearStart: Int, quarter: Int) {
        guard (1...4).contains(quarter), Self.years.contains(yearStart) else { return nil }
        self.yearStart = yearStart; self.quarter = quarter
    }

    public init(containing p: ReturnPeriod) {
        yearStart = p.financialYearStart
        quarter = p.month >= 4 ? (p.month - 4) / 3 + 1 : 4
    }

    /// The quarter's three return periods, in order (always three: month arithmetic is total).
    public var periods: [ReturnPeriod] {
        let firstMonth = quarter == 4 ? 1 : 4 + (quarter - 1) * 3
        let year = quarter == 4 ? yearStart + 1 : yearStart
        let first = ReturnPeriod(containing: CivilDate(year: year, month: firstMonth, day: 1) ?? CivilDate(epochMilliseconds: 0))
        return [first, first.next, first.next.next]
    }

    /// GSTN's window for choosing a quarter's preference: from the first day of the preceding quarter's
    /// second month to the last day of the quarter's first month.
    public var preferenceWindow: ClosedRange<CivilDate> {
        let first = periods[0]
        let opens = first.previous.previous.firstDay
        return opens...first.lastDay
    }

    public static func < (a: FinancialQuarter, b: FinancialQuarter) -> Bool { (a.yearStart, a.quarter) < (b.yearStart, b.quarter) }
}

/// Why a filing preference was refused; nothing changed.
public enum FilingPreferenceError: Error, Hashable, Sendable {
    case unknownTaxpayer
    /// Today is outside the quarter's window (a past quarter, or one too far ahead).
    case outsideWindow(ClosedRange<CivilDate>)
    /// Quarterly filing needs an aggregate turnover of the previous year up to ₹5 crore.
    case turnoverAboveLimit
}

extension TenantState {
    /// QRMP's turnover limit: ₹5 crore in the previous financial year.
    public static let qrmpTurnoverLimit = Amount(rupees: 50_000_000)

    /// `gstin`'s preference for a quarter: what it chose, else monthly.
    public func filingPreference(gstin: GSTIN, quarter: FinancialQuarter) -> FilingPreference {
        taxpayers[gstin]?.preferences[quarter] ?? .monthly
    }

    /// Whether `period` takes a monthly GSTR-1 and GSTR-3B: always under the monthly preference, only
    /// in the quarter's last month under the quarterly one.
    public func takesMonthlyReturns(gstin: GSTIN, period: ReturnPeriod) -> Bool {
        let q = FinancialQuarter(containing: period)
        return filingPreference(gstin: gstin, quarter: q) == .monthly || period == q.periods[2]
    }

    /// Saves `gstin`'s preference for a quarter, within GSTN's window and turnover limit.
    public mutating func setFilingPreference(gstin: GSTIN, quarter: FinancialQuarter, _ preference: FilingPreference) throws(FilingPreferenceError) {
        guard taxpayers[gstin] != nil else { throw .unknownTaxpayer }
        let window = quarter.preferenceWindow
        guard window.contains(today) else { throw .outsideWindow(window) }
        if preference == .quarterly, aggregateTurnover(gstin: gstin, yearStart: quarter.yearStart - 1).declaredByPAN > Self.qrmpTurnoverLimit {
            throw .turnoverAboveLimit
        }
        taxpayers[gstin]?.preferences[quarter] = preference
        record("filing preference \(gstin.value) \(quarter.yearStart) Q\(quarter.quarter): \(preference.rawValue)")
    }
}

/// A financial year (April to March) written as GSTN writes it: "2025-26".
public enum FinancialYear {
    /// "2025-26" for the year starting in 2025.
    public static func label(_ start: Int) -> String {
        let e = (start + 1) % 100
        return "\(start)-" + (e < 10 ? "0\(e)" : "\(e)")
    }

    /// 2025 for "2025-26" (or, with `prefixed`, "FY 2025-26" as query parameters write it); nil unless
    /// the second year follows the first.
    public static func start(_ text: String, prefixed: Bool = false) -> Int? {
        let prefix = prefixed ? "FY " : ""
        guard text.hasPrefix(prefix) else { return nil }
        let u = Array(text.utf8.dropFirst(prefix.utf8.count))
        guard u.count == 7, u[4] == UInt8(ascii: "-"), u.enumerated().allSatisfy({ $0.offset == 4 || ($0.element >= 48 && $0.element <= 57) }),
              let first = Int(String(decoding: u[0..<4], as: UTF8.self)), let second = Int(String(decoding: u[5..<7], as: UTF8.self)),
              (first + 1) % 100 == second, FinancialQuarter.years.contains(first) else { return nil }
        return first
    }
}
