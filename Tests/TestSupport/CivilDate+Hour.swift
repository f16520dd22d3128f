import GSTCore

extension CivilDate {
    /// Epoch milliseconds at `hour`:00 IST on this date: the instant the test worlds fix their clocks at.
    package func epochMilliseconds(atHour hour: Int) -> Int64 {
        startEpochMilliseconds + Int64(hour) * 3_600_000
    }
}
