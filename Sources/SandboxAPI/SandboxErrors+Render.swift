import GSTCore
import HTTPWire

/// Renders a catalogue error by its code, in Sandbox's business-error envelope, for callers outside
/// the adapter (the composition root's fault rules): HTTP 200,
/// `{"code":200,"data":{"error":{"error_cd":…,"message":…},"status_cd":"0"},"timestamp":…,"transaction_id":…}`.
public enum SandboxErrorRenderer {
    /// Codes this adapter answers with a documented (or catalogued) message.
    public static let knownCodes: [String] = ["AUTH4033", "IMS0008", "IMS2B007", "IMS2B009", "RET11416", "RET2B1016", "RET2B1023"]

    /// The catalogue's message for `code` as of `today` (IMS2B009 and RET2B1023 carry a date: the day
    /// the next draft GSTR-2B becomes available: the coming 14th).
    public static func message(forCode code: String, today: CivilDate) -> String? {
        let draftDate = ReturnPeriod.nextDraftGSTR2BDate(asOf: today)
        switch code {
        case "AUTH4033": return BusinessError.invalidSession.message
        case "IMS0008": return BusinessError.noRecordsForTransaction.message
        case "IMS2B007": return BusinessError.invalidPeriodOr3BFiled.message
        case "IMS2B009": return BusinessError.generateAfter(draftDate).message
        case "RET11416": return BusinessError.noDocumentFound.message
        case "RET2B1016": return BusinessError.gstr2bNoDetails.message
        case "RET2B1023": return BusinessError.gstr2bNotAvailable(by: draftDate).message
        default: return nil
        }
    }

    /// The business-error response for `code`; `message` overrides the catalogue's (required for a
    /// code the catalogue does not have — nil is returned then). Stamped from the tenant's clock and
    /// id generator when there is a tenant, from `realTime` and fresh randomness otherwise.
    public static func businessError(code: String, message: String? = nil, tenant: Tenant?, realTime: RealTime) -> HTTPResponse? {
        let stamp: Envelope.Stamp
        let today: CivilDate
        if let tenant {
            (stamp, today) = tenant.write { s in (SandboxAPIContext.stamp(&s), s.today) }
        } else {
            var ids = IDGenerator(seed: nil)
            stamp = Envelope.Stamp(timestamp: realTime.now(), ids: &ids)
            today = CivilDate(epochMilliseconds: realTime.now())
        }
        guard let text = message ?? Self.message(forCode: code, today: today) else { return nil }
        return Envelope.businessError(BusinessError(code: code, message: text), stamp: stamp)
    }
}
