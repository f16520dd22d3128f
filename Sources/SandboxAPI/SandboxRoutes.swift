import GSTCore
import GSTNShapes
import HTTPWire

/// Sandbox.co.in's GST Compliance routes, as the composition root registers them:
///
/// ```swift
/// let api = SandboxAPIContext(registry: registry, realTime: realTime)
/// router.add(contentsOf: SandboxRoutes.routes().map { $0.mapContext { (_: SandboxContext) in api } })
/// ```
///
/// | method | path | operation |
/// |---|---|---|
/// | POST | `/authenticate` | `auth.authenticate` |
/// | POST | `/gst/compliance/tax-payer/otp` | `taxpayer.otp` |
/// | POST | `/gst/compliance/tax-payer/otp/verify?otp=` | `taxpayer.otp.verify` |
/// | POST | `/gst/compliance/tax-payer/session/refresh` | `taxpayer.session.refresh` |
/// | POST | `/gst/compliance/tax-payer/logout` | `taxpayer.logout` |
/// | GET | `/gst/compliance/tax-payer/invoices?section=&status=` | `ims.invoices` |
/// | GET | `/gst/compliance/tax-payer/invoices/count?type_of_goods=` | `ims.count` |
/// | POST | `/gst/compliance/tax-payer/invoices/status/save` | `ims.save` |
/// | POST | `/gst/compliance/tax-payer/invoices/status/reset` | `ims.reset` |
/// | GET | `/gst/compliance/tax-payer/invoices/status?reference_id=` | `ims.status` |
/// | GET | `/gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}?file_number=` | `gstr2b.get` |
/// | POST | `/gst/compliance/tax-payer/gstrs/gstr-2b/{year}/{month}/regenerate` | `gstr2b.regenerate` |
/// | GET | `/gst/compliance/tax-payer/gstrs/gstr-2b/regenerate?reference_id=` | `gstr2b.regenerate.status` |
/// | GET | `/gst/compliance/tax-payer/gstrs/gstr-1/b2b/{year}/{month}` | `gstr1.b2b` |
/// | GET | `/gst/compliance/tax-payer/gstrs/gstr-1/b2ba/{year}/{month}` | `gstr1.b2ba` |
/// | GET | `/gsp/tax-payer/{gstin}/gstrs/gstr-1/b2ba/{year}/{month}?ctin=` | `gstr1.b2ba.legacy` |
/// | … | GSTR-1 sections, summary, save, reset, return status, proceed, EVC OTP, file | see `GSTR1ReturnRoutes`, `FilingRoutes` |
/// | GET | `/gst/compliance/tax-payer/gstrs/gstr-2a/{b2b,b2ba,cdn,cdna,isd,impg,impgsez,tcs,tds,amdhist}/{year}/{month}` | `gstr2a.section.{name}` |
/// | GET | `/gst/compliance/tax-payer/gstrs/gstr-2a/{year}/{month}` | `gstr2a.document` |
/// | GET / POST | `/gst/compliance/tax-payer/gstrs/gstr-3b/{year}/{month}` | `gstr3b.get`, `gstr3b.save` |
/// | POST | `/gst/compliance/tax-payer/gstrs/gstr-3b/{year}/{month}/file?pan=&otp=` | `gstr3b.file` |
///
/// A route is declared in its feature file (`Routes/`), as `Route(.get, path, operation) { request,
/// parameters, ctx throws(SandboxError) in … }`: a handler returns a `SandboxReply` or throws a
/// `SandboxError` (a gateway refusal or a `GSTNError` from the shared catalogue), and
/// `SandboxAPIContext.render` writes either, once, into the envelope below.
///
/// Every response is `application/json` with keys in sorted order, a millisecond `timestamp` from the
/// tenant's clock and a UUID `transaction_id` (the tenant's id generator; random when the request
/// cannot be tied to a tenant). Business outcomes and business errors are HTTP 200 with `data.status_cd`
/// "1" / "0"; gateway refusals are HTTP 4xx `{code, message, timestamp, transaction_id}`.
///
/// ## Choices where Sandbox documents nothing
/// - **Gateway errors** (`RequestAuthorization.swift`): missing `authorization`/`x-api-key`/`x-api-secret`
///   or a key that is not the token's tenant → 401 "Unauthorized"; known key, wrong secret → 403 "Bad
///   Credentials"; unknown/revoked token → 403 "Invalid access token"; expired → 403 "Access token has
///   expired"; wrong token kind, or another GSTIN in the legacy path → 403 "Insufficient privilege";
///   missing required query/body field → 400 "<name> is required"; malformed JSON body or invalid value
///   (section, status, type_of_goods, action_required, from, file_number, year/month) → 422 with a
///   message saying what is wrong; a GSTIN off the pattern → 422 "Invalid GSTIN pattern".
/// - **OTP**: an OTP request for a username/GSTIN pair the world does not know → AUTH4033 "Invalid
///   Session"; verify needs a live OTP request (10 minutes on the tenant clock) and the taxpayer's OTP,
///   else AUTH4033; refreshing an expired session → AUTH4033. Refresh issues a new token (the old one
///   stops working); logout revokes the presented token.
/// - **IMS status**: `transTypCd` is `SAV` for SAVE (documented) and `RST` for RESET; a running job
///   answers `{"err_cd":"","err_msg":"","proc_cnt":"0","status_cd":"IP","transTypCd":…}`; an unknown,
///   foreign or non-IMS reference id → IMS0008. `error_report` is keyed by the invdata section keys
///   (`b2bdn`, not the example's `dn`), grouped by supplier and error code, with `inv:[{inum, rtnprd}]`
///   (notes too). Per-record codes: IMSSAV0010 (documented) for a wrong `prev_status`; IMSSAV0012
///   "Pending action is not allowed for this invoice" where `ispendactblocked` is Y; IMSSAV0011 "No
///   invoice found for the provided details" for a record not in the recipient's IMS.
/// - **IMS bodies**: validated by `IMSRequestValidator` (its doc lists every rule); a violation still
///   gets a `reference_id` and the job ends ER/IMSSAV005, and the response header
///   `X-Sandbox-Schema-Violation` names the JSON path and the problem. `remarks`, `itcRedReq` and
///   `decl*` (in the seed request, not in Sandbox's schema copy) are accepted and checked.
/// - **IMS count**: `others` and `inward_supplies` count the world's records under `all_oth`;
///   `imports` counts zero (no import documents exist).
/// - **GSTR-2B**: regeneration in progress → `{"err_cd":"","err_msg":"","status_cd":"IP"}`; a malformed
///   period on regenerate → IMS2B007. With `fc` > 1 and no `file_number` the answer carries summaries
///   and `fc` only; `file_number` outside 1…fc → 422. Documents carry invoice-level totals and `items`.
/// - **GSTR-1**: counterparty as `counterparty_gstin`, `gstin` or `ctin` (first present, in that order);
///   `action_required` Y = the counterparty has not concluded (IMS N or P), N = it has (A or R); `from`
///   = documents dated on or after; `cflag` is "N" as in every official example; B2BA adds `oinum`, `oidt`,
///   `opd` (YYYY-MM).
public enum SandboxRoutes {
    /// Prefix of the taxpayer routes.
    static let taxpayer = "/gst/compliance/tax-payer"

    /// Every route, as each feature file declares its own (grouped under their path prefix).
    public static func routes() -> [Route<SandboxAPIContext>] {
        let t = taxpayer
        return AuthRoutes.routes(t) + IMSRoutes.routes(t) + GSTR2BRoutes.routes(t) + GSTR1Routes.routes(t)
            + GSTR1ReturnRoutes.routes(t) + FilingRoutes.routes(t) + GSTR2ARoutes.routes(t) + GSTR3BRoutes.routes(t)
            + LedgerRoutes.routes(t) + FilingProfileRoutes.routes(t)
            + PublicRoutes.routes()
    }
}
