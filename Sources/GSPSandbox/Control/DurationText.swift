/// Durations the clock's `advance` accepts, in milliseconds: ISO 8601 (`P5D`, `PT36H`, `P1DT2H30M`,
/// `P2W`), short units (`36h`, `1d12h`, `90m`, `45s`, `500ms`), or a JSON number of seconds (up to
/// three decimals). A leading `-` moves the clock back.
public enum DurationText {
    public static func milliseconds(_ text: String) -> Int64? {
        var s = Substring(text.trimmingSpaces)
        var sign: Int64 = 1
        if s.hasPrefix("-") { sign = -1; s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        let value = s.hasPrefix("P") ? iso8601(s.dropFirst()) : (units(s) ?? seconds(s))
        return value.map { $0 * sign }   // values are ≥ 0 and ≤ Int64.max: negating never traps
    }

    /// `total + n × scale`, or nil when it does not fit: durations come from requests, and an absurd
    /// one is refused, never a trap.
    static func accumulate(_ total: Int64, _ n: Int64, _ scale: Int64) -> Int64? {
        let (product, o1) = n.multipliedReportingOverflow(by: scale)
        let (sum, o2) = total.addingReportingOverflow(product)
        return o1 || o2 ? nil : sum
    }

    /// `3`, `1.5`: seconds.
    static func seconds(_ s: Substring) -> Int64? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0 else { return nil }
        guard var ms = accumulate(0, whole, 1000) else { return nil }
        if parts.count == 2 {
            guard (1...3).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let f = Int64(parts[1]),
                  let sum = accumulate(ms, f, [100, 10, 1][parts[1].count - 1]) else { return nil }
            ms = sum
        }
        return ms
    }

    static func iso8601(_ body: Substring) -> Int64? {
        var total: Int64 = 0, number = "", inTime = false, any = false
        for c in body {
            if c.isNumber { number.append(c); continue }
            if c == "T" { guard number.isEmpty, !inTime else { return nil }; inTime = true; continue }
            guard let n = Int64(number) else { return nil }
            number = ""
            any = true
            switch (c, inTime) {
            case ("W", false): guard let t = accumulate(total, n, 604_800_000) else { return nil }; total = t
            case ("D", false): guard let t = accumulate(total, n, 86_400_000) else { return nil }; total = t
            case ("H", true): guard let t = accumulate(total, n, 3_600_000) else { return nil }; total = t
            case ("M", true): guard let t = accumulate(total, n, 60_000) else { return nil }; total = t
            case ("S", true): guard let t = accumulate(total, n, 1000) else { return nil }; total = t
            default: return nil
            }
        }
        return number.isEmpty && any ? total : nil
    }

    static func units(_ s: Substring) -> Int64? {
        var total: Int64 = 0, number = "", unit = "", any = false
        func flush() -> Bool {
            guard let n = Int64(number) else { return false }
            let scale: Int64
            switch unit {
            case "w": scale = 604_800_000
            case "d": scale = 86_400_000
            case "h": scale = 3_600_000
            case "m": scale = 60_000
            case "s": scale = 1000
            case "ms": scale = 1
            default: return false
            }
            guard let t = accumulate(total, n, scale) else { return false }
            total = t; number = ""; unit = ""; any = true
            return true
        }
        for c in s {
            if c.isNumber {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(c)
            } else if c.isLetter {
                unit.append(c)
            } else {
                return nil
            }
        }
        guard !unit.isEmpty, flush(), any else { return nil }
        return total
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
