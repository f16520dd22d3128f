import GSTCore
import HTTPWire

/// Renders a GSTN error by its code the way EAS passes it on, for callers outside the adapter (the
/// composition root's fault rules): HTTP 502, v3 failure envelope, `err-gstn-returned-error`, type
/// `Gstn`, `args = {"gstn-err":{"status-code":"0","error-code":…,"message":…}}`.
public enum VayanaErrorRenderer {
    /// GSTN codes with a catalogued message.
    public static let knownCodes: [String] = [
        "AUTH4033", "AUTH4034", "IMS0008", "IMS2B007", "IMS2B009", "RET11402", "RET11416", "RET2B1016", "RET2B1023",
    ]

    /// GSTN's message for `code` as of `today`. Vayana passes GSTN's text through, so the codes Sandbox
    /// documents carry Sandbox's captured message.
    public static func message(forCode code: String, today: CivilDate) -> String? {
        let draftDate = ReturnPeriod.nextDraftGSTR2BDate(asOf: today)
        switch code {
        case "AUTH4033": return GSTNError.invalidSession.message
        case "AUTH4034": return GSTNError.invalidOTP.message
        case "IMS0008": return GSTNError.noRecordsForTransaction.message
        case "IMS2B007": return "Either the entered ITC period is incorrect or it has 3B filed"
        case "IMS2B009": return "Kindly generate 2b after \(draftDate.slashed)"
        case "RET11402": return GSTNError.unauthorizedUser.message
        case "RET11416": return GSTNError.noDocumentFound.message
        case "RET2B1016": return GSTNError.gstr2bNoDetails.message
        case "RET2B1023": return GSTNError.gstr2bNotAvailable(by: draftDate).message
        default: return nil
        }
    }

    /// The 502 response for `code`; `message` overrides the catalogue's (nil for an unknown code
    /// without one).
    public static func gstnError(code: String, message: String? = nil, today: CivilDate) -> HTTPResponse? {
        guard let text = message ?? Self.message(forCode: code, today: today) else { return nil }
        return EASEnvelope.error(.gstn(GSTNError(code: code, message: text)))
    }
}
