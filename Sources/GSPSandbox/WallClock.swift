import GSTCore
import Glibc

extension RealTime {
    /// The system's wall clock, read once with `clock_gettime` and advanced monotonically from
    /// there (GSTCore cannot read the wall clock itself).
    public static func systemWallClock() -> RealTime {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return .anchored(at: Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000)
    }
}
