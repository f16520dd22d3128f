import GSTCore
import HTTPWire
import JSON
import ScenarioKit

/// `/_sandbox/tenants/{id}/clock`: read, set, advance, follow real time. The tenant clock drives
/// session expiry, the GSTR-2B draft date and job completion, so "the 14th arrives" is one call.
enum ClockControl {
    static var routes: [Route<ApplicationContext>] { [get, set, advance, real] }

    static func clockJSON(_ s: TenantState) -> JSONValue {
        let now = s.now
        return .object([
            "now": .string(ScenarioTime.format(now)),
            "epoch_ms": .number(JSONNumber(now)),
            "mode": .string(s.clock.isFollowingRealTime ? "real" : "fixed"),
        ])
    }

    static let outOfRange = "the clock must stay between 1900-01-01 and 9998-12-31 (IST); nothing changed"

    static let get = Route<ApplicationContext>(.get, "/_sandbox/tenants/{id}/clock", operation: "control.clock.get", api: .control) { _, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in ControlReply.json(tenant.read { clockJSON($0) }) }
    }

    /// `{"now": "2025-05-14T00:00:00+05:30"}` or `{"epoch_ms": N}`: freezes the clock there.
    static let set = Route<ApplicationContext>(.put, "/_sandbox/tenants/{id}/clock", operation: "control.clock.set", api: .control) { request, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            let members: [String: JSONValue]
            switch ControlReply.object(request) {
            case .failure(let f): return f.response
            case .success(let m): members = m
            }
            let instant: Int64
            switch (members["now"], members["epoch_ms"]) {
            case (.string(let text)?, nil):
                guard let ms = ScenarioTime.parse(text) else {
                    return ControlReply.badRequest("\"now\" must be an RFC 3339 date-time such as 2025-05-14T00:00:00+05:30, found \"\(text)\"")
                }
                instant = ms
            case (nil, .number(let n)?):
                guard n.isInteger, let ms = Int64(n.text) else { return ControlReply.badRequest("\"epoch_ms\" must be an integer") }
                instant = ms
            default:
                return ControlReply.badRequest("expected {\"now\": \"2025-05-14T00:00:00+05:30\"} or {\"epoch_ms\": N}")
            }
            guard TenantClock.validRange.contains(instant) else { return ControlReply.badRequest(outOfRange) }
            return ControlReply.json(tenant.write { s -> JSONValue in s.setClock(to: instant); return clockJSON(s) })
        }
    }

    /// `{"by": "P5D" | "36h" | seconds}`.
    static let advance = Route<ApplicationContext>(.post, "/_sandbox/tenants/{id}/clock/advance", operation: "control.clock.advance", api: .control) { request, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            let members: [String: JSONValue]
            switch ControlReply.object(request) {
            case .failure(let f): return f.response
            case .success(let m): members = m
            }
            let ms: Int64?
            switch members["by"] {
            case .string(let text)?: ms = DurationText.milliseconds(text)
            case .number(let n)?: ms = DurationText.milliseconds(n.text)
            default: ms = nil
            }
            guard let ms, members.count == 1 else {
                return ControlReply.badRequest("expected {\"by\": DURATION}: ISO 8601 (\"P5D\", \"PT36H\"), units (\"36h\", \"1d12h\", \"90m\") or a number of seconds")
            }
            let moved = tenant.write { s -> JSONValue? in
                guard TenantClock.instant(s.now, advancedBy: ms) != nil else { return nil }
                s.advanceClock(by: ms)
                return clockJSON(s)
            }
            guard let moved else { return ControlReply.badRequest(outOfRange) }
            return ControlReply.json(moved)
        }
    }

    static let real = Route<ApplicationContext>(.post, "/_sandbox/tenants/{id}/clock/real", operation: "control.clock.real", api: .control) { _, parameters, context in
        ControlReply.withTenant(parameters, context) { tenant in
            ControlReply.json(tenant.write { s -> JSONValue in s.followRealTime(); return clockJSON(s) })
        }
    }
}
