import GSTCore
import GSTNShapes
import HTTPWire
import JSON

/// The EAS error catalogue.
///
/// *Documented* entries are verbatim from Vayana's docs (`vayana-examples/`, vayana-gstn.md §1.6, §1.8).
/// The others are this emulator's choices where Vayana documents nothing; they follow the documented
/// pattern (kebab-case key, `ClientRequest` type, the offending name in `args.parameter-name`) and are
/// listed in the route table of the README.
extension EASError {
    // MARK: Authorization (documented: 403, type Authorization)

    /// `X-FLYNN-N-ORG-ID` missing or not an organisation of any tenant.
    static let invalidOrg = EASError(status: .forbidden, message: "err-invalid-org", type: "Authorization")
    /// `X-FLYNN-N-USER-TOKEN` missing, never issued by the organisation's tenant, or not a user token.
    static let invalidToken = EASError(status: .forbidden, message: "err-invalid-token", type: "Authorization")
    /// `X-FLYNN-N-USER-TOKEN` past its duration (tenant clock).
    static let expiredToken = EASError(status: .forbidden, message: "err-expired-token", type: "Authorization")

    /// Emulator's choice (undocumented): theodore login with an unknown handle or a wrong password.
    static let invalidCredentials = EASError(status: .unauthorized, message: "err-invalid-credentials", type: "Authorization")

    // MARK: Client request (documented: 400, type ClientRequest)

    /// Documented, e.g. `{"parameter-name":"gstin"}`.
    static func invalidGSTINFormat(parameter: String) -> EASError {
        EASError(status: .badRequest, message: "err-invalid-gstin-format", type: "ClientRequest",
                 args: singleArg("parameter-name", parameter))
    }

    /// Documented, e.g. `{"version":"v8.0"}`.
    static func invalidAPIVersion(_ version: String) -> EASError {
        EASError(status: .badRequest, message: "err-invalid-gst-returns-api-version", type: "ClientRequest",
                 args: singleArg("version", version))
    }

    /// Emulator's choice: a mandatory query / body parameter (or the `action` header) is missing.
    static func missingParameter(_ name: String) -> EASError {
        EASError(status: .badRequest, message: "err-missing-parameter", type: "ClientRequest",
                 args: singleArg("parameter-name", name))
    }

    /// Emulator's choice: a parameter has a value the API does not accept.
    static func invalidParameter(_ name: String) -> EASError {
        EASError(status: .badRequest, message: "err-invalid-parameter", type: "ClientRequest",
                 args: singleArg("parameter-name", name))
    }

    /// Emulator's choice: the request body is not JSON (args: the parser's position and reason).
    static func invalidJSON(_ reason: String) -> EASError {
        EASError(status: .badRequest, message: "err-invalid-json", type: "ClientRequest", args: singleArg("reason", reason))
    }

    /// Emulator's choice: FILEDOWNLOAD without the FILEDET `ek` in `X-FLYNN-N-FILEDET-EKEY`, or another one.
    static let invalidFileKey = EASError(status: .badRequest, message: "err-invalid-filedet-ekey", type: "ClientRequest",
                                         args: singleArg("header-name", "X-FLYNN-N-FILEDET-EKEY"))

    // MARK: Not found

    /// Documented status and description (404 "Invalid GSTIN"); body is the emulator's choice: the GSTIN is
    /// well-formed but no taxpayer of the organisation's world.
    static func unknownGSTIN(parameter: String) -> EASError {
        EASError(status: .notFound, message: "err-invalid-gstin", type: "ResourceNotFound",
                 args: singleArg("parameter-name", parameter))
    }

    /// Documented key (long-running tasks); used for unknown FILEDET tokens, file keys and unsupported
    /// `{flynn-version}`s.
    static func resourceNotFound(_ key: String, _ value: String) -> EASError {
        EASError(status: .notFound, message: "err-resource-not-found", type: "ResourceNotFound", args: singleArg(key, value))
    }

    // MARK: GSTN

    /// Documented: 502, type `Gstn`, `{"gstn-err":{"status-code":"0","error-code":…,"message":…}}`.
    static func gstn(_ error: GSTNError) -> EASError {
        var args: [UInt8] = Array(#"{"gstn-err":{"status-code":"0","error-code":"#.utf8)
        JSONBuilder.appendQuoted(error.code, to: &args)
        args.append(contentsOf: #","message":"#.utf8)
        JSONBuilder.appendQuoted(error.message, to: &args)
        args.append(contentsOf: "}}".utf8)
        return EASError(status: .badGateway, message: "err-gstn-returned-error", type: "Gstn", args: args)
    }
}
