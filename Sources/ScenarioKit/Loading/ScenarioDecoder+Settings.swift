import GSTCore
import JSON

/// The small top-level blocks: clock, job timing, ids, GSTR-2B paging, credentials.
extension ScenarioDecoder {
    /// `"real"` or `{"now": "2025-05-10T10:00:00+05:30"}`.
    mutating func clock(_ value: JSONValue, at path: JSONPath) -> ClockSetting? {
        if case .string(let s) = value {
            if s == "real" { return .realTime }
            fail(path, "expected \"real\" or an object {\"now\": \"2025-05-10T10:00:00+05:30\"}, found \"\(s)\"")
            return nil
        }
        guard let m = object(value, at: path, allowed: ["now"], required: ["now"]) else { return nil }
        guard let (v, p) = m["now"], let ms = instant(v, at: p) else { return nil }
        guard TenantClock.validRange.contains(ms) else {
            fail(p, "the clock must be between 1900-01-01 and 9998-12-31 (IST)")
            return nil
        }
        return .fixed(epochMilliseconds: ms)
    }

    /// Exactly one of `{"complete": "on_first_poll"}`, `{"after_polls": N}`, `{"after_seconds": S}`.
    mutating func jobs(_ value: JSONValue, at path: JSONPath) -> JobTiming? {
        let keys = ["complete", "after_polls", "after_seconds"]
        guard let m = object(value, at: path, allowed: keys) else { return nil }
        let present = keys.filter(m.has)
        guard present.count == 1 else {
            fail(path, present.isEmpty ? "expected one of complete, after_polls, after_seconds"
                                       : "give only one of \(present.joined(separator: ", "))")
            return nil
        }
        let (v, p) = m[present[0]]!
        switch present[0] {
        case "complete":
            guard case .string("on_first_poll") = v else {
                fail(p, "expected \"on_first_poll\" (or use after_polls / after_seconds), found \(ScenarioDecoder.show(v))")
                return nil
            }
            return .onFirstPoll
        case "after_polls":
            return int(v, at: p, in: 0...1_000_000).map(JobTiming.afterPolls)
        default:
            // Seconds with up to three decimals: read through Amount's exact decimal parser
            // (hundredths), then check there was no sub-millisecond part.
            guard case .number(let n) = v, let ms = ScenarioDecoder.milliseconds(n.text), ms <= 86_400_000 * 365 else {
                fail(p, "expected seconds from 0 to 31536000 (365 days) with at most three decimals (e.g. 2 or 0.5), found \(ScenarioDecoder.show(v))")
                return nil
            }
            return .afterMilliseconds(ms)
        }
    }

    static func milliseconds(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, !parts[0].hasPrefix("-") else { return nil }
        // Seconds from a scenario file: refused (nil), never trapping, past what Int64 milliseconds hold.
        var (ms, overflow) = whole.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return nil }
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...3).contains(frac.count), let f = Int64(frac), f >= 0 else { return nil }
            (ms, overflow) = ms.addingReportingOverflow(f * [100, 10, 1][frac.count - 1])
            guard !overflow else { return nil }
        }
        return ms
    }

    /// `{"seed": N}`: reference ids and transaction ids come from a generator seeded with N.
    mutating func idSeed(_ value: JSONValue, at path: JSONPath) -> UInt64? {
        guard let m = object(value, at: path, allowed: ["seed"], required: ["seed"]), let (v, p) = m["seed"] else { return nil }
        return uint64(v, at: p)
    }

    /// `{"page_size": N}`: documents per GSTR-2B file before it is split (`fc`, `file_number`).
    mutating func gstr2bPageSize(_ value: JSONValue, at path: JSONPath) -> Int? {
        guard let m = object(value, at: path, allowed: ["page_size"], required: ["page_size"]),
              let (v, p) = m["page_size"] else { return nil }
        return int(v, at: p, in: 1...1_000_000)
    }

    /// `{"sandbox": [{api_key, api_secret}], "vayana": [{email, password, org_id}]}`.
    mutating func credentials(_ value: JSONValue, at path: JSONPath) -> TenantCredentials? {
        guard let m = object(value, at: path, allowed: ["sandbox", "vayana"]) else { return nil }
        var result = TenantCredentials()
        if let (v, p) = m["sandbox"], let list = array(v, at: p) {
            var firstSeen: [String: JSONPath] = [:]
            for (entry, ep) in list {
                guard let e = object(entry, at: ep, allowed: ["api_key", "api_secret"], required: ["api_key", "api_secret"]),
                      let (kv, kp) = e["api_key"], let key = string(kv, at: kp),
                      let (sv, sp) = e["api_secret"], let secret = string(sv, at: sp) else { continue }
                if let earlier = firstSeen[key] {
                    fail(kp, "api_key \"\(key)\" is already declared at \(earlier)")
                    continue
                }
                firstSeen[key] = kp
                result.sandboxKeys[key] = secret
            }
        }
        if let (v, p) = m["vayana"], let list = array(v, at: p) {
            var firstSeen: [String: JSONPath] = [:]
            for (entry, ep) in list {
                let keys = ["email", "password", "org_id"]
                guard let e = object(entry, at: ep, allowed: keys, required: keys),
                      let (mv, mp) = e["email"], let email = string(mv, at: mp),
                      let (pv, pp) = e["password"], let password = string(pv, at: pp),
                      let (ov, op) = e["org_id"], let org = string(ov, at: op) else { continue }
                if !email.contains("@") { fail(mp, "expected an email address, found \"\(email)\"") ; continue }
                if let earlier = firstSeen[email.lowercased()] {
                    fail(mp, "email \"\(email)\" is already declared at \(earlier)")
                    continue
                }
                firstSeen[email.lowercased()] = mp
                result.vayanaLogins.append(VayanaLogin(email: email, password: password, organisationID: org))
            }
        }
        return result
    }
}
