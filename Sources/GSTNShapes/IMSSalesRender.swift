import GSTCore
import JSON

/// The IMS supplier view (`GET …/invoices/{year}/{month}/sales`): the supplier's own documents of a
/// section with the recipient's IMS action, `{"gstin","gstr1"|"gstr1a":{"<section>":…},"rtnprd"}` as
/// Sandbox's schema `sales.json` describes it (the docs show no success example).
///
/// - b2b, b2ba, cdnr, cdnra: the GSTR-1 GET's records (`GSTR1Render`, `GSTR1SectionRender.notes`) plus
///   `imsactn`.
/// - ecom, ecoma: `{"b2b":[{"inv":[…],"rtin","stin"}]}` / `{"b2ba":[…]}` per recipient; records
///   `{chksum, flag "N", idt, [imsactn,] inum, inv_typ, itms, [oidt, oinum,] pos, sply_ty, val}`. Every
///   recipient in the world is registered, so `urp2b` / `urp2ba` never appear.
/// - `imsactn` is A, R or P; a record the recipient has not acted on has none (the schema's action
///   list has no N, and the field is optional).
package enum IMSSalesRender {
    /// The sections the view takes, by the `section` query value.
    package static let sections: [String: [IMSSection]] = [
        "b2b": [.b2b], "b2ba": [.b2ba], "cdnr": [.b2bcn, .b2bdn], "cdnra": [.b2bcna, .b2bdna],
        "ecom": [.ecom], "ecoma": [.ecoma],
    ]

    /// `imsactn` of a document: nil while the recipient has taken no action.
    static func action(_ d: Document) -> String? {
        d.ims.status == .noAction ? nil : d.ims.status.rawValue
    }

    /// - Parameters:
    ///   - section: a key of `sections`.
    ///   - amendment1A: `return_type` gstr-1a (the top-level key `gstr1a`).
    ///   - documents: sorted by recipient.
    package static func sales(supplier: GSTIN, period: ReturnPeriod, section: String, amendment1A: Bool,
                              documents: [Document]) -> [UInt8] {
        let inner: [UInt8]
        switch section {
        case "b2b": inner = GSTR1Render.section("b2b", documents: documents, amended: false, imsAction: true)
        case "b2ba": inner = GSTR1Render.section("b2ba", documents: documents, amended: true, imsAction: true)
        case "cdnr", "cdnra":
            inner = JSONWriter.write(GSTR1SectionRender.notes(section, documents: documents, amended: section == "cdnra", imsAction: true))
        default: inner = JSONWriter.write(.object([section: ecom(documents, amended: section == "ecoma")]))
        }
        var b = JSONBuilder(capacity: inner.count + 64)
        b.beginObject()
        b.field("gstin", supplier.value)
        b.key(amendment1A ? "gstr1a" : "gstr1"); b.raw(inner)
        b.field("rtnprd", period.mmyyyy)
        b.endObject()
        return b.bytes
    }

    private static func ecom(_ documents: [Document], amended: Bool) -> JSONValue {
        let groups: [JSONValue] = GSTR1SectionRender.byRecipient(documents).map { rtin, run in
            let invs: [JSONValue] = run.map { d in
                var o: [String: JSONValue] = [
                    "chksum": .string(d.imsHash), "flag": "N", "idt": .string(d.date.dashed), "inum": .string(d.number),
                    "inv_typ": .string(d.invoiceType.rawValue), "itms": GSTR1SectionRender.items(d),
                    "pos": .string(d.placeOfSupply.value), "sply_ty": d.isInterState ? "INTER" : "INTRA",
                    "val": .number(JSONNumber(d.value)),
                ]
                if let action = action(d) { o["imsactn"] = .string(action) }
                if amended {
                    o["oidt"] = .string((d.originalDate ?? d.date).dashed)
                    o["oinum"] = .string(d.originalNumber ?? "")
                }
                return .object(o)
            }
            return .object(["inv": .array(invs), "rtin": .string(rtin.value), "stin": .string(run.first!.supplier.value)])
        }
        return .object([amended ? "b2ba" : "b2b": .array(groups)])
    }
}
