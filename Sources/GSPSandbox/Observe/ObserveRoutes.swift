import GSTCore
import HTTPWire
import JSON

/// Control API for faults, the journal, verification and metrics (README "Faults and latency",
/// "Journal and verify", "Metrics").
enum ObserveRoutes {
    static var all: [Route<ApplicationContext>] {
        [listFaults, addFaults, clearFaults, removeFault, listJournal, clearJournal, verify, metrics]
    }

    // MARK: Faults

    static let listFaults = Route<ApplicationContext>(.get, "/_sandbox/faults", operation: "control.faults.list", api: .control) { _, _, ctx in
        let items: [JSONValue] = ctx.faults.list.map { item in
            .object(["id": .string(item.rule.id), "rule": item.rule.source,
                     "matched": .number(JSONNumber(item.matched)), "fired": .number(JSONNumber(item.fired))])
        }
        return json(.ok, ["faults": .array(items)])
    }

    /// Body: one rule, an array of rules, or `{"faults": [...]}`. All are checked before any is
    /// installed, so a bad request changes nothing.
    static let addFaults = Route<ApplicationContext>(.post, "/_sandbox/faults", operation: "control.faults.add", api: .control) { request, _, ctx in
        let book = ctx.faults
        let parsed: JSONValue
        do { parsed = try JSONParser.parse(request.body) } catch {
            return problem(.badRequest, "body is not JSON: \(error)")
        }
        let items: [(JSONValue, String)]
        if let array = parsed.arrayValue {
            items = array.enumerated().map { ($0.element, "$[\($0.offset)]") }
        } else if let array = parsed["faults"]?.arrayValue {
            items = array.enumerated().map { ($0.element, "$.faults[\($0.offset)]") }
        } else {
            items = [(parsed, "$")]
        }
        var rules: [FaultRule] = []
        for (item, path) in items {
            do {
                let rule = try FaultRule.parse(item, path: path, defaultID: book.makeID())
                try rule.validateCode(path: path)
                rules.append(rule)
            } catch {
                return problem(.badRequest, "\(error)")
            }
        }
        let installed = Set(book.list.map(\.rule.id))
        var seen: Set<String> = []
        for rule in rules where installed.contains(rule.id) || !seen.insert(rule.id).inserted {
            return problem(.conflict, "a fault rule with id \"\(rule.id)\" already exists")
        }
        for rule in rules { book.add(rule) }
        return json(.created, ["faults": .array(rules.map { .string($0.id) })])
    }

    static let clearFaults = Route<ApplicationContext>(.delete, "/_sandbox/faults", operation: "control.faults.clear", api: .control) { _, _, ctx in
        let count = ctx.faults.count
        ctx.faults.removeAll()
        return json(.ok, ["removed": .number(JSONNumber(count))])
    }

    static let removeFault = Route<ApplicationContext>(.delete, "/_sandbox/faults/{id}", operation: "control.faults.remove", api: .control) { _, params, ctx in
        let id = params["id"] ?? ""
        guard ctx.faults.remove(id: id) else { return problem(.notFound, "no fault rule with id \"\(id)\"") }
        return json(.ok, ["removed": .string(id)])
    }

    // MARK: Journal

    /// Filters: `operation`, `tenant`, `method`, `path_prefix`, `status`, `since` (seq), `limit`
    /// (default 100, at most the capacity).
    static let listJournal = Route<ApplicationContext>(.get, "/_sandbox/journal", operation: "control.journal.list", api: .control) { request, _, ctx in
        let journal = ctx.journal
        var filter = JournalFilter()
        filter.operation = request.queryValue("operation")
        filter.tenant = request.queryValue("tenant")
        filter.method = request.queryValue("method")
        filter.pathPrefix = request.queryValue("path_prefix")
        if let s = request.queryValue("status") {
            guard let status = Int(s) else { return problem(.badRequest, "status must be an integer") }
            filter.status = status
        }
        var since: UInt64?
        if let s = request.queryValue("since") {
            guard let value = UInt64(s) else { return problem(.badRequest, "since must be a non-negative integer (a seq)") }
            since = value
        }
        var limit = 100
        if let s = request.queryValue("limit") {
            guard let value = Int(s), value >= 0 else { return problem(.badRequest, "limit must be a non-negative integer") }
            limit = min(value, journal.capacity)
        }
        let entries = journal.query(filter, since: since, limit: limit)
        return json(.ok, ["entries": .array(entries.map(entryJSON)), "count": .number(JSONNumber(entries.count)),
                          "size": .number(JSONNumber(journal.count)), "capacity": .number(JSONNumber(journal.capacity))])
    }

    static let clearJournal = Route<ApplicationContext>(.delete, "/_sandbox/journal", operation: "control.journal.clear", api: .control) { _, _, ctx in
        let count = ctx.journal.count
        ctx.journal.clear()
        return json(.ok, ["cleared": .number(JSONNumber(count))])
    }

    // MARK: Verify

    /// `{"pattern": {operation?, method?, path?, tenant?, status?}, "count": N | {"at_least": N} | {"at_most": N}}`;
    /// `count` defaults to `{"at_least": 1}`.
    static let verify = Route<ApplicationContext>(.post, "/_sandbox/verify", operation: "control.verify", api: .control) { request, _, ctx in
        let body: JSONValue
        do { body = try JSONParser.parse(request.body) } catch {
            return problem(.badRequest, "body is not JSON: \(error)")
        }
        if let unknown = body.objectValue?.keys.sorted().first(where: { $0 != "pattern" && $0 != "count" }) {
            return problem(.badRequest, "$.\(unknown): unknown field (expected pattern, count)")
        }
        guard let fields = body["pattern"]?.objectValue else { return problem(.badRequest, "$.pattern: an object is required") }
        let known: Set<String> = ["operation", "method", "path", "tenant", "status"]
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            return problem(.badRequest, "$.pattern.\(unknown): unknown field (expected one of method, operation, path, status, tenant)")
        }
        var pattern = RequestPattern()
        for key in ["operation", "method", "path", "tenant"] {
            guard let value = fields[key] else { continue }
            guard let s = value.stringValue else { return problem(.badRequest, "$.pattern.\(key): must be a string") }
            switch key {
            case "operation": pattern.operation = s
            case "method": pattern.method = s
            case "path": pattern.path = s
            default: pattern.tenant = s
            }
        }
        if let s = fields["status"] {
            guard let status = s.intValue else { return problem(.badRequest, "$.pattern.status: must be an integer") }
            pattern.status = status
        }
        let expected: ExpectedCount
        switch body["count"] {
        case nil: expected = .atLeast(1)
        case .some(let c):
            if let n = c.intValue, n >= 0 {
                expected = .exactly(n)
            } else if let n = c["at_least"]?.intValue, n >= 0, c.objectValue?.count == 1 {
                expected = .atLeast(n)
            } else if let n = c["at_most"]?.intValue, n >= 0, c.objectValue?.count == 1 {
                expected = .atMost(n)
            } else {
                return problem(.badRequest, "$.count: a non-negative integer, {\"at_least\": N} or {\"at_most\": N}")
            }
        }
        let result = Verifier.verify(pattern, expected, in: ctx.journal.entries)
        let near: [JSONValue] = result.nearMisses.map { .object(["differs": .string($0.field), "entry": entryJSON($0.entry)]) }
        return json(.ok, ["pass": .bool(result.pass), "matched": .number(JSONNumber(result.matched)), "near_misses": .array(near)])
    }

    // MARK: Metrics

    static let metrics = Route<ApplicationContext>(.get, "/_sandbox/metrics", operation: "control.metrics", api: .control) { _, _, ctx in
        let tenants = ctx.world.registry.tenants
        var jobs: [String: Int] = ["pending": 0, "completed": 0]
        for tenant in tenants {
            let (open, done) = tenant.read { s in
                s.jobs.values.reduce(into: (0, 0)) { acc, job in if job.isCompleted { acc.1 += 1 } else { acc.0 += 1 } }
            }
            jobs["pending", default: 0] += open
            jobs["completed", default: 0] += done
        }

        let text = ctx.metrics.render(Metrics.Gauges(
            tenants: tenants.count, jobsByState: jobs, journalEntries: ctx.journal.count,
            journalCapacity: ctx.journal.capacity, faultRules: ctx.faults.count))
        return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4"], body: Array(text.utf8))
    }

    // MARK: Helpers

    static func entryJSON(_ e: JournalEntry) -> JSONValue {
        var o: [String: JSONValue] = [
            "seq": .number(JSONNumber(e.seq)), "time": .number(JSONNumber(e.time)), "method": .string(e.method),
            "path": .string(e.path), "tenant": e.tenant.map(JSONValue.string) ?? .null, "operation": .string(e.operation),
            "status": .number(JSONNumber(e.status)),
            "duration_ms": .number(JSONNumber((e.durationMilliseconds * 1000).rounded() / 1000)),
            "transitions": .array(e.transitions.map(JSONValue.string)),
        ]
        if e.transitionsDropped > 0 { o["transitions_dropped"] = .number(JSONNumber(e.transitionsDropped)) }
        if let fault = e.fault { o["fault"] = .string(fault) }
        return .object(o)
    }

    static func json(_ status: HTTPStatus, _ object: [String: JSONValue]) -> HTTPResponse {
        .json(status, JSONWriter.write(.object(object)))
    }

    /// The control API's one error shape, `{"error", "details"}` (ControlReply.error).
    static func problem(_ status: HTTPStatus, _ message: String) -> HTTPResponse {
        ControlReply.error(status, message)
    }
}
