/// The GSTR-2B sections documents land in (`docdata`, `docRejdata`, `cpsumm` keys).
public enum GSTR2BSection: String, CaseIterable, Hashable, Sendable, Comparable {
    case b2b, b2ba, cdnr, cdnra, ecom, ecoma
    public static func < (a: GSTR2BSection, b: GSTR2BSection) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    /// Debit and credit notes (`nt`, `ntnum`, `typ` C/D); the others are invoices (`inv`, `inum`).
    public var isNoteSection: Bool { self == .cdnr || self == .cdnra }
}

extension IMSSection {
    /// The 2B section a record of this IMS section lands in.
    public var gstr2b: GSTR2BSection {
        switch self {
        case .b2b: return .b2b
        case .b2ba: return .b2ba
        case .b2bdn, .b2bcn: return .cdnr
        case .b2bdna, .b2bcna: return .cdnra
        case .ecom: return .ecom
        case .ecoma: return .ecoma
        }
    }

    /// `typ` / `nttyp` of a note: "C" credit, "D" debit; nil for invoices.
    public var noteType: NoteType? {
        switch kind {
        case .creditNote: return .credit
        case .debitNote: return .debit
        case .invoice: return nil
        }
    }
}

/// Credit or debit note (`typ`/`nttyp` "C"/"D").
public enum NoteType: String, Hashable, Sendable, Comparable {
    case credit = "C", debit = "D"
    public static func < (a: NoteType, b: NoteType) -> Bool { a.rawValue < b.rawValue }
}

/// Why ITC is not available on a 2B document (`rsn`).
public enum ITCUnavailableReason: String, Hashable, Sendable {
    /// "P": POS and supplier state are the same but the recipient state differs.
    case placeOfSupplyRule = "P"
    /// "C": return filed after the annual cut-off (not produced by the world yet).
    case filedAfterCutoff = "C"
}

/// A document as GSTR-2B shows it: the document as reported when the 2B was generated, plus the 2B's
/// verdict.
///
/// It refers to the document by position in the store's contents column captured at generation
/// (shared copy-on-write, never copied), so a 100,000-document snapshot costs a few MB, not a copy
/// of every document.
public struct GSTR2BDocument: Hashable, Sendable {
    let source: CapturedDocuments
    let index: Int32
    /// `itcavl` Y / N.
    public let itcAvailable: Bool
    /// `rsn`, when ITC is not available.
    public let unavailableReason: ITCUnavailableReason?
    /// `imsStatus`: A, R or N (pending records are never in a 2B).
    public let imsStatus: IMSStatus

    init(source: CapturedDocuments, entry: GSTR2BEntry) {
        self.source = source; index = entry.index
        itcAvailable = entry.itcAvailable; unavailableReason = entry.unavailableReason; imsStatus = entry.imsStatus
    }

    /// The document as reported at generation; its `ims.status` is the 2B's `imsStatus`.
    public var document: Document {
        var d = source.documents[Int(index)]
        d.ims = IMSRecordState(status: imsStatus)
        return d
    }

    /// `typ` of a note; nil for invoices (whose `typ` is the invoice type).
    public var noteType: NoteType? { source.documents[Int(index)].section.noteType }

    public static func == (a: GSTR2BDocument, b: GSTR2BDocument) -> Bool {
        a.itcAvailable == b.itcAvailable && a.unavailableReason == b.unavailableReason && a.imsStatus == b.imsStatus
            && a.source.documents[Int(a.index)] == b.source.documents[Int(b.index)]
    }

    public func hash(into h: inout Hasher) {
        h.combine(source.documents[Int(index)].key); h.combine(imsStatus); h.combine(itcAvailable)
    }
}

/// A document's place in a 2B as stored: its position in the captured column and the 2B's verdict.
/// The group holds the column once, so building a 2B retains nothing per document (a reference in
/// each cost a 1,000,000-document regeneration about 80 ms).
struct GSTR2BEntry: Hashable, Sendable {
    var index: Int32
    var itcAvailable: Bool
    var unavailableReason: ITCUnavailableReason?
    var imsStatus: IMSStatus
}

/// One supplier's documents in one 2B section (`docdata.b2b[i]`: `ctin`, `trdnm`, `supfildt`, `supprd`, `inv`/`nt`).
public struct GSTR2BSupplierDocuments: Hashable, Sendable {
    public var supplier: GSTIN
    public var tradeName: String
    /// `supfildt`: latest filing date among these documents.
    public var filedOn: CivilDate?
    /// `supprd`.
    public var supplierPeriod: ReturnPeriod
    /// The documents column captured at generation.
    let source: CapturedDocuments
    var entries: [GSTR2BEntry]

    /// The documents, each with its verdict (built on each read: views read a page at a time).
    public var documents: [GSTR2BDocument] { entries.map { GSTR2BDocument(source: source, entry: $0) } }

    public static func == (a: GSTR2BSupplierDocuments, b: GSTR2BSupplierDocuments) -> Bool {
        a.supplier == b.supplier && a.tradeName == b.tradeName && a.filedOn == b.filedOn && a.supplierPeriod == b.supplierPeriod
            && a.documents == b.documents
    }

    public func hash(into h: inout Hasher) {
        h.combine(supplier); h.combine(supplierPeriod); h.combine(entries.count)
    }
}

/// A `cpsumm` row: one supplier's totals in one section (notes: per note type).
public struct GSTR2BSupplierSummary: Hashable, Sendable {
    public var supplier: GSTIN
    public var tradeName: String
    public var filedOn: CivilDate?
    public var supplierPeriod: ReturnPeriod
    /// `nttyp` for cdnr/cdnra rows; nil for invoice sections.
    public var noteType: NoteType?
    /// `ttldocs`.
    public var documentCount: Int
    public var taxableValue: Amount
    public var taxes: TaxTotals
}

/// An immutable GSTR-2B: built from the world at one instant, fixed until regenerated.
/// Typed, no JSON: the adapters render it. Every total is a sum over its documents.
public struct GSTR2B: Hashable, Sendable {
    public var recipient: GSTIN
    public var period: ReturnPeriod
    /// "1.0".
    public var version: String
    /// `gendt`.
    public var generatedOn: CivilDate
    /// Tenant-clock instant of generation.
    public var generatedAt: Int64
    public var itcSummary: ITCSummary
    /// `cpsumm`, over `docdata` (rejected documents are not summarised); suppliers in GSTIN order.
    public var supplierSummary: [GSTR2BSection: [GSTR2BSupplierSummary]]
    /// `docdata`: accepted and no-action documents; suppliers in GSTIN order, documents in number order.
    public var documents: [GSTR2BSection: [GSTR2BSupplierDocuments]]
    /// `docRejdata`: rejected documents, same layout.
    public var rejectedDocuments: [GSTR2BSection: [GSTR2BSupplierDocuments]]
    /// `chksum`: SHA-256 (hex) of the canonical text of the whole 2B (all pages).
    public var checksum: String
    /// Documents in `documents` / `rejectedDocuments` of the whole 2B (not just this page).
    public var documentCount: Int
    public var rejectedCount: Int

    /// No document at all, neither in docdata nor in docRejdata (RET2B1016 at the vendors).
    public var isEmpty: Bool { documentCount == 0 && rejectedCount == 0 }
}

/// The documents column a 2B captured at generation, behind one reference: each of its documents
/// holds this (one retain) rather than the layered column itself (three), which a 1,000,000-document
/// 2B felt.
final class CapturedDocuments: Sendable {
    let documents: LayeredArray<Document>
    init(_ documents: LayeredArray<Document>) { self.documents = documents }
}
