import GSTCore
import JSON

/// Readers for the GST value types, with messages that say what the value should look like.
extension ScenarioDecoder {
    /// A GSTIN in the vendors' pattern with a known state code. A wrong check character is an
    /// error unless the scenario sets `"strict_gstin": false`, which makes it a warning — so
    /// hand-copied GSTINs from real documents can be used while generated data is always valid.
    mutating func gstin(_ value: JSONValue, at path: JSONPath) -> GSTIN? {
        guard case .string(let s) = value else {
            fail(path, "expected a GSTIN string, found \(value.typeName)")
            return nil
        }
        guard let g = GSTIN(s) else {
            fail(path, "\"\(s)\" is not a GSTIN: expected 15 characters — 2-digit state code, 10-character PAN, entity number, Z (or a digit/letter A–J), check character")
            return nil
        }
        guard StateCode(g.stateCode.value) != nil else {
            fail(path, "GSTIN \(g.value) has an unknown state code \(g.stateCode.value); expected 01–38, 96 or 97")
            return nil
        }
        if !g.hasValidCheckDigit {
            let expected = GSTIN(body14: String(g.value.prefix(14)))?.value.last.map(String.init) ?? "?"
            let message = "GSTIN \(g.value) fails its check digit (the 15th character should be \(expected))"
            if strictGSTIN {
                fail(path, message + "; set \"strict_gstin\": false to accept it")
                return nil
            }
            warn(path, message)
        }
        return g
    }

    /// `MMYYYY`, e.g. `032025`.
    mutating func period(_ value: JSONValue, at path: JSONPath) -> ReturnPeriod? {
        guard case .string(let s) = value else {
            fail(path, "expected a return period \"MMYYYY\" (e.g. \"032025\"), found \(value.typeName)")
            return nil
        }
        guard let p = ReturnPeriod(mmyyyy: s) else {
            fail(path, "expected a return period MMYYYY (e.g. 032025), found \"\(s)\"")
            return nil
        }
        return p
    }

    /// `DD-MM-YYYY`, the IMS and GSTR-1 spelling.
    mutating func date(_ value: JSONValue, at path: JSONPath) -> CivilDate? {
        guard case .string(let s) = value else {
            fail(path, "expected a date \"DD-MM-YYYY\", found \(value.typeName)")
            return nil
        }
        guard s.utf8.count == 10, s.utf8[s.utf8.index(s.utf8.startIndex, offsetBy: 2)] == UInt8(ascii: "-"),
              let d = CivilDate(ddmmyyyy: s) else {
            fail(path, "expected a date DD-MM-YYYY (e.g. 15-03-2025), found \"\(s)\"")
            return nil
        }
        return d
    }

    mutating func stateCode(_ value: JSONValue, at path: JSONPath) -> StateCode? {
        guard case .string(let s) = value, let c = StateCode(s) else {
            fail(path, "expected a state code \"01\"–\"38\", \"96\" or \"97\", found \(ScenarioDecoder.show(value))")
            return nil
        }
        return c
    }

    /// An RFC 3339 instant (`2025-05-10T10:00:00+05:30`, `…Z`, optional fraction), or a bare date
    /// `2025-05-10` meaning midnight IST. A date-time without an offset is read as IST.
    mutating func instant(_ value: JSONValue, at path: JSONPath) -> Int64? {
        guard case .string(let s) = value else {
            fail(path, "expected a date-time string such as \"2025-05-10T10:00:00+05:30\", found \(value.typeName)")
            return nil
        }
        guard let ms = Timestamp.parse(s) else {
            fail(path, "expected a date-time such as 2025-05-10T10:00:00+05:30 (or a date 2025-05-10), found \"\(s)\"")
            return nil
        }
        return ms
    }
}

/// RFC 3339 parsing by hand: no Foundation formatter, no time-zone database (IST has no DST).
enum Timestamp {
    static func parse(_ s: String) -> Int64? {
        let b = Array(s.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let date = CivilDate(year: y, month: mo, day: d) else { return nil }
        if b.count == 10 { return date.startEpochMilliseconds }
        guard b.count >= 19, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let h = num(11, 2), let mi = num(14, 2), let sec = num(17, 2),
              h < 24, mi < 60, sec < 60 else { return nil }
        var i = 19
        var millis = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if digits < 3 { millis = millis * 10 + Int(b[i] - 48) }
                digits += 1; i += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { millis *= 10 } }
        }
        // Offset east of UTC in minutes; IST when none is written.
        var offset = 330
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                offset = 0; i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                guard let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"),
                      let om = num(i + 4, 2), oh < 24, om < 60 else { return nil }
                offset = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
                i += 6
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let localMs = Int64(date.daysSinceEpoch) * 86_400_000 + Int64(((h * 60 + mi) * 60 + sec) * 1000 + millis)
        return localMs - Int64(offset) * 60_000
    }
}
