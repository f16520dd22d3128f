import GSTCore
import HTTPWire
import JSON

/// Vayana's SSO ("theodore"): the login that issues the user token every EAS call carries.
enum LoginRoutes {
    // MARK: POST /theodore/apis/v1/authtokens

    /// Body `{"handle":<email>,"password":…,"handleType":"email","tokenDurationInMins":360}` (documented on
    /// the onboarding page). `tokenDurationInMins` is optional: 20 by default, at most 360 (a larger value
    /// gives 360, as documented).
    ///
    /// Success (v1 shape, as theodore answers): `{"data":{"associatedOrgs":[{"organisation":{"id":…}}],
    /// "email":…,"expiry":<epoch ms>,"token":…}}`. `token` and `associatedOrgs[].organisation.id` are what
    /// clients read (public client code); `email` and `expiry` (epoch milliseconds on the wall clock: `TenantState.wallClockExpiry`) are
    /// the emulator's choice. The organisations listed are those of the tenant's logins with that email.
    ///
    /// Errors (v1 shape): body not JSON → 400 `err-invalid-json`; `handle`/`password` missing → 400
    /// `err-missing-parameter`; `handleType` other than email or a duration that is not a positive integer →
    /// 400 `err-invalid-parameter`; unknown handle or wrong password → 401 `err-invalid-credentials`.
    static func login(_ request: HTTPRequest, _ params: PathParameters, _ ctx: VayanaContext) -> HTTPResponse {
        let email: String, password: String, minutes: Int
        do throws(EASError) {
            let body = try parseBody(request)
            guard let h = body["handle"]?.stringValue, !h.isEmpty else { throw .missingParameter("handle") }
            guard let p = body["password"]?.stringValue, !p.isEmpty else { throw .missingParameter("password") }
            if let type = body["handleType"], !type.isNull, type.stringValue != "email" { throw .invalidParameter("handleType") }
            var m = VayanaContext.defaultUserTokenMinutes
            if let d = body["tokenDurationInMins"], !d.isNull {
                guard let n = d.intValue, n > 0 else { throw .invalidParameter("tokenDurationInMins") }
                m = min(n, VayanaContext.maximumUserTokenMinutes)
            }
            (email, password, minutes) = (h, p, m)
        } catch {
            return EASEnvelope.error(error, flavor: .v1)
        }
        guard let (tenant, login) = ctx.registry.authenticateVayana(email: email, password: password) else {
            return EASEnvelope.error(.invalidCredentials, flavor: .v1)
        }
        let lifetime = Int64(minutes) * 60_000
        let token = ctx.registry.issueToken(.vayanaUser, lifetime: lifetime, in: tenant,
                                            claims: ["token_type": "user", "email": .string(login.email)])
        let expiry = tenant.read { $0.wallClockExpiry(of: token) ?? 0 }
        var organisations: [String] = []
        for l in tenant.seed.credentials.vayanaLogins where l.email == login.email && !organisations.contains(l.organisationID) {
            organisations.append(l.organisationID)
        }

        var b = JSONBuilder(capacity: 256)
        b.beginObject()
        b.key("associatedOrgs")
        b.beginArray()
        for org in organisations {
            b.beginObject()
            b.key("organisation"); b.beginObject(); b.field("id", org); b.endObject()
            b.endObject()
        }
        b.endArray()
        b.field("email", login.email)
        b.field("expiry", expiry)
        b.field("token", token)
        b.endObject()
        return EASEnvelope.ok(b.bytes, flavor: .v1)
    }
}
