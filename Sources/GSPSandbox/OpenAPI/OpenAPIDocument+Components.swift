import JSON

/// `components.schemas`: the shapes several operations share. Each mirrors the one function that
/// writes it (named in its description), so a change there has one place to follow here.
extension OpenAPIDocument {
    typealias S = OpenAPISchema

    static var componentSchemas: [String: JSONValue] {
        controlComponents.merging(vendorComponents) { first, _ in first }
    }

    static let controlComponents: [String: JSONValue] = [
        "ControlError": S.object(
            ["error": S.string, "details": S.stringList],
            required: ["error", "details"],
            description: "A refused control request (ControlReply.error): what was wrong, and one line per problem (e.g. `FILE: $.path: problem`). Nothing changed."),
        "Clock": S.object(
            ["now": S.described(S.string, "The tenant's instant in IST, e.g. 2025-05-10T10:00:00+05:30."),
             "epoch_ms": S.integer, "mode": S.oneOfStrings(["fixed", "real"], description: "fixed: moves only when set or advanced; real: follows the wall clock")],
            required: ["now", "epoch_ms", "mode"],
            description: "A tenant clock (ClockControl.clockJSON)."),
        "Credentials": S.object(
            ["sandbox": S.array(S.object(["api_key": S.nonEmptyString, "api_secret": S.nonEmptyString], required: ["api_key", "api_secret"])),
             "vayana": S.array(S.object(["email": S.nonEmptyString, "password": S.nonEmptyString, "org_id": S.nonEmptyString],
                                        required: ["email", "password", "org_id"]))],
            description: "Logins that reach a tenant, as a scenario file writes them (ScenarioExporter.credentials)."),
        "ListedCredentials": S.object(
            ["sandbox": S.array(S.object(["api_key": S.nonEmptyString, "api_secret": S.nonEmptyString], required: ["api_key"])),
             "vayana": S.array(S.object(["email": S.nonEmptyString, "password": S.nonEmptyString, "org_id": S.nonEmptyString],
                                        required: ["email", "org_id"]))],
            description: "A tenant's logins as a summary lists them: api_secret and password only with ?secrets=true."),
        "TenantSummary": S.object(
            ["id": S.string, "scenario": S.described(S.string, "name of the scenario the tenant's world came from"),
             "credentials": S.ref("ListedCredentials"), "clock": S.ref("Clock"),
             "version": S.described(S.count, "state version; every change increments it"),
             "documents": S.count,
             "jobs": S.object(["open": S.count, "completed": S.count, "failed": S.count], required: ["open", "completed", "failed"])],
            required: ["id", "scenario", "credentials", "clock", "version", "documents", "jobs"],
            description: "A tenant (TenantControl.summary)."),
        "Job": S.object(
            ["reference_id": S.string, "recipient": S.described(S.string, "GSTIN the job acts for"),
             "submitted_at": S.string, "completed_at": S.string, "polls": S.count,
             "status": S.oneOfStrings(["IP", "P", "PE", "ER"], description: "IP in progress, P processed, PE processed with errors, ER error"),
             "kind": S.described(S.string, "what the job does, e.g. ims.save, ims.reset, gstr2b.regenerate, gstr1.save"),
             "period": S.described(S.string, "MMYYYY, for jobs about one return period")],
            required: ["reference_id", "recipient", "submitted_at", "polls", "status", "kind"],
            description: "An asynchronous job (JobControl.jobJSON)."),
        "ScenarioSummary": scenarioSummary,
        "ScenarioFile": S.object(
            ["name": S.string, "description": S.string, "strict_gstin": S.boolean,
             "clock": S.anyOf([S.oneOfStrings(["real"]), S.object(["now": S.string], required: ["now"])]),
             "jobs": S.anyObject, "ids": S.anyObject, "gstr2b": S.anyObject, "credentials": S.ref("Credentials"),
             "taxpayers": S.array(S.anyObject), "suppliers": S.array(S.anyObject),
             "documents": S.anyObject, "generate": S.anyValue, "faults": S.anyValue, "steps": S.anyValue],
            closed: false,
            description: "A scenario file; its full format is Scenarios/scenario.schema.json and Scenarios/README.md. The loader refuses unknown keys with a 400 naming each."),
        "FaultRule": faultRule,
        "JournalEntry": S.object(
            ["seq": S.count, "time": S.described(S.integer, "wall clock, epoch milliseconds"), "method": S.string, "path": S.string,
             "tenant": S.nullable(S.string), "operation": S.string, "status": S.integer, "duration_ms": S.number,
             "transitions": S.stringList, "transitions_dropped": S.count, "fault": S.string],
            required: ["seq", "time", "method", "path", "tenant", "operation", "status", "duration_ms", "transitions"],
            description: "One journal entry (ObserveRoutes.entryJSON)."),
    ]

    /// ScenarioSummary.json: the live world a tenant offers, per taxpayer and period.
    static let scenarioSummary: JSONValue = {
        let bySection = S.object(Dictionary(uniqueKeysWithValues: ["b2b", "b2ba", "b2bcn", "b2bcna", "b2bdn", "b2bdna", "ecom", "ecoma"].map { ($0, S.count) }),
                                 required: ["b2b", "b2ba", "b2bcn", "b2bcna", "b2bdn", "b2bdna", "ecom", "ecoma"])
        let imsStatus = S.object(["A": S.count, "N": S.count, "P": S.count, "R": S.count], required: ["A", "N", "P", "R"])
        let period = S.object(
            ["period": S.string, "gstr1_filed": S.boolean, "gstr3b_filed": S.boolean,
             "gstr2b": S.oneOfStrings(["regenerable", "not_yet", "gstr3b_filed", "future_period"],
                                      description: "what regenerating this period's GSTR-2B answers now: success, IMS2B009, IMS2B007, IMS2B007"),
             "gstr2b_available_from": S.described(S.string, "DD-MM-YYYY, with not_yet"),
             "preference": S.oneOfStrings(["monthly", "quarterly"], description: "the quarter's return preference (QRMP)"),
             "gstr3b_next": S.oneOfStrings(["file_gstr1_first", "quarterly", "save", "offset", "file", "filed"],
                                           description: "the next step of Sandbox's GSTR-3B recipe for the period"),
             "inward": S.object(["documents": S.count, "by_section": bySection, "ims_status": imsStatus],
                                required: ["documents", "by_section", "ims_status"]),
             "outward": S.object(["documents": S.count, "by_section": bySection, "counterparties": S.count],
                                 required: ["documents", "by_section", "counterparties"])],
            required: ["period", "gstr1_filed", "gstr3b_filed", "gstr2b", "preference", "gstr3b_next", "inward", "outward"])
        let minor = S.object(["tax": S.number, "interest": S.number, "penalty": S.number, "fee": S.number, "other": S.number],
                             required: ["tax", "interest", "penalty", "fee", "other"])
        let heads = ["igst", "cgst", "sgst", "cess"]
        let ledgers = S.object(
            ["cash": S.object(Dictionary(uniqueKeysWithValues: heads.map { ($0, minor) }), required: heads),
             "itc": S.object(Dictionary(uniqueKeysWithValues: heads.map { ($0, S.number) }), required: heads)],
            required: ["cash", "itc"], description: "cash and ITC balances now, in the scenario format's ledgers block")
        let taxpayer = S.object(
            ["gstin": S.string, "trade_name": S.string, "username": S.string, "otp": S.string, "ledgers": ledgers, "periods": S.array(period)],
            required: ["gstin", "trade_name", "username", "otp", "ledgers", "periods"])
        return S.object(
            ["tenant": S.string, "name": S.string, "description": S.string, "now": S.string, "now_epoch_ms": S.integer,
             "clock": S.oneOfStrings(["fixed", "real"]), "credentials": S.ref("Credentials"),
             "counts": S.object(["suppliers": S.count, "documents": S.count, "by_section": bySection],
                                required: ["suppliers", "documents", "by_section"]),
             "taxpayers": S.array(taxpayer)],
            required: ["tenant", "name", "now", "now_epoch_ms", "clock", "credentials", "counts", "taxpayers"],
            description: "What a tenant's world offers (ScenarioSummary.json).")
    }()

    /// FaultRule.parse's grammar: which requests a rule matches, how often it fires, what it does.
    static let faultRule: JSONValue = {
        let respond = S.oneOf([
            S.object(["error_code": S.described(S.nonEmptyString, "a vendor catalogue code, e.g. IMS2B009, RET11416"),
                      "message": S.nonEmptyString], required: ["error_code"]),
            S.object(["status": S.integer(in: 100...599), "body": S.anyValue,
                      "headers": ["type": "object", "additionalProperties": S.string]], required: ["status"]),
        ])
        let match = S.object(["operation": S.nonEmptyString, "method": S.nonEmptyString,
                              "path": S.described(S.nonEmptyString, "glob: * any run of characters, ? one"),
                              "gstin": S.nonEmptyString, "tenant": S.nonEmptyString])
        let delayLimit = Int64(FaultRule.maximumDelayMilliseconds)
        var rule = S.object(
            ["id": S.nonEmptyString, "description": S.anyValue, "match": match,
             "after": S.described(S.count, "the first N matching requests pass untouched"),
             "times": S.described(S.count, "fire at most this many times"),
             "probability": ["type": "number", "minimum": 0, "maximum": 1],
             "seed": S.count, "respond": respond,
             "delay_ms": S.integer(in: 0...delayLimit),
             "delay": S.object(["min_ms": S.integer(in: 0...delayLimit), "max_ms": S.integer(in: 0...delayLimit)],
                               required: ["min_ms", "max_ms"], description: "seeded uniform delay; min_ms ≤ max_ms"),
             "drop": S.described(S.boolean, "close the connection without answering")],
            description: "A fault rule (FaultRule.parse): at least one action (respond, delay_ms or delay, drop: true); not respond with drop, not delay_ms with delay.")
        if case .object(var fields) = rule {
            fields["anyOf"] = [["required": ["respond"]], ["required": ["delay_ms"]], ["required": ["delay"]],
                               ["required": ["drop"], "properties": ["drop": ["const": true]]]]
            fields["not"] = ["anyOf": [["required": ["respond", "drop"], "properties": ["drop": ["const": true]]],
                                       ["required": ["delay_ms", "delay"]]]]
            rule = .object(fields)
        }
        return rule
    }()
}
