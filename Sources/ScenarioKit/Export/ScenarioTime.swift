/// The scenario format's instants, for callers outside ScenarioKit (the control API's clock).
public enum ScenarioTime {
    /// Parses `2025-05-14T00:00:00+05:30` (RFC 3339; no offset means IST; a bare date is midnight IST).
    public static func parse(_ text: String) -> Int64? { Timestamp.parse(text) }

    /// Formats an instant as `2025-05-14T00:00:00+05:30`.
    public static func format(_ epochMilliseconds: Int64) -> String { ScenarioSummary.rfc3339(epochMilliseconds) }
}
