import GSTCore
import JSON

/// A fault rule: which requests it matches, how often it fires, and what it does instead of (or
/// before) the normal answer. Written as JSON in a scenario's `faults` block or posted to
/// `/_sandbox/faults`:
///
/// ```json
/// {"id": "2nd-poll", "match": {"operation": "gstr2b.regenerate.status", "gstin": "27AAACR5055K1Z5"},
///  "after": 1, "times": 1, "respond": {"error_code": "IMS2B009"}}
/// ```
///
/// - `match` (all optional, all must hold): `operation`, `method`, `path` (glob: `*` any run of
///   characters, `?` one), `gstin` (in the path, query, a `gstin` header or body field, or the
///   taxpayer session of the request's token), `tenant` (id).
/// - `after` N: the first N matching requests pass untouched. `times` M: fire at most M times.
///   `probability` p in [0,1] with `seed`: each later match fires with probability p, drawn from a
///   generator seeded by `seed` (so a run replays exactly).
/// - Actions (at least one): `respond` `{"error_code": C, "message"?: M}` (the vendor's catalogue
///   error in that vendor's envelope) or `{"status": S, "body"?: JSON, "headers"?: {…}}`;
///   `delay_ms` N or `delay` `{"min_ms": A, "max_ms": B}` (seeded uniform); `drop: true` (close the
///   connection without answering; the handler does not run, so no state changes).
///   A delay without `respond` or `drop` delays the real answer (latency injection).
public struct FaultRule: Sendable {
    public struct Match: Sendable, Equatable {
        public var operation: String?
        public var method: String?
        public var path: String?
        public var gstin: String?
        public var tenant: String?
    }

    public enum Response: Sendable, Equatable {
        /// A vendor catalogue code rendered in the vendor's envelope; `message` overrides the catalogue.
        case errorCode(String, message: String?)
        /// A plain HTTP status with an optional JSON body and headers.
        case status(Int, body: JSONValue?, headers: [String: String])
    }

    public enum Delay: Sendable, Equatable {
        case fixed(Int)
        case uniform(min: Int, max: Int)
    }

    public var id: String
    public var match: Match
    public var after: Int
    public var times: Int?
    public var probability: Double?
    public var seed: UInt64
    public var respond: Response?
    public var delay: Delay?
    public var drop: Bool
    /// The rule as written, echoed by `GET /_sandbox/faults`.
    public var source: JSONValue

    public static let maximumDelayMilliseconds = 120_000
}

/// A fault rule that could not be read: JSON path and problem.
public struct FaultRuleError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

extension FaultRule {
    /// Reads one rule; `defaultID` names it when it has no `id`.
    public static func parse(_ json: JSONValue, path: String = "$", defaultID: String) throws(FaultRuleError) -> FaultRule {
        guard let object = json.objectValue else { throw FaultRuleError(path: path, message: "a fault rule is an object") }
        let known: Set<String> = ["id", "match", "after", "times", "probability", "seed", "respond", "delay_ms", "delay", "drop", "description"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw FaultRuleError(path: "\(path).\(unknown)", message: "unknown field (expected one of \(known.sorted().joined(separator: ", ")))")
        }
        func string(_ value: JSONValue?, _ at: String) throws(FaultRuleError) -> String? {
            guard let value else { return nil }
            guard let s = value.stringValue, !s.isEmpty else { throw FaultRuleError(path: at, message: "must be a non-empty string") }
            return s
        }
        func count(_ value: JSONValue?, _ at: String) throws(FaultRuleError) -> Int? {
            guard let value else { return nil }
            guard let n = value.intValue, n >= 0 else { throw FaultRuleError(path: at, message: "must be a non-negative integer") }
            return n
        }

        var match = Match()
        if let m = object["match"] {
            guard let fields = m.objectValue else { throw FaultRuleError(path: "\(path).match", message: "must be an object") }
            let keys: Set<String> = ["operation", "method", "path", "gstin", "tenant"]
            if let unknown = fields.keys.sorted().first(where: { !keys.contains($0) }) {
                throw FaultRuleError(path: "\(path).match.\(unknown)", message: "unknown field (expected one of gstin, method, operation, path, tenant)")
            }
            match.operation = try string(fields["operation"], "\(path).match.operation")
            match.method = try string(fields["method"], "\(path).match.method")?.uppercased()
            match.path = try string(fields["path"], "\(path).match.path")
            match.gstin = try string(fields["gstin"], "\(path).match.gstin")?.uppercased()
            match.tenant = try string(fields["tenant"], "\(path).match.tenant")
        }

        var probability: Double?
        if let p = object["probability"] {
            guard let value = p.doubleValue, value >= 0, value <= 1 else {
                throw FaultRuleError(path: "\(path).probability", message: "must be a number from 0 to 1")
            }
            probability = value
        }
        var seed = UInt64.random(in: 0...UInt64.max)
        if let s = object["seed"] {
            guard let text = s.numberValue?.text, let value = UInt64(text) else {
                throw FaultRuleError(path: "\(path).seed", message: "must be a non-negative integer")
            }
            seed = value
        }

        var respond: Response?
        if let r = object["respond"] {
            guard let fields = r.objectValue else { throw FaultRuleError(path: "\(path).respond", message: "must be an object") }
            let respondKeys: Set<String> = ["error_code", "message", "status", "body", "headers"]
            if let unknown = fields.keys.sorted().first(where: { !respondKeys.contains($0) }) {
                throw FaultRuleError(path: "\(path).respond.\(unknown)", message: "unknown field (expected one of body, error_code, headers, message, status)")
            }
            if let code = try string(fields["error_code"], "\(path).respond.error_code") {
                if fields["status"] != nil || fields["body"] != nil {
                    throw FaultRuleError(path: "\(path).respond", message: "give either error_code or status/body, not both")
                }
                respond = .errorCode(code, message: try string(fields["message"], "\(path).respond.message"))
            } else if let statusValue = fields["status"] {
                guard let status = statusValue.intValue, (100...599).contains(status) else {
                    throw FaultRuleError(path: "\(path).respond.status", message: "must be an HTTP status from 100 to 599")
                }
                var headers: [String: String] = [:]
                if let h = fields["headers"] {
                    guard let hs = h.objectValue else { throw FaultRuleError(path: "\(path).respond.headers", message: "must be an object of strings") }
                    for (name, value) in hs {
                        guard let v = value.stringValue else {
                            throw FaultRuleError(path: "\(path).respond.headers.\(name)", message: "must be a string")
                        }
                        headers[name] = v
                    }
                }
                respond = .status(status, body: fields["body"], headers: headers)
            } else {
                throw FaultRuleError(path: "\(path).respond", message: "needs error_code or status")
            }
        }

        var delay: Delay?
        if let ms = try count(object["delay_ms"], "\(path).delay_ms") {
            delay = .fixed(ms)
        }
        if let d = object["delay"] {
            guard delay == nil else { throw FaultRuleError(path: "\(path).delay", message: "give delay_ms or delay, not both") }
            if let unknown = d.objectValue?.keys.sorted().first(where: { $0 != "min_ms" && $0 != "max_ms" }) {
                throw FaultRuleError(path: "\(path).delay.\(unknown)", message: "unknown field (expected min_ms, max_ms)")
            }
            guard let fields = d.objectValue,
                  let lo = try count(fields["min_ms"], "\(path).delay.min_ms"),
                  let hi = try count(fields["max_ms"], "\(path).delay.max_ms"), lo <= hi
            else { throw FaultRuleError(path: "\(path).delay", message: "must be {\"min_ms\": A, \"max_ms\": B} with 0 ≤ A ≤ B") }
            delay = .uniform(min: lo, max: hi)
        }
        switch delay {
        case .fixed(let ms) where ms > maximumDelayMilliseconds, .uniform(_, let ms) where ms > maximumDelayMilliseconds:
            throw FaultRuleError(path: "\(path).delay", message: "at most \(maximumDelayMilliseconds) ms")
        default: break
        }

        var drop = false
        if let d = object["drop"] {
            guard let b = d.boolValue else { throw FaultRuleError(path: "\(path).drop", message: "must be true or false") }
            drop = b
        }
        if drop && respond != nil {
            throw FaultRuleError(path: "\(path).drop", message: "a dropped connection has no response; remove respond")
        }
        guard respond != nil || delay != nil || drop else {
            throw FaultRuleError(path: path, message: "needs an action: respond, delay_ms/delay or drop")
        }

        return FaultRule(
            id: try string(object["id"], "\(path).id") ?? defaultID,
            match: match,
            after: try count(object["after"], "\(path).after") ?? 0,
            times: try count(object["times"], "\(path).times"),
            probability: probability, seed: seed, respond: respond, delay: delay, drop: drop, source: json)
    }
}
