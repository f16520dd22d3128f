/// A source of wall-clock time in epoch milliseconds.
///
/// GSTCore cannot read the wall clock itself (stdlib only, no Foundation/Glibc), and tests must
/// never depend on it anyway, so the composition root injects one. `fixed` serves tests;
/// `anchored(at:)` lets the server pass the start-up wall time once and then advances it with the
/// stdlib's monotonic `ContinuousClock`.
public struct RealTime: Sendable {
    private let source: @Sendable () -> Int64

    public init(_ source: @escaping @Sendable () -> Int64) { self.source = source }

    /// The current wall time, epoch milliseconds.
    public func now() -> Int64 { source() }

    /// A wall clock that never moves (tests).
    public static func fixed(_ epochMilliseconds: Int64) -> RealTime { RealTime { epochMilliseconds } }

    /// Wall time known to be `epochMilliseconds` now, advanced from here by the monotonic clock.
    public static func anchored(at epochMilliseconds: Int64) -> RealTime {
        let start = ContinuousClock.now
        return RealTime {
            let elapsed = ContinuousClock.now - start
            let (seconds, attoseconds) = elapsed.components
            return epochMilliseconds + seconds * 1000 + attoseconds / 1_000_000_000_000_000
        }
    }
}
