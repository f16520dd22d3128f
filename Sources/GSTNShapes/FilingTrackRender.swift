import GSTCore
import JSON

/// GSTN's return tracking (`EFiledlist`), as Sandbox's track examples write it: entries with
/// `arn, dof (DD-MM-YYYY), mof, ret_prd (MMYYYY), rtntype, status "Filed", valid "Y"`, keys in byte order
/// (the public example's order; the taxpayer example's differs, which JSON does not see).
package enum FilingTrackRender {
    /// `validAsBoolean`: Vayana's v3.0 example writes `valid` as `true`, Sandbox's as `"Y"`.
    package static func filed(_ filings: [ReturnFiling], validAsBoolean: Bool = false) -> [UInt8] {
        var b = JSONBuilder(capacity: 64 + filings.count * 140)
        b.beginObject()
        b.key("EFiledlist"); b.beginArray()
        for f in filings {
            b.beginObject()
            b.field("arn", f.arn); b.field("dof", f.filedOn.dashed); b.field("mof", f.mode); b.field("ret_prd", f.period.mmyyyy)
            b.field("rtntype", f.form.rawValue); b.field("status", "Filed")
            if validAsBoolean { b.field("valid", true) } else { b.field("valid", "Y") }
            b.endObject()
        }
        b.endArray()
        b.endObject()
        return b.bytes
    }

    /// The public track's errors: `data = {"error":{"error_code":…,"message":…},"status_cd":"0"}` —
    /// `error_code`, not GSTN's usual `error_cd`, as its examples write it.
    package static func publicError(_ e: GSTNError) -> [UInt8] {
        var b = JSONBuilder(capacity: 96)
        b.beginObject()
        b.key("error"); b.beginObject(); b.field("error_code", e.code); b.field("message", e.message); b.endObject()
        b.field("status_cd", "0")
        b.endObject()
        return b.bytes
    }

    /// `"gstr-1"` → GSTR1, `"gstr-3b"` → GSTR3B; nil for another return (which this sandbox never files).
    package static func form(_ filter: String) -> ReturnFiling.Form? {
        switch filter.lowercased() {
        case "gstr-1", "gstr1": return .gstr1
        case "gstr-3b", "gstr3b": return .gstr3b
        default: return nil
        }
    }
}
