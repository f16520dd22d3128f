import Glibc
import Synchronization

/// Monotonic time in nanoseconds, used for every timeout decision. Injected so tests can move time
/// forward without sleeping.
public protocol ServerClock: Sendable {
    /// Nanoseconds since an arbitrary fixed point; never goes backwards.
    func nanoseconds() -> UInt64
}

/// `CLOCK_MONOTONIC`, the clock a running server uses.
public struct MonotonicClock: ServerClock {
    public init() {}

    public func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}

/// A clock that moves only when told to, for deterministic timeout tests.
public final class ManualClock: ServerClock {
    private let now: Atomic<UInt64>

    public init(nanoseconds start: UInt64 = 1_000_000_000) {
        now = Atomic(start)
    }

    public func nanoseconds() -> UInt64 { now.load(ordering: .acquiring) }

    public func advance(by duration: Duration) {
        now.add(duration.nanoseconds, ordering: .acquiringAndReleasing)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to zero for negative values and to `UInt64.max`
    /// (about 584 years: never) above it. Durations come from configuration (`serve --drain-timeout`):
    /// wrapping turned 18,446,744,074 s into a 0.3 s drain.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, o1) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, o2) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        return o1 || o2 ? .max : sum
    }
}
