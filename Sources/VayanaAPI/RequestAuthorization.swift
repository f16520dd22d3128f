import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// How EAS lets a request through, as this emulator applies it (checks in this order):
///
/// | situation | answer |
/// |---|---|
/// | `{flynn-version}` not v1.0, v2.0 or v3.0 | 404 `err-resource-not-found` `{"flynn-version":…}` |
/// | `X-FLYNN-N-ORG-ID` missing or no tenant's organisation | 403 `err-invalid-org` |
/// | `X-FLYNN-N-USER-TOKEN` missing, unknown to that tenant, or not a user token | 403 `err-invalid-token` |
/// | user token past its duration (tenant clock) | 403 `err-expired-token` |
/// | `{gstn-api-version}` not `v0.x`…`v4.x` | 400 `err-invalid-gst-returns-api-version` `{"version":…}` |
///
/// and, on the calls made for a taxpayer GSTIN (returns, IMS, FILEDET):
///
/// | situation | answer |
/// |---|---|
/// | GSTIN parameter missing (query `gstin`, else header `X-FLYNN-N-GSTIN`; SAVE/RESETIMS: `data.rtin`) | 400 `err-missing-parameter` `{"parameter-name":…}` |
/// | GSTIN off the pattern | 400 `err-invalid-gstin-format` `{"parameter-name":…}` |
/// | GSTIN not a taxpayer of the world | 404 `err-invalid-gstin` |
/// | no live GSTN session (AUTHTOKEN) for the GSTIN | 502 `err-gstn-returned-error` RET11402 "Unauthorized User" |
///
/// Any user token of the organisation's tenant is accepted with any of its organisations (one world per
/// tenant). A GSTN session belongs to the tenant and the GSTIN: once AUTHTOKEN succeeded, every user of the
/// tenant can call GSTN for that GSTIN until the session expires (how EAS ties a call to a session is
/// undocumented; calls carry no session id).
///
/// The token check and the route's own work run under one tenant lock, so a request sees one state.
extension VayanaContext {
    static let organisationHeader = "X-FLYNN-N-ORG-ID"
    static let userTokenHeader = "X-FLYNN-N-USER-TOKEN"
    static let fileKeyHeader = "X-FLYNN-N-FILEDET-EKEY"
    /// The taxpayer GSTIN header public EAS clients send on GSTN calls.
    static let gstinHeader = "X-FLYNN-N-GSTIN"

    /// The `gstin` query parameter, or else the `X-FLYNN-N-GSTIN` header (the query wins when both are sent).
    static func gstinText(_ q: Query, _ request: HTTPRequest) -> String? {
        if let g = q["gstin"] { return g }
        guard let h = request.headers[gstinHeader], !h.isEmpty else { return nil }
        return h
    }

    /// The `{flynn-version}`s this emulator serves.
    static let flynnVersions: Set<String> = ["v1.0", "v2.0", "v3.0"]

    /// `{gstn-api-version}`: `v<major>.<minor>` with major 0–4 (the examples use v0.2, v0.3, v3.0; v8.0 is
    /// the documented invalid one).
    static func isSupportedGSTNAPIVersion(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count >= 4, u.count <= 6, u[0] == UInt8(ascii: "v"), u[2] == UInt8(ascii: ".") else { return false }
        guard u[1] >= UInt8(ascii: "0"), u[1] <= UInt8(ascii: "4") else { return false }
        return u[3...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The envelope of a GSTN authentication route: v3 from flynn-version v3.0 on, v1 before (as the
    /// documented examples show); every other route uses v3.
    static func authFlavor(_ params: PathParameters) -> EASEnvelope.Flavor {
        params["flynn-version"].map { $0.hasPrefix("v3") } ?? true ? .v3 : .v1
    }

    /// Checks versions, organisation and user token, then runs `body` under the tenant lock. An `EASError`
    /// thrown anywhere becomes the error envelope of `flavor`.
    func eas(
        _ request: HTTPRequest, _ params: PathParameters, flavor: EASEnvelope.Flavor = .v3,
        _ body: (inout TenantState, Tenant) throws(EASError) -> HTTPResponse
    ) -> HTTPResponse {
        if let fv = params["flynn-version"], !Self.flynnVersions.contains(fv) {
            return EASEnvelope.error(.resourceNotFound("flynn-version", fv), flavor: flavor)
        }
        guard let org = request.headers[Self.organisationHeader], !org.isEmpty,
              let tenant = registry.tenant(forVayanaOrganisation: org)
        else { return EASEnvelope.error(.invalidOrg, flavor: flavor) }
        guard let token = request.headers[Self.userTokenHeader], !token.isEmpty else {
            return EASEnvelope.error(.invalidToken, flavor: flavor)
        }
        do {
            return try tenant.write { (state: inout TenantState) throws(EASError) -> HTTPResponse in
                switch state.tokens.check(token, now: state.now) {
                case .valid(.vayanaUser): break
                case .expired(.vayanaUser): throw .expiredToken
                default: throw .invalidToken
                }
                if let v = params["gstn-api-version"], !Self.isSupportedGSTNAPIVersion(v) { throw .invalidAPIVersion(v) }
                return try body(&state, tenant)
            }
        } catch {
            return EASEnvelope.error(error, flavor: flavor)
        }
    }

    /// The taxpayer a GSTN call is made for: present, well-formed, a taxpayer of this world, with a live
    /// GSTN session.
    static func taxpayer(_ text: String?, parameter: String, in state: TenantState) throws(EASError) -> GSTIN {
        let gstin = try knownTaxpayer(text, parameter: parameter, in: state)
        guard hasLiveSession(gstin, in: state) else { throw .gstn(.unauthorizedUser) }
        return gstin
    }

    /// Like `taxpayer` without the session check (OTPREQUEST).
    static func knownTaxpayer(_ text: String?, parameter: String, in state: TenantState) throws(EASError) -> GSTIN {
        guard let text, !text.isEmpty else { throw .missingParameter(parameter) }
        guard let gstin = GSTIN(text) else { throw .invalidGSTINFormat(parameter: parameter) }
        guard state.taxpayers[gstin] != nil else { throw .unknownGSTIN(parameter: parameter) }
        return gstin
    }

    /// Whether the tenant holds a valid `.gstnSession(gstin)` token now.
    static func hasLiveSession(_ gstin: GSTIN, in state: TenantState) -> Bool {
        let now = state.now
        return state.tokens.allTokens.contains { token in
            if case .valid(.gstnSession(let g)) = state.tokens.check(token, now: now) { return g == gstin }
            return false
        }
    }
}

/// A request's query, decoded once. Empty values count as absent.
struct Query {
    private let items: [(name: String, value: String)]

    init(_ request: HTTPRequest) { items = request.queryItems }

    subscript(_ name: String) -> String? {
        guard let v = items.first(where: { $0.name == name })?.value, !v.isEmpty else { return nil }
        return v
    }

    /// The first of `names` present, with the name it was found under.
    func first(_ names: String...) -> (name: String, value: String)? {
        for n in names { if let v = self[n] { return (n, v) } }
        return nil
    }
}

/// Parses a JSON request body (`err-invalid-json` when it is not JSON).
func parseBody(_ request: HTTPRequest) throws(EASError) -> JSONValue {
    do {
        return try JSONParser.parse(request.body, options: .init(duplicateKeys: .lastWins))
    } catch {
        throw .invalidJSON(error.description)
    }
}
