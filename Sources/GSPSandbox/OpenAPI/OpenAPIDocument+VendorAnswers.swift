import JSON

/// The vendors' envelopes and the statuses their routes answer. Payloads inside `data` are the
/// vendors' own (see their documentation); the envelopes are exact (SandboxAPI/Envelope.swift,
/// VayanaAPI/Envelope.swift). A fault rule (`POST /_sandbox/faults`) can make a vendor route answer
/// anything else: that is what it is for, so it is not listed per operation.
extension OpenAPIDocument {
    static let transactionID = S.described(["type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"],
                                           "UUID v4 (seeded per tenant when the scenario gives ids.seed)")
    static let vendorTimestamp = S.described(S.integer, "the tenant clock, epoch milliseconds")

    static let vendorComponents: [String: JSONValue] = [
        "SandboxEnvelope": S.object(
            ["code": ["const": 200], "data": S.anyValue, "timestamp": vendorTimestamp, "transaction_id": transactionID],
            required: ["code", "data", "timestamp", "transaction_id"],
            description: "Sandbox.co.in HTTP 200: an outcome (`data.status_cd` \"1\", `data.data`), a GSTN business error (`data.status_cd` \"0\", `data.error` {error_cd, message}), or the route's own data."),
        "SandboxPlatformError": S.object(
            ["code": S.described(S.integer, "the HTTP status"), "message": S.string, "timestamp": vendorTimestamp, "transaction_id": transactionID],
            required: ["code", "message", "timestamp", "transaction_id"],
            description: "Sandbox.co.in gateway refusal (401 missing credentials, 403 bad credentials or token, 400/422 bad input)."),
        "EASErrorObject": S.object(
            ["message": S.described(S.string, "kebab-case key, e.g. err-invalid-token"), "type": S.described(S.string, "e.g. Authorization, ClientRequest, ResourceNotFound, Gstn"),
             "args": S.anyValue],
            required: ["message", "type", "args"]),
        "EASSuccess": S.object(
            ["status": ["const": "1"], "data": S.anyValue, "error": ["type": "null"],
             "info": S.anyValue, "additionalInfo": S.anyValue, "alert": S.anyValue],
            required: ["status", "data", "error", "info", "additionalInfo", "alert"],
            description: "Vayana EAS envelope (v3.0 routes, IMS and returns pages), success."),
        "EASFailure": S.object(
            ["status": ["const": "0"], "data": ["type": "null"], "error": S.ref("EASErrorObject"),
             "info": S.anyValue, "additionalInfo": S.anyValue, "alert": S.anyValue],
            required: ["status", "data", "error", "info", "additionalInfo", "alert"],
            description: "Vayana EAS envelope, failure."),
        "EASv1Success": S.object(["data": S.anyValue], required: ["data"],
                                 description: "Vayana v1 envelope (theodore login, v1.0/v2.0 GSTN authentication), success."),
        "EASv1Failure": S.object(["error": S.ref("EASErrorObject")], required: ["error"],
                                 description: "Vayana v1 envelope, failure."),
    ]

    /// Which envelope a Vayana route answers in.
    enum EASFlavor {
        /// `{status, data, error, info, additionalInfo, alert}`.
        case v3
        /// `{data}` / `{error}`: theodore login.
        case v1
        /// v1 for `{gstn-api-version}` v1.0/v2.0, v3 otherwise: the GSTN authentication routes.
        case byAPIVersion
    }

    static func sandboxAnswers() -> [Answer] {
        [Answer(200, "Outcome, or a GSTN business error in `data` (`status_cd` \"0\").", S.ref("SandboxEnvelope"))]
            + [(400, "Missing or malformed parameter."), (401, "Missing credentials (x-api-key, authorization)."),
               (403, "Bad credentials, or an invalid or expired token."), (422, "Invalid GSTIN, period or body.")]
            .map { Answer($0.0, $0.1, S.ref("SandboxPlatformError")) }
    }

    static func vayanaAnswers(_ flavor: EASFlavor, statuses: [(Int, String)]? = nil) -> [Answer] {
        let success: JSONValue, failure: JSONValue
        switch flavor {
        case .v3: success = S.ref("EASSuccess"); failure = S.ref("EASFailure")
        case .v1: success = S.ref("EASv1Success"); failure = S.ref("EASv1Failure")
        case .byAPIVersion:
            success = S.anyOf([S.ref("EASSuccess"), S.ref("EASv1Success")])
            failure = S.anyOf([S.ref("EASFailure"), S.ref("EASv1Failure")])
        }
        let errors = statuses ?? [
            (400, "Client request error (err-missing-parameter, err-invalid-gstin-format, err-invalid-gst-returns-api-version, …)."),
            (403, "Missing or unknown organisation, invalid or expired user token."),
            (404, "Unknown GSTIN, file, token or {flynn-version} (err-invalid-gstin, err-resource-not-found)."),
            (502, "A GSTN error passed through (err-gstn-returned-error)."),
        ]
        return [Answer(200, "Success.", success)] + errors.map { Answer($0.0, $0.1, failure) }
    }
}
