import GSTCore

/// The IMS list filters as both GSPs accept them, case-insensitively: GSTN's keys and codes, and
/// Sandbox's documented words.
package enum IMSFilters {
    /// `section`: the IMS keys (b2b, b2ba, b2bdn, b2bdna, b2bcn, b2bcna, ecom, ecoma) or Sandbox's short
    /// names (CN, CNA, DN, DNA).
    package static func section(_ text: String) -> IMSSection? {
        switch text.lowercased() {
        case "cn": return .b2bcn
        case "cna": return .b2bcna
        case "dn": return .b2bdn
        case "dna": return .b2bdna
        case let s: return IMSSection(rawValue: s)
        }
    }

    /// `status`: GSTN's codes A, R, P, N or Sandbox's accepted, rejected, pending, no_action_taken.
    package static func status(_ text: String) -> IMSStatus? {
        switch text.lowercased() {
        case "a", "accepted": return .accepted
        case "r", "rejected": return .rejected
        case "p", "pending": return .pending
        case "n", "no_action_taken": return .noAction
        default: return nil
        }
    }
}
