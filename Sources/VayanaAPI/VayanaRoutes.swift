import GSTCore
import HTTPWire

/// Vayana Network EAS routes (theodore login, the GSTN session, returns download lite with FILEDET /
/// FILEDOWNLOAD, and IMS), as the composition root registers them next to Sandbox's:
///
/// ```swift
/// router.add(contentsOf: VayanaRoutes.routes().map { $0.mapContext(\.vayana) })
/// ```
///
/// Both vendors read and write the same tenant state: a Vayana organisation and a Sandbox API key of one
/// tenant see one world. Responses are `application/json` in the EAS envelope (`EASEnvelope`).
public enum VayanaRoutes {
    /// Prefix of the GSTN taxpayer routes.
    static let taxpayer = "/basic/gstn/{flynn-version}/taxpayerapi/{gstn-api-version}"

    public static func routes() -> [Route<VayanaContext>] {
        let t = taxpayer
        func p(_ s: String) -> PathPattern { PathPattern(stringLiteral: s) }
        return [
            Route(.post, "/theodore/apis/v1/authtokens", operation: "vayana.auth.login", api: .vayana, handler: LoginRoutes.login),

            Route(.post, p("\(t)/authenticate/OTPREQUEST"), operation: "vayana.gstn.otprequest", api: .vayana, handler: GSTNAuthRoutes.otpRequest),
            Route(.post, p("\(t)/authenticate/AUTHTOKEN"), operation: "vayana.gstn.authtoken", api: .vayana, handler: GSTNAuthRoutes.authToken),
            Route(.post, p("\(t)/authenticate/REFRESHTOKEN"), operation: "vayana.gstn.refreshtoken", api: .vayana, handler: GSTNAuthRoutes.refreshToken),
            Route(.post, p("\(t)/authenticate"), operation: "vayana.gstn.authenticate", api: .vayana, handler: GSTNAuthRoutes.byHeader),

            Route(.get, p("\(t)/returns"), operation: "vayana.returns", api: .vayana, handler: ReturnsRoutes.returns),
            Route(.get, "/basic/gstn/{flynn-version}/taxpayerapi-doc/{key}", operation: "vayana.returns.filedownload", api: .vayana,
                  handler: ReturnsRoutes.fileDownload),

            Route(.get, p("\(t)/returns/ims/GETINV"), operation: "vayana.ims.getinv", api: .vayana, handler: IMSRoutes.getInvoices),
            Route(.get, p("\(t)/returns/ims/GETCNT"), operation: "vayana.ims.getcnt", api: .vayana, handler: IMSRoutes.getCount),
            Route(.put, p("\(t)/returns/ims/SAVE"), operation: "vayana.ims.save", api: .vayana, handler: IMSRoutes.save),
            Route(.put, p("\(t)/returns/ims/RESETIMS"), operation: "vayana.ims.reset", api: .vayana, handler: IMSRoutes.reset),
            Route(.get, p("\(t)/returns/ims/REQSTS"), operation: "vayana.ims.reqsts", api: .vayana, handler: IMSRoutes.requestStatus),
            Route(.get, p("\(t)/returns/ims/FILEDET"), operation: "vayana.ims.filedet", api: .vayana, handler: IMSRoutes.fileDetails),

            Route(.get, p("\(CommonRoutes.prefix)/search"), operation: "vayana.common.search", api: .vayana, handler: CommonRoutes.search),
            Route(.get, p("\(CommonRoutes.prefix)/returns"), operation: "vayana.common.returns", api: .vayana, handler: CommonRoutes.trackReturns),
        ]
    }
}

extension RouteAPI {
    /// Vayana Network's EAS routes.
    package static let vayana = RouteAPI("vayana")
}
