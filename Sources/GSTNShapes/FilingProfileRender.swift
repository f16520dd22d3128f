import GSTCore
import JSON

/// A taxpayer's filing profile in GSTN's JSON: return preference per quarter (`{"response":[{preference,
/// quarter}]}`, taxpayer and public alike) and aggregate turnover (`aato`), as the official examples.
package enum FilingProfileRender {
    package static func preferences(_ byQuarter: [(FinancialQuarter, FilingPreference)]) -> [UInt8] {
        var b = JSONBuilder(capacity: 48 + byQuarter.count * 40)
        b.beginObject(); b.key("response"); b.beginArray()
        for (q, p) in byQuarter {
            b.beginObject(); b.field("preference", p.rawValue); b.field("quarter", "Q\(q.quarter)"); b.endObject()
        }
        b.endArray(); b.endObject()
        return b.bytes
    }

    /// `{estgstto, estpanto, finalgstto, finalpanto, fy, gstin, gsttofil, pan, pantofil, tpdecto[]}` (byte order); `fy` is
    /// the previous financial year the turnover is of ("Previous Financial Year"), `tpdecto` the
    /// taxpayer's own declarations (none in the sandbox).
    package static func aato(gstin: GSTIN, _ t: AggregateTurnover) -> [UInt8] {
        var b = JSONBuilder(capacity: 256)
        b.beginObject()
        b.field("estgstto", t.declared); b.field("estpanto", t.declaredByPAN)
        b.field("finalgstto", t.declared); b.field("finalpanto", t.declaredByPAN)
        b.field("fy", FinancialYear.label(t.yearStart))
        b.field("gstin", gstin.value)
        b.field("gsttofil", t.filedByGSTIN)
        b.field("pan", gstin.pan)
        b.field("pantofil", t.filedByPAN)
        b.key("tpdecto"); b.beginArray(); b.endArray()
        b.endObject()
        return b.bytes
    }
}
