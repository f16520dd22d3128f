import GSTCore
import GSTNShapes
import JSON

/// GSTN's IMS payloads as EAS returns them in `data` (`vayana-examples/eas-ims-*`). Keys are written in
/// sorted order by hand. Records and the REQSTS answer are the same GSTN shapes Sandbox's adapter writes,
/// plus what Vayana's examples add.
enum IMSRender {
    /// GETCNT for `goods_typ=ALL_OTH`, shaped like Vayana's example:
    /// `{"all_oth":{"b2b":{accept,noaction,pending,reject},…,"ttl_cnt":N},"inv_supp_isd":{"isd":{…},"isda":{…},"ttl_cnt":0}}`.
    /// Counts are numbers. The world holds no ISD documents, so `inv_supp_isd` counts zero.
    static func counts(_ counts: [IMSSection: IMSCounts]) -> [UInt8] {
        var b = JSONBuilder(capacity: 900)
        b.beginObject()
        IMSCountsRender.allOther(counts, into: &b)
        b.key("inv_supp_isd")
        b.beginObject()
        b.key("isd"); IMSCountsRender.count(IMSCounts(), into: &b)
        b.key("isda"); IMSCountsRender.count(IMSCounts(), into: &b)
        b.field("ttl_cnt", 0)
        b.endObject()
        b.endObject()
        return b.bytes
    }

    /// `{"token":"…"}` — a GET whose result is split into files (FILEDET).
    static func fileToken(_ token: String) -> [UInt8] {
        var b = JSONBuilder(capacity: 64)
        b.beginObject()
        b.field("token", token)
        b.endObject()
        return b.bytes
    }

    /// FILEDET: `{"ek":…,"fc":N,"urls":[{"hash":…,"ic":N,"ul":"/taxpayerapi-doc/<key>"}]}`.
    static func fileDetails(_ set: FileBook.FileSet) -> [UInt8] {
        var b = JSONBuilder(capacity: 96 + set.files.count * 160)
        b.beginObject()
        b.field("ek", set.encryptionKey)
        b.field("fc", set.files.count)
        b.key("urls")
        b.beginArray()
        for f in set.files {
            b.beginObject()
            b.field("hash", f.hash)
            b.field("ic", f.itemCount)
            b.field("ul", ReturnsRoutes.fileURLPrefix + f.key)
            b.endObject()
        }
        b.endArray()
        b.endObject()
        return b.bytes
    }
}
