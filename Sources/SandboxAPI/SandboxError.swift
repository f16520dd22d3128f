import GSTCore
import GSTNShapes
import HTTPWire

/// Everything a Sandbox route refuses with. Handlers throw it; `SandboxAPIContext.serve` renders it once,
/// in Sandbox's envelope, stamped with the tenant's clock and id generator when the request reached a
/// tenant (the gate attaches that stamp) and with the wall clock and a random id otherwise.
struct SandboxError: Error, Sendable {
    enum Kind: Sendable {
        /// A gateway refusal: HTTP 4xx `{code, message, timestamp, transaction_id}`.
        case platform(PlatformError)
        /// GSTN's answer passed through: HTTP 200,
        /// `data = {"error":{"error_cd":…,"message":…},"status_cd":"0"}`.
        case business(GSTNError)
    }

    var kind: Kind
    /// Set by the gate once the request is tied to a tenant; nil before that.
    var stamp: Envelope.Stamp?
    /// Why, in the developer's words, when GSTN's answer is one code for many causes (RT-3BAS1070):
    /// sent as `X-Sandbox-Reason`, never in the vendor's body.
    var reason: String?

    static let reasonHeader = "X-Sandbox-Reason"

    func explained(_ reason: String) -> SandboxError {
        var e = self
        e.reason = reason
        return e
    }

    static func platform(_ error: PlatformError) -> SandboxError { SandboxError(kind: .platform(error)) }
    static func business(_ error: GSTNError) -> SandboxError { SandboxError(kind: .business(error)) }

    // The refusals several routes share.
    static func badRequest(_ message: String) -> SandboxError { .platform(.badRequest(message)) }
    static func unprocessable(_ message: String) -> SandboxError { .platform(.unprocessable(message)) }
    /// 400 "<name> is required".
    static func required(_ name: String) -> SandboxError { .badRequest("\(name) is required") }
    /// 422 for a `{year}/{month}` that is not a return period.
    static let invalidPeriod = SandboxError.unprocessable("Invalid year or month")
}

/// A gateway-level refusal: HTTP 4xx with `{code, message, timestamp, transaction_id}`.
///
/// Sandbox documents the statuses, not every wording: the messages below follow its error page where
/// it gives one and are listed in the README's "Sandbox error choices" otherwise.
struct PlatformError: Sendable, Error {
    var status: HTTPStatus
    var message: String
    var headers: HTTPHeaders = [:]

    // 401: credentials or authorization missing.
    static let unauthorized = PlatformError(status: .unauthorized, message: "Unauthorized")
    // 403 reasons, worded as Sandbox's error page lists them.
    static let badCredentials = PlatformError(status: .forbidden, message: "Bad Credentials")
    static let invalidAccessToken = PlatformError(status: .forbidden, message: "Invalid access token")
    static let expiredAccessToken = PlatformError(status: .forbidden, message: "Access token has expired")
    static let insufficientPrivilege = PlatformError(status: .forbidden, message: "Insufficient privilege")
    // 422: documented for the OTP routes; used wherever a GSTIN fails the pattern.
    static let invalidGSTINPattern = PlatformError(status: .unprocessableEntity, message: "Invalid GSTIN pattern")

    static func badRequest(_ message: String) -> PlatformError { PlatformError(status: .badRequest, message: message) }
    static func unprocessable(_ message: String) -> PlatformError { PlatformError(status: .unprocessableEntity, message: message) }
}
