/// Hand-written parts of the OpenAPI document: what the route table cannot say (summaries, query
/// parameters, required headers). Keyed by operation name; a route without an entry is still
/// documented, with its operation name as summary.
extension OpenAPIDocument {
    struct Query {
        let name: String
        let required: Bool
        let description: String
        init(_ name: String, required: Bool = false, _ description: String = "") {
            self.name = name; self.required = required; self.description = description
        }
    }

    struct Notes {
        let summary: String
        var description: String? = nil
        var query: [Query] = []
        var headers: [String] = []
        /// nil: a write method gets an optional JSON body; true: required; false: none.
        var body: Bool? = nil
    }

    static let pathParameterDescriptions: [String: String] = [
        "year": "YYYY", "month": "MM (01–12)", "gstin": "the taxpayer's GSTIN",
        "flynn-version": "EAS API version, e.g. v1.0", "gstn-api-version": "GSTN API version, e.g. v0.2, v3.0",
        "key": "file key from FILEDET", "id": "tenant id",
    ]

    static let sandboxAuth = ["x-api-key", "authorization"]
    static let vayanaAuth = ["X-FLYNN-N-ORG-ID", "X-FLYNN-N-USER-TOKEN"]

    static let notes: [String: Notes] = [
        // Control API
        "control.health": Notes(summary: "Readiness probe", description: "200 with the version as soon as the listener is up."),
        "control.scenario": Notes(
            summary: "Scenario summary of a tenant",
            description: "The clock, credentials, and per taxpayer its login and what each period allows.",
            query: [Query("tenant", "tenant id; else the x-api-key header's tenant, else the primary scenario's")]),
        "control.openapi": Notes(summary: "This OpenAPI document"),

        // Sandbox.co.in
        "auth.authenticate": Notes(summary: "Platform access token (24 h)", headers: ["x-api-key", "x-api-secret"], body: false),
        "taxpayer.otp": Notes(summary: "Request a taxpayer OTP", headers: sandboxAuth, body: true),
        "taxpayer.otp.verify": Notes(summary: "Verify the OTP: taxpayer session token (6 h)",
                                     query: [Query("otp", required: true)], headers: sandboxAuth, body: true),
        "taxpayer.session.refresh": Notes(summary: "Refresh the taxpayer session", headers: sandboxAuth),
        "taxpayer.logout": Notes(summary: "Log the taxpayer session out", headers: sandboxAuth),
        "ims.invoices": Notes(summary: "IMS: get invoices of a section",
                              query: [Query("section", required: true, "B2B, B2BA, CN, CNA, DN, DNA, ECOM, ECOMA"),
                                      Query("status", "accepted, rejected, pending, no_action_taken")], headers: sandboxAuth),
        "ims.count": Notes(summary: "IMS: count of invoices", query: [Query("type_of_goods")], headers: sandboxAuth),
        "ims.save": Notes(summary: "IMS: save actions (job; reference_id)", headers: sandboxAuth, body: true),
        "ims.reset": Notes(summary: "IMS: reset actions (job; reference_id)", headers: sandboxAuth, body: true),
        "ims.status": Notes(summary: "IMS: status of a save/reset job", query: [Query("reference_id", required: true)], headers: sandboxAuth),
        "gstr2b.get": Notes(summary: "GSTR-2B of a period", query: [Query("file_number", "1…fc for large returns")], headers: sandboxAuth),
        "gstr2b.regenerate": Notes(summary: "Regenerate GSTR-2B (job; IMS2B009 before the draft date, IMS2B007 after GSTR-3B)",
                                   headers: sandboxAuth, body: false),
        "gstr2b.regenerate.status": Notes(summary: "Status of a GSTR-2B regeneration", query: [Query("reference_id", required: true)],
                                          headers: sandboxAuth),
        "gstr1.b2b": Notes(summary: "GSTR-1 B2B invoices of a period",
                           query: [Query("counterparty_gstin"), Query("gstin"), Query("ctin"), Query("action_required", "Y or N"),
                                   Query("from", "DD/MM/YYYY")], headers: sandboxAuth),
        "gstr1.b2ba": Notes(summary: "GSTR-1 B2BA amendments of a period",
                            query: [Query("counterparty_gstin"), Query("gstin"), Query("ctin"), Query("action_required", "Y or N"),
                                    Query("from", "DD/MM/YYYY")], headers: sandboxAuth),
        "gstr1.b2ba.legacy": Notes(summary: "GSTR-1 B2BA (legacy path form)", query: [Query("ctin")], headers: sandboxAuth),

        // Vayana EAS
        "vayana.auth.login": Notes(summary: "EAS login (theodore): user token", body: true),
        "vayana.gstn.otprequest": Notes(summary: "GSTN: request an OTP", headers: vayanaAuth, body: true),
        "vayana.gstn.authtoken": Notes(summary: "GSTN: verify the OTP, open a session", headers: vayanaAuth, body: true),
        "vayana.gstn.refreshtoken": Notes(summary: "GSTN: refresh the session", headers: vayanaAuth, body: true),
        "vayana.gstn.authenticate": Notes(summary: "GSTN: session action named by a header", headers: vayanaAuth),
        "vayana.returns": Notes(summary: "Returns download (GSTR-2B GET2B, GSTR-1 sections, FILEDET)",
                                query: [Query("gstn_ret_type", "gstr2b or gstr1"), Query("gstin", required: true),
                                        Query("rtnprd", "MMYYYY"), Query("ret_period", "MMYYYY"), Query("action"),
                                        Query("file_num"), Query("token")], headers: vayanaAuth),
        "vayana.returns.filedownload": Notes(summary: "Download a file listed by FILEDET", headers: vayanaAuth + ["X-FLYNN-N-FILEDET-EKEY"]),
        "vayana.ims.getinv": Notes(summary: "IMS GETINV", query: [Query("gstin", required: true), Query("section", required: true)],
                                   headers: vayanaAuth),
        "vayana.ims.getcnt": Notes(summary: "IMS GETCNT", query: [Query("gstin", required: true), Query("goods_typ")], headers: vayanaAuth),
        "vayana.ims.save": Notes(summary: "IMS SAVE (job)", headers: vayanaAuth, body: true),
        "vayana.ims.reset": Notes(summary: "IMS RESETIMS (job)", headers: vayanaAuth, body: true),
        "vayana.ims.reqsts": Notes(summary: "IMS REQSTS: status of a SAVE/RESETIMS",
                                   query: [Query("gstin", required: true), Query("int_tran_id", required: true)], headers: vayanaAuth),
        "vayana.ims.filedet": Notes(summary: "IMS FILEDET: files of a large GETINV",
                                    query: [Query("gstin", required: true), Query("token", required: true)], headers: vayanaAuth),
    ]
}
