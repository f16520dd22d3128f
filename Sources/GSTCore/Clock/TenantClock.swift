/// A tenant's clock: either frozen virtual time, or real time shifted by an offset.
///
/// A pure value: it is asked for the time *given* the real time, so the state machines built on it
/// stay deterministic and testable. Virtual time moves only on `set` / `advance`.
public struct TenantClock: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        /// Frozen at this instant (epoch milliseconds).
        case fixed(Int64)
        /// Real time plus this offset in milliseconds (0 = wall time).
        case realTime(offset: Int64)
    }

    public private(set) var mode: Mode

    /// The instants a tenant clock can show: 1900-01-01 00:00 IST up to the end of 9998 IST. GST began in
    /// 2017, so no scenario needs earlier dates; the upper end leaves a year of headroom under 9999 for
    /// everything derived from the clock (token and OTP expiries, job delays of at most a year, the next
    /// draft GSTR-2B date), so every instant the sandbox writes is a four-digit-year date that its own
    /// loader reads back. Requests and scenarios outside it are refused; arithmetic clamps into it.
    public static let validRange: ClosedRange<Int64> =
        CivilDate(year: 1900, month: 1, day: 1)!.startEpochMilliseconds...(CivilDate(year: 9999, month: 1, day: 1)!.startEpochMilliseconds - 1)

    /// `instant + ms` when it stays in `validRange`; nil when it would leave it (or overflow).
    public static func instant(_ instant: Int64, advancedBy ms: Int64) -> Int64? {
        let (sum, overflow) = instant.addingReportingOverflow(ms)
        return !overflow && validRange.contains(sum) ? sum : nil
    }

    static func clamped(_ value: Int64) -> Int64 { min(max(value, validRange.lowerBound), validRange.upperBound) }

    public init(_ setting: ClockSetting) {
        switch setting {
        case .fixed(let ms): mode = .fixed(Self.clamped(ms))
        case .realTime: mode = .realTime(offset: 0)
        }
    }

    /// The tenant's time, epoch milliseconds, given the real time `real`: always in `validRange`.
    public func now(real: Int64) -> Int64 {
        switch mode {
        case .fixed(let ms): return ms
        case .realTime(let offset):
            // `advance` refuses only an offset that overflows, so the testing library's `advanceClock`
            // (any Int64) can leave the sum anywhere, even past Int64; real time also moves on after a
            // request checked it. Either way the instant shown stays one the sandbox can export and reload.
            let (sum, overflow) = real.addingReportingOverflow(offset)
            return overflow ? (offset < 0 ? Self.validRange.lowerBound : Self.validRange.upperBound) : Self.clamped(sum)
        }
    }

    /// Freezes the clock at `epochMilliseconds` (virtual time from now on).
    public mutating func set(_ epochMilliseconds: Int64) { mode = .fixed(Self.clamped(epochMilliseconds)) }

    /// Moves the clock to `epochMilliseconds` but keeps it following real time from there.
    public mutating func shift(to epochMilliseconds: Int64, real: Int64) {
        mode = .realTime(offset: epochMilliseconds - real)
    }

    /// Moves the clock forward (or back, with a negative value) by `ms`, in either mode; the result is
    /// clamped into `validRange` (callers that answer a request refuse such a move first).
    public mutating func advance(by ms: Int64) {
        switch mode {
        case .fixed(let t):
            let (sum, overflow) = t.addingReportingOverflow(ms)
            mode = .fixed(overflow ? (ms < 0 ? Self.validRange.lowerBound : Self.validRange.upperBound) : Self.clamped(sum))
        case .realTime(let offset):
            let (sum, overflow) = offset.addingReportingOverflow(ms)
            mode = .realTime(offset: overflow ? offset : sum)   // an offset is no instant: only overflow is refused
        }
    }

    /// Back to plain wall time.
    public mutating func followRealTime() { mode = .realTime(offset: 0) }

    public var isFollowingRealTime: Bool {
        if case .realTime = mode { return true }
        return false
    }
}
