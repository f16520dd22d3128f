import GSTCore
import HTTPWire

/// Sandbox.co.in's GST Compliance routes, as the composition root registers them:
///
/// ```swift
/// router.add(contentsOf: SandboxRoutes.routes().map { $0.mapContext(\.sandbox) })
/// ```
///
/// Every response is `application/json` with keys in sorted order, a millisecond `timestamp` from the
/// tenant's clock and a UUID `transaction_id` (the tenant's id generator; random when the request
/// cannot be tied to a tenant).
public enum SandboxRoutes {
    /// Prefix of the taxpayer routes.
    static let taxpayer = "/gst/compliance/tax-payer"

    public static func routes() -> [Route<SandboxAPIContext>] {
        let t = taxpayer
        return [
            Route(.post, "/authenticate", operation: "auth.authenticate", handler: AuthRoutes.authenticate),
            Route(.post, PathPattern(stringLiteral: "\(t)/otp"), operation: "taxpayer.otp", handler: AuthRoutes.generateOTP),
            Route(.post, PathPattern(stringLiteral: "\(t)/otp/verify"), operation: "taxpayer.otp.verify", handler: AuthRoutes.verifyOTP),
            Route(.post, PathPattern(stringLiteral: "\(t)/session/refresh"), operation: "taxpayer.session.refresh", handler: AuthRoutes.refresh),
            Route(.post, PathPattern(stringLiteral: "\(t)/logout"), operation: "taxpayer.logout", handler: AuthRoutes.logout),

            Route(.get, PathPattern(stringLiteral: "\(t)/invoices"), operation: "ims.invoices", handler: IMSRoutes.invoices),
            Route(.get, PathPattern(stringLiteral: "\(t)/invoices/count"), operation: "ims.count", handler: IMSRoutes.count),
            Route(.post, PathPattern(stringLiteral: "\(t)/invoices/status/save"), operation: "ims.save", handler: IMSRoutes.save),
            Route(.post, PathPattern(stringLiteral: "\(t)/invoices/status/reset"), operation: "ims.reset", handler: IMSRoutes.reset),
            Route(.get, PathPattern(stringLiteral: "\(t)/invoices/status"), operation: "ims.status", handler: IMSRoutes.status),

            Route(.get, PathPattern(stringLiteral: "\(t)/gstrs/gstr-2b/{year}/{month}"), operation: "gstr2b.get", handler: GSTR2BRoutes.get),
            Route(.post, PathPattern(stringLiteral: "\(t)/gstrs/gstr-2b/{year}/{month}/regenerate"), operation: "gstr2b.regenerate",
                  handler: GSTR2BRoutes.regenerate),
            Route(.get, PathPattern(stringLiteral: "\(t)/gstrs/gstr-2b/regenerate"), operation: "gstr2b.regenerate.status",
                  handler: GSTR2BRoutes.regenerationStatus),

            Route(.get, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/b2b/{year}/{month}"), operation: "gstr1.b2b", handler: GSTR1Routes.b2b),
            Route(.get, PathPattern(stringLiteral: "\(t)/gstrs/gstr-1/b2ba/{year}/{month}"), operation: "gstr1.b2ba", handler: GSTR1Routes.b2ba),
            Route(.get, "/gsp/tax-payer/{gstin}/gstrs/gstr-1/b2ba/{year}/{month}", operation: "gstr1.b2ba.legacy",
                  handler: GSTR1Routes.legacyB2BA),
        ]
    }
}
