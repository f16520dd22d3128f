import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// GSTN's public APIs (platform token, no taxpayer session), under `/gst/compliance/public`: taxpayer
/// search by GSTIN and by PAN, answered from the world's registrations (`TenantState.registration`).
enum PublicRoutes {
    static let prefix = "/gst/compliance/public"

    static func routes() -> [Route<SandboxAPIContext>] {
        [
            Route(.post, "\(prefix)/gstin/search", "public.gstin.search", search),
            Route(.post, "\(prefix)/gstin/verify", "public.gstin.verify", verify),
            Route(.post, "\(prefix)/pan/search", "public.pan.search", panSearch),
        ]
    }

    // MARK: POST /gst/compliance/public/gstin/search

    /// Body `{"gstin"}`: missing → 400; not a GSTIN's pattern → 422 "Invalid GSTIN pattern"; a GSTIN the
    /// world does not register → FO8000 "No records found"; else the registration (`PublicSearchRender`).
    static func search(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try lookUp(request, ctx, render: PublicSearchRender.taxpayer)
    }

    // MARK: POST /gst/compliance/public/gstin/verify

    /// As search, with the verification's fields (`PublicSearchRender.verification`). The docs give no
    /// answer for a GSTIN nobody holds: FO8000 "No records found", as search answers.
    static func verify(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        try lookUp(request, ctx, render: PublicSearchRender.verification)
    }

    /// The registration the body's `gstin` names, rendered by `render`.
    private static func lookUp(_ request: HTTPRequest, _ ctx: SandboxAPIContext,
                               render: (Registration) -> [UInt8]) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request)
        let (grant, registration) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> Registration? in
            let json = try body.get()
            guard let value = json["gstin"] else { throw .required("gstin") }
            guard let text = value.stringValue, let gstin = GSTIN(text) else { throw .platform(.invalidGSTINPattern) }
            return state.registration(gstin)
        }
        guard let registration else { return .data(SandboxData.error(.noRecordsFound), stamp: grant.stamp) }
        return SandboxReply(body: .success(render(registration)), stamp: grant.stamp)
    }

    // MARK: POST /gst/compliance/public/pan/search?state_code=

    /// Body `{"pan"}`, query `state_code` (two digits): either missing → 400; a malformed PAN or state code
    /// → 422 (not documented: the pattern errors of the other routes); no registration of the PAN in that
    /// state → `data: {"error_code":"NOGSTIN","message":"No records found"}` with no `status_cd`, and a
    /// success is `data: [ … ]`, both as the official examples show them.
    static func panSearch(_ request: HTTPRequest, _ params: PathParameters, _ ctx: SandboxAPIContext) throws(SandboxError) -> SandboxReply {
        let body = SandboxBody.parse(request), stateText = request.queryValue("state_code")
        let (grant, registrations) = try ctx.authorized(request, .platform) { (state, _) throws(SandboxError) -> [Registration] in
            guard let stateText, !stateText.isEmpty else { throw .required("state_code") }
            guard let stateCode = StateCode(stateText) else { throw .unprocessable("Invalid state_code") }
            let json = try body.get()
            guard let value = json["pan"] else { throw .required("pan") }
            guard let pan = value.stringValue, isPAN(pan) else { throw .unprocessable("Invalid PAN pattern") }
            return state.registrations(pan: pan.uppercased(), state: stateCode)
        }
        guard !registrations.isEmpty else {
            return .data(Array(#"{"error_code":"NOGSTIN","message":"No records found"}"#.utf8), stamp: grant.stamp)
        }
        return .data(PublicSearchRender.pan(registrations), stamp: grant.stamp)
    }

    /// Five letters, four digits, a letter (either case).
    static func isPAN(_ s: String) -> Bool {
        let u = Array(s.utf8)
        func letter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        return u.count == 10 && u[0..<5].allSatisfy(letter) && u[5..<9].allSatisfy(digit) && letter(u[9])
    }
}
