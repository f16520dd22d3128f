import GSTCore
import GSTNShapes
import JSON

/// IMS responses as Sandbox writes them (`reference/sandbox-examples/ims_*`). Every function writes the
/// inner `data.data` object; keys are emitted in sorted order by hand.
enum IMSRender {
    /// `{"all_oth":{"b2b":{accept,noaction,pending,reject},…,"ttl_cnt":N}}` — GET /invoices/count.
    /// Counts are numbers here (strings only in the status answer), as documented.
    static func counts(_ counts: [IMSSection: IMSCounts]) -> [UInt8] {
        var b = JSONBuilder(capacity: 640)
        b.beginObject()
        IMSCountsRender.allOther(counts, into: &b)
        b.endObject()
        return b.bytes
    }
}
