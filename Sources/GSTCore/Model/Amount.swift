/// Money in paise. GST amounts have two decimals (schema `multipleOf: 0.01`); integer paise keep
/// every total an exact sum, so `itcsumm` and `cpsumm` always equal the documents they summarise.
public struct Amount: Hashable, Sendable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    public var paise: Int64

    public init(paise: Int64) { self.paise = paise }
    public init(rupees: Int64) { paise = rupees * 100 }

    /// Parses a JSON number's text ("1888", "397.44", "30.5"); nil if it has more than two
    /// decimals, an exponent, or is negative — the schema's `minimum: 0, multipleOf: 0.01`.
    public init?(decimalText s: String) {
        var whole: Int64 = 0, frac: Int64 = 0, fracDigits = 0, seenDot = false, any = false
        for c in s.utf8 {
            if c == UInt8(ascii: ".") { guard !seenDot else { return nil }; seenDot = true; continue }
            guard c >= 48 && c <= 57 else { return nil }
            let d = Int64(c - 48)
            any = true
            if seenDot {
                fracDigits += 1
                if fracDigits > 2 { guard d == 0 else { return nil }; continue }
                frac = frac * 10 + d
            } else {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(d)
                guard !o1, !o2, a < 1_000_000_000_000_000 else { return nil }
                whole = a
            }
        }
        guard any else { return nil }
        if fracDigits == 1 { frac *= 10 }
        paise = whole * 100 + frac
    }

    public static var zero: Amount { Amount(paise: 0) }
    /// GSTN's schema maximum for a taxable value or tax head (`amts`, 99,999,999,999.99): what request
    /// validators and the scenario loader accept, so a saved document always exports as a loadable scenario.
    public static let gstnMaximum = Amount(paise: 9_999_999_999_999)
    /// GSTN's schema maximum for a document's value (`val`, 9,999,999,999,999.99).
    public static let gstnValueMaximum = Amount(paise: 999_999_999_999_999)
    // Amounts come from request bodies and scenario files: sums of many of them must not trap. Every
    // operation saturates at ±Int64.max paise (symmetric, so negating a result never traps either);
    // no real return comes near it (a single amount is below 10^15 rupees, see `init(decimalText:)`).
    public static func + (a: Amount, b: Amount) -> Amount {
        let (sum, overflow) = a.paise.addingReportingOverflow(b.paise)
        return overflow ? saturated(negative: b.paise < 0) : Amount(clamping: sum)
    }
    public static func - (a: Amount, b: Amount) -> Amount {
        let (difference, overflow) = a.paise.subtractingReportingOverflow(b.paise)
        return overflow ? saturated(negative: b.paise > 0) : Amount(clamping: difference)
    }
    /// The amount with the opposite sign.
    public static prefix func - (a: Amount) -> Amount { Amount(clamping: 0 &- a.paise) }

    /// The largest magnitude an amount takes: results beyond it are clamped to it.
    static let limit = Int64.max
    static func saturated(negative: Bool) -> Amount { Amount(paise: negative ? -limit : limit) }
    /// `paise`, with `Int64.min` (the one value whose negation traps) raised to `-Int64.max`.
    init(clamping paise: Int64) { self.paise = paise == .min ? -Self.limit : paise }
    public static func < (a: Amount, b: Amount) -> Bool { a.paise < b.paise }

    /// The JSON number text the vendors print: no trailing zeros ("1888", "397.44", "258.6").
    public var description: String {
        let sign = paise < 0 ? "-" : ""
        let p = paise.magnitude
        let whole = p / 100, frac = p % 100
        if frac == 0 { return sign + String(whole) }
        if frac % 10 == 0 { return sign + String(whole) + "." + String(frac / 10) }
        return sign + String(whole) + "." + (frac < 10 ? "0" : "") + String(frac)
    }

    /// `self × rate`, rounded half-up to the paisa. `rate` is in hundredths of a percent (18% = 1800).
    /// Saturates (see `+`) when the product does not fit, e.g. for an absurd rate in a request body.
    public func percentage(_ rate: TaxRate) -> Amount {
        let (num, overflow) = paise.multipliedReportingOverflow(by: Int64(rate.hundredths))
        if overflow { return Self.saturated(negative: (paise < 0) != (rate.hundredths < 0)) }
        let q = num / 10_000, r = num % 10_000
        return Amount(clamping: q + (r * 2 >= 10_000 ? 1 : 0))
    }
}

/// A GST rate in hundredths of a percent: 18% = 1800, 0.25% = 25.
public struct TaxRate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Four bytes, not eight: every line item of every document holds one. Clamped, never trapping:
    /// a rate read from a request is checked against the rate list afterwards.
    private let stored: Int32
    public var hundredths: Int { Int(stored) }
    public init(hundredths: Int) { stored = Int32(clamping: hundredths) }
    public init(percent: Int) {
        let (hundredths, overflow) = percent.multipliedReportingOverflow(by: 100)
        self.init(hundredths: overflow ? (percent < 0 ? .min : .max) : hundredths)
    }
    public static func < (a: TaxRate, b: TaxRate) -> Bool { a.hundredths < b.hundredths }
    /// JSON number text: "18", "0.25", "1.5".
    public var description: String { Amount(paise: Int64(hundredths)).description }
    /// The rates GSTN's rate list allows on goods and services.
    public static let standard: [TaxRate] = [0, 10, 25, 100, 150, 300, 500, 600, 1200, 1800, 2800].map(TaxRate.init(hundredths:))
}
