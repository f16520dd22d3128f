// libFuzzer entry point for the clock's text: the durations `POST …/clock/advance` reads
// (`DurationText`) and the instants `PUT …/clock` and scenario files read (`ScenarioTime`).
// Properties checked on every input:
//   1. no trap;
//   2. a leading `-` negates a duration exactly;
//   3. an instant that parses, formatted and parsed again, is the same instant (within the years a
//      four-digit text can name).
import GSPSandbox
import ScenarioKit

/// Instants whose IST year has four digits. The parser also accepts a few hours beyond them (year
/// 0000 with an offset east of IST, 9999-12-31 west of it), which no four-digit text can name: that
/// is the clock range issue 11 item 1 settles, so the round trip is checked inside it only.
let writableYears = ScenarioTime.parse("0000-01-01T00:00:00+05:30")!...ScenarioTime.parse("9999-12-31T23:59:59.999+05:30")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDuration(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)

    let duration = DurationText.milliseconds(text)
    // Spaces are trimmed before the sign is read, and "--" is not a sign: only a bare text negates.
    if let first = text.first, first != " ", first != "-" {
        precondition(DurationText.milliseconds("-" + text) == duration.map { -$0 }, "a leading - does not negate")
    }

    if let instant = ScenarioTime.parse(text), writableYears.contains(instant) {
        let formatted = ScenarioTime.format(instant)
        precondition(ScenarioTime.parse(formatted) == instant, "\(text) → \(formatted) does not parse back to the same instant")
    }
    return 0
}
