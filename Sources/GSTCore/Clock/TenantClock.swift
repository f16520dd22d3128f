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

    public init(_ setting: ClockSetting) {
        switch setting {
        case .fixed(let ms): mode = .fixed(ms)
        case .realTime: mode = .realTime(offset: 0)
        }
    }

    /// The tenant's time, epoch milliseconds, given the real time `real`.
    public func now(real: Int64) -> Int64 {
        switch mode {
        case .fixed(let ms): return ms
        case .realTime(let offset): return real + offset
        }
    }

    /// Freezes the clock at `epochMilliseconds` (virtual time from now on).
    public mutating func set(_ epochMilliseconds: Int64) { mode = .fixed(epochMilliseconds) }

    /// Moves the clock to `epochMilliseconds` but keeps it following real time from there.
    public mutating func shift(to epochMilliseconds: Int64, real: Int64) {
        mode = .realTime(offset: epochMilliseconds - real)
    }

    /// Moves the clock forward (or back, with a negative value) by `ms`, in either mode.
    public mutating func advance(by ms: Int64) {
        switch mode {
        case .fixed(let t): mode = .fixed(t + ms)
        case .realTime(let offset): mode = .realTime(offset: offset + ms)
        }
    }

    /// Back to plain wall time.
    public mutating func followRealTime() { mode = .realTime(offset: 0) }

    public var isFollowingRealTime: Bool {
        if case .realTime = mode { return true }
        return false
    }
}
