import JSON

/// The control API's operations: for each, its body and every status it answers with the shape of
/// that answer, read from its handler (Control/, Observe/, ControlRoutes.swift). A control route
/// without an entry here fails `OpenAPITests`.
extension OpenAPIDocument {
    static let controlNotes: [String: Notes] = [
        "control.health": Notes(
            summary: "Readiness probe", description: "200 with the version as soon as the listener is up.",
            answers: [ok(S.object(["status": ["const": "ok"], "version": S.string], required: ["status", "version"]))]),
        "control.scenario": Notes(
            summary: "Scenario summary of a tenant",
            description: "The clock, credentials, and per taxpayer its login and what each period allows.",
            query: [Query("tenant", "tenant id; else the x-api-key header's tenant, else the primary scenario's")],
            answers: [ok(S.ref("ScenarioSummary")), Answer(404, "No tenant with that id or API key.", controlError)]),
        "control.openapi": Notes(
            summary: "This OpenAPI document",
            answers: [ok(S.object(["openapi": ["const": "3.1.0"], "info": S.anyObject, "paths": S.anyObject],
                                  required: ["openapi", "info", "paths"], closed: false))]),

        // Tenants (TenantControl, ScenarioControl, SnapshotControl)
        "control.tenants.list": Notes(
            summary: "Every tenant", query: [secretsQuery], answers: [ok(S.object(["tenants": S.array(S.ref("TenantSummary"))], required: ["tenants"]))]),
        "control.tenants.create": Notes(
            summary: "Create a tenant from a scenario",
            description: "Without scenario or scenario_inline, the primary scenario. Its logins usually belong to the tenant already built from it: give the new tenant its own with credentials.",
            body: .json(createTenantBody),
            answers: [Answer(201, "Created.", S.ref("TenantSummary")),
                      refused("Not a JSON object, unknown key, bad id, invalid scenario, id or credential taken.")]),
        "control.tenants.get": Notes(summary: "A tenant", query: [secretsQuery], answers: [ok(S.ref("TenantSummary")), noTenant]),
        "control.tenants.delete": Notes(
            summary: "Delete a tenant", body: .none,
            answers: [ok(S.object(["deleted": S.string], required: ["deleted"])), noTenant]),
        "control.tenants.reset": Notes(
            summary: "Reset a tenant to its scenario", description: "Its scenario's fault rules start counting again.", body: .none,
            answers: [ok(S.ref("TenantSummary")), noTenant]),
        "control.reset": Notes(
            summary: "Reset every tenant", body: .none,
            answers: [ok(S.object(["reset": S.stringList], required: ["reset"]))]),
        "control.tenants.scenario": Notes(
            summary: "Load a scenario into a tenant",
            description: "A scenario file inline, or {\"path\": FILE} / {\"scenario\": NAME-OR-PATH}. The tenant keeps its id; a later reset returns to this scenario.",
            body: .json(S.anyOf([S.object(["path": S.string], required: ["path"]), S.object(["scenario": S.string], required: ["scenario"]),
                                 S.ref("ScenarioFile")])),
            answers: [ok(S.ref("TenantSummary")), refused("Not a JSON object, invalid scenario or fault rule, credential taken."), noTenant]),
        "control.tenants.export": Notes(
            summary: "A tenant's state as a scenario file",
            description: "A tenant of a generated world is written as the scenario's recipe (its generate blocks) and a changes block with what the tenant changed, so the export grows with the changes, not the world; ?full=true writes every document instead. Any other tenant is written whole.",
            query: [Query("full", "true: write every document, not the recipe and its changes", schema: ["type": "boolean"])],
            answers: [ok(S.ref("ScenarioFile")), noTenant]),
        "control.tenants.import": Notes(
            summary: "Replace a tenant's state by a scenario file (an export)", body: .json(S.ref("ScenarioFile")),
            answers: [ok(S.ref("TenantSummary")), refused("Not JSON, or an invalid scenario."), noTenant]),

        // Clock (ClockControl)
        "control.clock.get": Notes(summary: "A tenant's clock", answers: [ok(S.ref("Clock")), noTenant]),
        "control.clock.set": Notes(
            summary: "Freeze a tenant's clock at an instant", body: .json(clockSetBody),
            answers: [ok(S.ref("Clock")), refused("Not {\"now\": RFC 3339} or {\"epoch_ms\": integer}."), noTenant]),
        "control.clock.advance": Notes(
            summary: "Move a tenant's clock", body: .json(clockAdvanceBody),
            answers: [ok(S.ref("Clock")), refused("Not {\"by\": DURATION}."), noTenant]),
        "control.clock.real": Notes(
            summary: "Let a tenant's clock follow real time from its current instant", body: .none,
            answers: [ok(S.ref("Clock")), noTenant]),

        // Ledgers (LedgerControl)
        "control.ledgers.get": Notes(
            summary: "Every taxpayer's ledger balances, unpaid liability and paid GSTR-3B periods",
            answers: [ok(S.array(ledgerSummary)), noTenant]),
        "control.ledgers.deposit": Notes(
            summary: "Credit a paid challan to a taxpayer's electronic cash ledger", body: .json(depositBody),
            answers: [Answer(201, "Credited; the taxpayer's ledgers after it.", ledgerSummary),
                      refused("Not {\"gstin\", \"cash\": {head: {minor head: amount}}}, or nothing above zero."),
                      Answer(404, "No such tenant, or the GSTIN is not one of its taxpayers.", controlError)]),

        // Jobs (JobControl)
        "control.jobs.list": Notes(
            summary: "A tenant's asynchronous jobs", answers: [ok(S.object(["jobs": S.array(S.ref("Job"))], required: ["jobs"])), noTenant]),
        "control.jobs.complete": Notes(
            summary: "Complete a job now", body: .none,
            answers: [ok(S.ref("Job")), Answer(404, "No such tenant, or no such job in it.", controlError), alreadyCompleted]),
        "control.jobs.fail": Notes(
            summary: "Fail a job now (status ER)", body: .none,
            answers: [ok(S.ref("Job")), Answer(404, "No such tenant, or no such job in it.", controlError), alreadyCompleted]),

        // Faults, journal, verify, metrics (ObserveRoutes)
        "control.faults.list": Notes(
            summary: "Installed fault rules",
            answers: [ok(S.object(["faults": S.array(S.object(
                ["id": S.string, "rule": S.described(S.anyObject, "the rule as written"), "matched": S.count, "fired": S.count],
                required: ["id", "rule", "matched", "fired"]))], required: ["faults"]))]),
        "control.faults.add": Notes(
            summary: "Install fault rules (vendor routes only)",
            description: "One rule, an array of rules, or {\"faults\": [...]}; all are checked before any is installed.",
            body: .json(S.anyOf([S.ref("FaultRule"), S.array(S.ref("FaultRule")),
                                 S.object(["faults": S.array(S.ref("FaultRule"))], required: ["faults"])])),
            answers: [Answer(201, "Installed; their ids.", S.object(["faults": S.stringList], required: ["faults"])),
                      refused("Not JSON, or a rule that does not parse (its JSON path and problem)."),
                      Answer(409, "A rule with that id is already installed, or the request repeats an id.", controlError)]),
        "control.faults.clear": Notes(
            summary: "Remove every fault rule", body: .none,
            answers: [ok(S.object(["removed": S.count], required: ["removed"]))]),
        "control.faults.remove": Notes(
            summary: "Remove one fault rule", body: .none,
            answers: [ok(S.object(["removed": S.string], required: ["removed"])), Answer(404, "No rule with that id.", controlError)]),
        "control.journal.list": Notes(
            summary: "Recorded requests, oldest first",
            query: [Query("operation"), Query("tenant"), Query("method"), Query("path_prefix"),
                    Query("status", "HTTP status", schema: S.integer),
                    Query("since", "only entries after this seq", schema: S.count),
                    Query("limit", "at most this many (default 100, at most the journal's capacity)", schema: S.count)],
            answers: [ok(S.object(["entries": S.array(S.ref("JournalEntry")), "count": S.count, "size": S.count, "capacity": S.count],
                                  required: ["entries", "count", "size", "capacity"])),
                      refused("status, since or limit is not a (non-negative) integer.")]),
        "control.journal.clear": Notes(
            summary: "Empty the journal", body: .none,
            answers: [ok(S.object(["cleared": S.count], required: ["cleared"]))]),
        "control.verify": Notes(
            summary: "Check how many recorded requests match a pattern", body: .json(verifyBody),
            answers: [ok(S.object(["pass": S.boolean, "matched": S.count,
                                   "near_misses": S.array(S.object(["differs": S.string, "entry": S.ref("JournalEntry")],
                                                                   required: ["differs", "entry"]))],
                                  required: ["pass", "matched", "near_misses"])),
                      refused("Not JSON, no pattern object, an unknown or mistyped field, or a bad count.")]),
        "control.metrics": Notes(
            summary: "Prometheus metrics",
            answers: [Answer(200, "Prometheus text exposition format 0.0.4.", S.string, mediaType: "text/plain")]),
    ]

    // MARK: Answers several operations share

    static let controlError = S.ref("ControlError")
    static let secretsQuery = Query("secrets", "true: list the logins' api_secret and password too", schema: ["type": "boolean"])

    /// What `ControlGuardMiddleware` answers on any control operation but the public ones, before its
    /// handler runs; 415 only where a request may change state.
    static func guardAnswers(changesState: Bool) -> [Answer] {
        [Answer(401, "The server has a control token and the request does not carry it in X-Sandbox-Control-Token.", controlError),
         Answer(403, "A page of another origin sent it (serve --allow-origin admits one).", controlError),
         Answer(421, "Its Host is neither a loopback name or address nor one serve --allow-host names (DNS rebinding).", controlError)]
            + (changesState ? [Answer(415, "It has a body, or a content type, that is not JSON.", controlError)] : [])
    }
    static let noTenant = Answer(404, "No tenant with this id, Sandbox API key or Vayana org id.", controlError)
    static let alreadyCompleted = Answer(409, "The job has already completed.", controlError)

    static func ok(_ schema: JSONValue) -> Answer { Answer(200, "Done.", schema) }
    static func refused(_ why: String) -> Answer { Answer(400, why + " Nothing changed.", controlError) }

    // MARK: Bodies

    static let createTenantBody: JSONValue = {
        guard case .object(var fields) = S.object(
            ["id": ["type": "string", "minLength": 1, "pattern": "^[^/]+$"],
             "scenario": S.described(S.string, "a scenario name the sandbox serves, or a scenario file path"),
             "scenario_inline": S.ref("ScenarioFile"), "credentials": S.ref("Credentials")],
            required: ["id"]) else { return [:] }
        fields["not"] = ["required": ["scenario", "scenario_inline"]]
        return .object(fields)
    }()

    /// Years 1 to 9999 (UTC): the range every date the sandbox writes can be read back from.
    static let epochMillisecondsRange: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    static let clockSetBody = S.oneOf([
        S.object(["now": S.described(S.string, "RFC 3339 date-time, e.g. 2025-05-14T00:00:00+05:30 (no offset: IST)")], required: ["now"]),
        S.object(["epoch_ms": S.integer(in: epochMillisecondsRange)], required: ["epoch_ms"]),
    ])

    static let minorHeads = S.object(["tax": S.number, "interest": S.number, "penalty": S.number, "fee": S.number, "other": S.number],
                                     closed: true)
    static let cashHeads = S.object(["igst": minorHeads, "cgst": minorHeads, "sgst": minorHeads, "cess": minorHeads])
    static let depositBody = S.object(["gstin": S.string, "cash": cashHeads, "reference": S.string], required: ["gstin", "cash"])
    static let ledgerSummary = S.object([
        "gstin": S.string, "cash": S.object([:], closed: false), "itc": S.object([:], closed: false),
        "liability_unpaid": S.object([:], closed: false), "gstr3b_paid": S.stringList,
        "entries": S.object(["cash": S.integer, "itc": S.integer, "liability": S.integer]),
    ], required: ["gstin", "cash", "itc", "liability_unpaid", "gstr3b_paid", "entries"])

    static let clockAdvanceBody = S.object(
        ["by": S.oneOf([
            S.described(["type": "string", "maxLength": 64],
                        "ISO 8601 (P5D, PT36H, P1DT2H30M, P2W) or units (36h, 1d12h, 90m, 45s, 500ms); a leading - moves back"),
            S.described(["type": "number", "minimum": -315_537_897_600, "maximum": 315_537_897_600],
                        "seconds, at most three decimals"),
        ])],
        required: ["by"])

    static let verifyBody = S.object(
        ["pattern": S.object(["operation": S.string, "method": S.string, "path": S.string, "tenant": S.string, "status": S.integer]),
         "count": S.oneOf([S.count, S.object(["at_least": S.count], required: ["at_least"]),
                           S.object(["at_most": S.count], required: ["at_most"])],
                          description: "exactly N, at least N, or at most N; default {\"at_least\": 1}")],
        required: ["pattern"])
}
