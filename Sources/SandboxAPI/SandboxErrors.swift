import GSTCore
import HTTPWire

/// Sandbox's error catalogue. Codes and messages marked *documented* are verbatim from Sandbox's
/// OpenAPI examples (`reference/sandbox-examples/`); the others are this emulator's choices where the
/// vendor documents nothing, listed in the README's "Sandbox error choices".
extension BusinessError {
    // MARK: Taxpayer session

    /// Documented (verify OTP). Also used for: a wrong OTP, a verify with no OTP requested, an OTP
    /// request for a username/GSTIN pair the world does not know, and refreshing an expired session.
    static let invalidSession = BusinessError(code: "AUTH4033", message: "Invalid Session")

    // MARK: IMS

    /// Documented (GSTR-2B regeneration status); also answered for an unknown IMS `reference_id`.
    static let noRecordsForTransaction = BusinessError(
        code: "IMS0008", message: "No records found for requested internal transaction Id")

    // MARK: GSTR-2B

    /// Documented.
    static let invalidPeriodOr3BFiled = BusinessError(
        code: "IMS2B007", message: "Either the entered ITC period is incorrect or it has 3B filed")

    /// Documented; the date is the day the draft GSTR-2B becomes available (DD/MM/YYYY).
    static func generateAfter(_ date: CivilDate) -> BusinessError {
        BusinessError(code: "IMS2B009", message: "Kindly generate 2b after \(date.slashed)")
    }

    /// Documented.
    static let gstr2bNoDetails = BusinessError(
        code: "RET2B1016", message: "For current tax period, no details are available to view.")

    /// Documented; the date is when the GSTR-2B will be available (DD/MM/YYYY).
    static func gstr2bNotAvailable(by date: CivilDate) -> BusinessError {
        BusinessError(
            code: "RET2B1023",
            message: "GSTR-2B is being generated and should be available by \(date.slashed). Either you do not have any "
                + "records in GSTR-2B or the generation is still in progress. If you are still not able to access it, "
                + "please raise a ticket with GST support team.")
    }

    // MARK: GSTR-1

    /// Documented (every GSTR-1 section GET).
    static let noDocumentFound = BusinessError(
        code: "RET11416",
        message: "No document found in selected financial year. Either this document exists in a different "
            + "financial year or the document number is incorrect.")
}


extension PlatformError {
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

extension BusinessError {
    // MARK: GSTR-2A

    /// Documented (GSTR-2A amdhist); also answered for every empty GSTR-2A section and document, and for
    /// the sections whose documents the world never holds (ISD, imports, TDS, TCS) — the emulator's choice.
    static let gstr2aNoDetails = BusinessError(code: "RET13508", message: "No Details Found for the Provided Inputs")
}

extension BusinessError {
    // MARK: GSTR-3B

    // `returnAlreadyFiled` (RET00009, documented on new-proceed) is declared with the GSTR-1 errors;
    // GSTR-3B save and file answer it too once the period's GSTR-3B is filed.

    /// Documented (sandbox-api.md §7): GSTR-3B filing before the period's GSTR-1 is filed.
    static let gstr1NotFiledFor3B = BusinessError(
        code: "RT-R3BQ1004",
        message: "You have not filed GSTR-1 of the selected tax period. Please file the same to enable filing of GSTR-3B.")
}
