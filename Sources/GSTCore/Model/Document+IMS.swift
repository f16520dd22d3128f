extension Document {
    /// GSTN's place-of-supply rule (`rsn` "P"): the supplier charged tax as if the supply stayed in its
    /// own state (supplier state = POS) but the recipient is registered elsewhere. Such documents never
    /// enter IMS; GSTR-2B lists them with ITC not available.
    public var isIneligibleByPOSRule: Bool {
        supplier.stateCode == placeOfSupply && placeOfSupply != recipient.stateCode
    }

    /// Whether the recipient sees this record in IMS right now: not excluded by the POS rule and not
    /// removed by a GSTR-3B filing.
    public var isInIMS: Bool { !isIneligibleByPOSRule && !ims.removedFromIMS }

    /// The IMS record `hash`: SHA-256 (hex) of `canonicalText`, the document's reported fields.
    /// Stable across IMS actions; changes when the supplier edits the document.
    public var imsHash: String {
        var w = CanonicalWriter()
        writeCanonical(into: &w)
        return w.finishHex()
    }

    /// The text `imsHash` is computed over: the reported fields, `|`-terminated, in a fixed order;
    /// amounts in paise and dates as YYYYMMDD so the text does not depend on formatting.
    public var canonicalText: String {
        var w = CanonicalWriter(keepText: true)
        writeCanonical(into: &w)
        _ = w.finishHex()
        return String(decoding: w.text, as: UTF8.self)
    }

    /// The four tax heads of the document.
    public var taxes: TaxTotals { TaxTotals(igst: igst, cgst: cgst, sgst: sgst, cess: cess) }
}

/// IGST, CGST, SGST and cess — the shape of every GSTR-2B summary node.
public struct TaxTotals: Hashable, Sendable, AdditiveArithmetic {
    public var igst: Amount
    public var cgst: Amount
    public var sgst: Amount
    public var cess: Amount

    public init(igst: Amount = .zero, cgst: Amount = .zero, sgst: Amount = .zero, cess: Amount = .zero) {
        self.igst = igst; self.cgst = cgst; self.sgst = sgst; self.cess = cess
    }

    public static var zero: TaxTotals { TaxTotals() }
    public static func + (a: TaxTotals, b: TaxTotals) -> TaxTotals {
        TaxTotals(igst: a.igst + b.igst, cgst: a.cgst + b.cgst, sgst: a.sgst + b.sgst, cess: a.cess + b.cess)
    }
    public static func - (a: TaxTotals, b: TaxTotals) -> TaxTotals {
        TaxTotals(igst: a.igst - b.igst, cgst: a.cgst - b.cgst, sgst: a.sgst - b.sgst, cess: a.cess - b.cess)
    }
    /// All four heads together.
    public var total: Amount { igst + cgst + sgst + cess }
}
