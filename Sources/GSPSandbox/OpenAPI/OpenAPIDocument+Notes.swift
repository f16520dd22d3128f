import JSON

/// Hand-written parts of the OpenAPI document: what the route table cannot say (summaries, query
/// parameters, required headers, the request body and every answer). Keyed by operation name, one
/// entry per operation: control operations in `OpenAPIDocument+ControlNotes.swift`, vendor
/// operations below. A route without an entry is still documented, with its operation name as
/// summary and its API's default answers.
extension OpenAPIDocument {
    struct Query {
        let name: String
        let required: Bool
        let description: String
        let schema: JSONValue
        init(_ name: String, required: Bool = false, _ description: String = "", schema: JSONValue = OpenAPISchema.string) {
            self.name = name; self.required = required; self.description = description; self.schema = schema
        }
    }

    /// What an operation reads from its body.
    enum Body {
        /// Not said: a write method gets an optional JSON body of any shape.
        case unspecified
        case none
        case json(JSONValue, required: Bool = true, description: String? = nil)

        /// A vendor's own payload (see the vendor's documentation): a JSON object.
        static let vendorJSON = Body.json(OpenAPISchema.anyObject)
    }

    /// One status an operation can answer, and the shape of its body.
    struct Answer {
        let status: Int
        let description: String
        /// nil: no body.
        let schema: JSONValue?
        let mediaType: String
        init(_ status: Int, _ description: String, _ schema: JSONValue?, mediaType: String = "application/json") {
            self.status = status; self.description = description; self.schema = schema; self.mediaType = mediaType
        }
    }

    struct Notes {
        let summary: String
        var description: String? = nil
        var query: [Query] = []
        var headers: [String] = []
        /// Security schemes (`securitySchemes`) the operation needs, all together; nil: its vendor's
        /// usual credentials (`sandboxAuth`, `vayanaAuth`), none for the control API.
        var security: [String]? = nil
        var body: Body = .unspecified
        /// nil: the API's defaults (`sandboxAnswers`, `vayanaAnswers(.v3)`).
        var answers: [Answer]? = nil
    }

    static let notes: [String: Notes] = controlNotes.merging(vendorNotes) { control, _ in control }

    /// A path parameter: what it is, the values its routes serve (others get the route's 404/422/400),
    /// and an example that reaches live data of the default scenario (the examples phase of a contract
    /// fuzzer uses it instead of a 404).
    struct PathParameter {
        let description: String
        var schema: JSONValue = OpenAPISchema.string
        var example: String? = nil
    }

    static let pathParameters: [String: PathParameter] = [
        "year": PathParameter(description: "YYYY", schema: ["type": "string", "pattern": "^(19|20)[0-9]{2}$"], example: "2025"),
        "month": PathParameter(description: "MM (01–12)", schema: ["type": "string", "pattern": "^(0?[1-9]|1[0-2])$"], example: "03"),
        "gstin": PathParameter(description: "the taxpayer's GSTIN", schema: ["type": "string", "pattern": "^[0-9]{2}[0-9A-Z]{13}$"],
                               example: "27AAPCA4821K1ZD"),
        "gstr": PathParameter(description: "the return: gstr-1 (others answer AUTH154)", example: "gstr-1"),
        "flynn-version": PathParameter(description: "EAS API version", schema: OpenAPISchema.oneOfStrings(["v1.0", "v2.0", "v3.0"]),
                                       example: "v3.0"),
        "gstn-api-version": PathParameter(description: "GSTN API version, e.g. v0.2, v3.0",
                                          schema: ["type": "string", "pattern": "^v[0-4]\\.[0-9]{1,3}$"], example: "v3.0"),
        "key": PathParameter(description: "file key from FILEDET"),
        "id": PathParameter(description: "tenant id, or one of its Sandbox API keys or Vayana org ids (fault rules: the rule id)",
                            example: "default"),
        "ref": PathParameter(description: "a job's reference_id"),
    ]

    /// Credentials as `securitySchemes` rather than header parameters: a contract fuzzer then sends
    /// the ones it is given (`-H`) instead of generating values that can only be refused.
    static let securitySchemes: [String: JSONValue] = [
        "ControlToken": apiKeyHeader(ControlAccess.tokenHeader, "The control API's token, when the server has one (serve --control-token or GSP_SANDBOX_CONTROL_TOKEN)."),
        "SandboxAPIKey": apiKeyHeader("x-api-key", "A Sandbox API key (key_test_… creates its own tenant)."),
        "SandboxAPISecret": apiKeyHeader("x-api-secret", "The API key's secret (secret_test_… for key_test_… keys)."),
        "SandboxToken": apiKeyHeader("authorization", "The access token of POST /authenticate, or a taxpayer session token; no \"Bearer\"."),
        "VayanaOrg": apiKeyHeader("X-FLYNN-N-ORG-ID", "The organisation id of the theodore login."),
        "VayanaUserToken": apiKeyHeader("X-FLYNN-N-USER-TOKEN", "The user token of the theodore login."),
    ]
    static let sandboxAuth = ["SandboxAPIKey", "SandboxToken"]
    static let vayanaAuth = ["VayanaOrg", "VayanaUserToken"]

    static func apiKeyHeader(_ name: String, _ description: String) -> JSONValue {
        ["type": "apiKey", "in": "header", "name": .string(name), "description": .string(description)]
    }

    static let vendorNotes: [String: Notes] = [
        // Sandbox.co.in
        "auth.authenticate": Notes(summary: "Platform access token (24 h)", security: ["SandboxAPIKey", "SandboxAPISecret"], body: .none),
        "taxpayer.otp": Notes(summary: "Request a taxpayer OTP", security: sandboxAuth, body: .vendorJSON),
        "taxpayer.otp.verify": Notes(summary: "Verify the OTP: taxpayer session token (6 h)",
                                     query: [Query("otp", required: true)], security: sandboxAuth, body: .vendorJSON),
        "taxpayer.session.refresh": Notes(summary: "Refresh the taxpayer session", security: sandboxAuth),
        "public.gstin.search": Notes(summary: "Public search: a GSTIN's registration (platform token)", security: sandboxAuth, body: .vendorJSON),
        "public.gstin.verify": Notes(summary: "Public verification of a GSTIN (platform token)", security: sandboxAuth, body: .vendorJSON),
        "public.pan.search": Notes(summary: "Public search: a PAN's registrations in a state (platform token)",
                                   query: [Query("state_code", required: true, "two-digit GST state code")], security: sandboxAuth,
                                   body: .vendorJSON),
        "public.gstrs.track": Notes(summary: "Public: a GSTIN's filed returns of a financial year (platform token)",
                                    query: [Query("financial_year", required: true, "FY 2025-26"), Query("gstr", "gstr-1, gstr-3b")],
                                    security: sandboxAuth, body: .vendorJSON),
        "public.gstrs.preference": Notes(summary: "Public: a GSTIN's return preference per quarter (platform token)",
                                         query: [Query("financial_year", required: true, "FY 2025-26")], security: sandboxAuth, body: .vendorJSON),
        "public.gstin.changed-list": Notes(summary: "Public: registrations of a state changed on a day (GSTINs as MD5)",
                                           security: sandboxAuth, body: .vendorJSON),
        "public.unregistered-applicants": Notes(summary: "Public: an unregistered applicant by enrolment number", security: sandboxAuth,
                                                body: .vendorJSON),
        "public.unregistered-applicants.validation": Notes(summary: "Public: match an unregistered applicant's mobile and email",
                                                           security: sandboxAuth, body: .vendorJSON),
        "gstr3b.offset-liability": Notes(summary: "GSTR-3B: pay the liability from the ledgers (pdcash, pditc; GSTN's set-off rules)",
                                         security: sandboxAuth, body: .vendorJSON),
        "gstr3b.auto-liability-calc": Notes(summary: "GSTR-3B: the system's liability and ITC by table (r3bautopop)", security: sandboxAuth),
        "returns.track": Notes(summary: "A period's filed returns (EFiledlist)", query: [Query("return_type", "gstr-1, gstr-3b")],
                               security: sandboxAuth),
        "returns.preference.get": Notes(summary: "Return preference per quarter (QRMP)", query: [Query("financial_year", "FY 2025-26; the current one by default")],
                                        security: sandboxAuth),
        "returns.preference.save": Notes(summary: "Choose a quarter's return preference (M or Q) in GSTN's window", security: sandboxAuth,
                                         body: .vendorJSON),
        "returns.aato": Notes(summary: "Aggregate turnover of the previous financial year (AATO)",
                              query: [Query("financial_year", required: true, "FY 2025-26")], security: sandboxAuth),
        "ledgers.balance": Notes(summary: "Cash and ITC balance for a period's payment", security: sandboxAuth),
        "ledgers.cash": Notes(summary: "Electronic cash ledger between two dates",
                              query: [Query("from", required: true, "DD/MM/YYYY"), Query("to", required: true, "DD/MM/YYYY")], security: sandboxAuth),
        "ledgers.itc": Notes(summary: "Electronic credit ledger between two dates",
                             query: [Query("from", required: true, "DD/MM/YYYY"), Query("to", required: true, "DD/MM/YYYY")], security: sandboxAuth),
        "ledgers.tax": Notes(summary: "Return liability ledger of a period between two dates",
                             query: [Query("from", required: true, "DD/MM/YYYY"), Query("to", required: true, "DD/MM/YYYY")], security: sandboxAuth),
        "taxpayer.logout": Notes(summary: "Log the taxpayer session out", security: sandboxAuth),
        "ims.invoices": Notes(summary: "IMS: get invoices of a section",
                              query: [Query("section", required: true, "B2B, B2BA, CN, CNA, DN, DNA, ECOM, ECOMA"),
                                      Query("status", "accepted, rejected, pending, no_action_taken")], security: sandboxAuth),
        "ims.count": Notes(summary: "IMS: count of invoices", query: [Query("type_of_goods")], security: sandboxAuth),
        "ims.save": Notes(summary: "IMS: save actions (job; reference_id)", security: sandboxAuth, body: .vendorJSON),
        "ims.reset": Notes(summary: "IMS: reset actions (job; reference_id)", security: sandboxAuth, body: .vendorJSON),
        "ims.status": Notes(summary: "IMS: status of a save/reset job", query: [Query("reference_id", required: true)], security: sandboxAuth),
        "ims.addedBack": Notes(summary: "IMS supplier view: records whose rejection added liability back",
                               query: [Query("section", required: true, "cdnr, b2ba, cdnra, ecoma")], security: sandboxAuth),
        "ims.sales": Notes(summary: "IMS supplier view: own documents with the recipients' actions (imsactn)",
                           query: [Query("section", required: true, "b2b, b2ba, cdnr, cdnra, ecom, ecoma"),
                                   Query("return_type", required: true, "gstr-1, gstr-1a")], security: sandboxAuth),
        "gstr2b.get": Notes(summary: "GSTR-2B of a period", query: [Query("file_number", "1…fc for large returns")], security: sandboxAuth),
        "gstr2b.regenerate": Notes(summary: "Regenerate GSTR-2B (job; IMS2B009 before the draft date, IMS2B007 after GSTR-3B)",
                                   security: sandboxAuth, body: .none),
        "gstr2b.regenerate.status": Notes(summary: "Status of a GSTR-2B regeneration", query: [Query("reference_id", required: true)],
                                          security: sandboxAuth),
        "gstr1.b2b": Notes(summary: "GSTR-1 B2B invoices of a period",
                           query: [Query("counterparty_gstin"), Query("gstin"), Query("ctin"), Query("action_required", "Y or N"),
                                   Query("from", "DD/MM/YYYY")], security: sandboxAuth),
        "gstr1.b2ba": Notes(summary: "GSTR-1 B2BA amendments of a period",
                            query: [Query("counterparty_gstin"), Query("gstin"), Query("ctin"), Query("action_required", "Y or N"),
                                    Query("from", "DD/MM/YYYY")], security: sandboxAuth),
        "gstr1.b2ba.legacy": Notes(summary: "GSTR-1 B2BA (legacy path form)", query: [Query("ctin")], security: sandboxAuth),
        "gstr1.summary": Notes(summary: "GSTR-1 summary of a period (all 30 sections)",
                               query: [Query("summary_type", "long: adds smryTyp and the counterparty rows (cpty_sum)")],
                               security: sandboxAuth),

        // Vayana EAS
        "vayana.auth.login": Notes(summary: "EAS login (theodore): user token", security: [], body: .vendorJSON,
                                   answers: vayanaAnswers(.v1, statuses: [
                                       (400, "Body not JSON, handle or password missing, bad handleType or tokenDurationInMins."),
                                       (401, "Unknown handle or wrong password (err-invalid-credentials)."),
                                   ])),
        "vayana.gstn.otprequest": Notes(summary: "GSTN: request an OTP", security: vayanaAuth, body: .vendorJSON,
                                       answers: vayanaAnswers(.byAPIVersion)),
        "vayana.gstn.authtoken": Notes(summary: "GSTN: verify the OTP, open a session", security: vayanaAuth, body: .vendorJSON,
                                       answers: vayanaAnswers(.byAPIVersion)),
        "vayana.gstn.refreshtoken": Notes(summary: "GSTN: refresh the session", security: vayanaAuth, body: .vendorJSON,
                                          answers: vayanaAnswers(.byAPIVersion)),
        "vayana.gstn.authenticate": Notes(summary: "GSTN: session action named by a header", security: vayanaAuth,
                                          answers: vayanaAnswers(.byAPIVersion)),
        "vayana.returns": Notes(summary: "Returns download (GSTR-2B GET2B, GSTR-1 sections, FILEDET)",
                                query: [Query("gstn_ret_type", "gstr2b or gstr1"), Query("gstin", required: true),
                                        Query("rtnprd", "MMYYYY"), Query("ret_period", "MMYYYY"), Query("action"),
                                        Query("file_num"), Query("token")], security: vayanaAuth),
        "vayana.common.search": Notes(summary: "Search Taxpayer (GSTN commonapi; no GSTN session)",
                                      query: [Query("gstin", required: true), Query("action", required: true, "TP")], security: vayanaAuth),
        "vayana.common.returns": Notes(summary: "View & Track Returns (GSTN commonapi; no GSTN session)",
                                       query: [Query("gstin", required: true), Query("fy", required: true, "YYYY-YY"),
                                               Query("action", required: true, "RETTRACK"), Query("type", "ALL-RTRN, R1, R3B")],
                                       security: vayanaAuth),
        "vayana.returns.filedownload": Notes(summary: "Download a file listed by FILEDET", headers: ["X-FLYNN-N-FILEDET-EKEY"], security: vayanaAuth),
        "vayana.ims.getinv": Notes(summary: "IMS GETINV", query: [Query("gstin", required: true), Query("section", required: true)],
                                   security: vayanaAuth),
        "vayana.ims.getcnt": Notes(summary: "IMS GETCNT", query: [Query("gstin", required: true), Query("goods_typ")], security: vayanaAuth),
        "vayana.ims.save": Notes(summary: "IMS SAVE (job)", security: vayanaAuth, body: .vendorJSON),
        "vayana.ims.reset": Notes(summary: "IMS RESETIMS (job)", security: vayanaAuth, body: .vendorJSON),
        "vayana.ims.reqsts": Notes(summary: "IMS REQSTS: status of a SAVE/RESETIMS",
                                   query: [Query("gstin", required: true), Query("int_tran_id", required: true)], security: vayanaAuth),
        "vayana.ims.filedet": Notes(summary: "IMS FILEDET: files of a large GETINV",
                                    query: [Query("gstin", required: true), Query("token", required: true)], security: vayanaAuth),
    ]
}
