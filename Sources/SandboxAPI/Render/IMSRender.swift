import GSTCore
import GSTNShapes

/// IMS responses as Sandbox writes them (`reference/sandbox-examples/ims_*`). Every function writes the
/// inner `data.data` object; keys are emitted in sorted order by hand.
enum IMSRender {
    /// `{"all_oth":{"b2b":{accept,noaction,pending,reject},…,"ttl_cnt":N}}` — GET /invoices/count.
    /// Counts are numbers here (strings only in the status answer), as documented.
    static func counts(_ counts: [IMSSection: IMSCounts]) -> [UInt8] {
        var b = JSONBuilder(capacity: 640)
        b.beginObject()
        b.key("all_oth")
        b.beginObject()
        var total = 0
        // Section keys in byte order: b2b, b2ba, b2bcn, b2bcna, b2bdn, b2bdna, ecom, ecoma; then ttl_cnt.
        for section in IMSSection.allCases.sorted(by: { JSONWriter.utf8Precedes($0.rawValue, $1.rawValue) }) {
            let c = counts[section] ?? IMSCounts()
            total += c.total
            b.key(section.rawValue)
            b.beginObject()
            b.field("accept", c.accept)
            b.field("noaction", c.noAction)
            b.field("pending", c.pending)
            b.field("reject", c.reject)
            b.endObject()
        }
        b.field("ttl_cnt", total)
        b.endObject()
        b.endObject()
        return b.bytes
    }
}
