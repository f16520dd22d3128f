import GSTCore
import JSON

/// GSTN's IMS counts (`GETCNT` for `goods_typ=ALL_OTH`), the same through both GSPs: Sandbox's
/// `GET …/invoices/count` answers the `all_oth` object alone, Vayana's adds `inv_supp_isd`.
package enum IMSCountsRender {
    /// `"all_oth":{"b2b":{accept,noaction,pending,reject},…,"ttl_cnt":N}` — a key and its object, so
    /// each adapter places it in its own answer. Counts are numbers (strings only in the job status).
    package static func allOther(_ counts: [IMSSection: IMSCounts], into b: inout JSONBuilder) {
        b.key("all_oth")
        b.beginObject()
        var total = 0
        // Section keys in byte order: b2b, b2ba, b2bcn, b2bcna, b2bdn, b2bdna, ecom, ecoma; then ttl_cnt.
        for section in IMSSection.allCases.sorted(by: { JSONWriter.utf8Precedes($0.rawValue, $1.rawValue) }) {
            let c = counts[section] ?? IMSCounts()
            total += c.total
            b.key(section.rawValue)
            count(c, into: &b)
        }
        b.field("ttl_cnt", total)
        b.endObject()
    }

    /// `{"accept":N,"noaction":N,"pending":N,"reject":N}`.
    package static func count(_ c: IMSCounts, into b: inout JSONBuilder) {
        b.beginObject()
        b.field("accept", c.accept)
        b.field("noaction", c.noAction)
        b.field("pending", c.pending)
        b.field("reject", c.reject)
        b.endObject()
    }
}
