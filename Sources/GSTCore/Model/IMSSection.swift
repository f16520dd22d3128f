/// The eight IMS sections. Raw values are the keys Sandbox and GSTN use in `invdata`,
/// GETINV responses and counts (`b2b`, `b2ba`, `b2bdn`, `b2bdna`, `b2bcn`, `b2bcna`, `ecom`, `ecoma`).
public enum IMSSection: String, CaseIterable, Hashable, Sendable, Comparable {
    case b2b, b2ba, b2bdn, b2bdna, b2bcn, b2bcna, ecom, ecoma

    public enum Kind: Sendable { case invoice, debitNote, creditNote }

    public var kind: Kind {
        switch self {
        case .b2b, .b2ba, .ecom, .ecoma: return .invoice
        case .b2bdn, .b2bdna: return .debitNote
        case .b2bcn, .b2bcna: return .creditNote
        }
    }

    /// Amendment sections carry the original document's number and date (`oinum`/`oidt`, `ont_num`/`ont_dt`).
    public var isAmendment: Bool { self == .b2ba || self == .b2bdna || self == .b2bcna || self == .ecoma }

    /// Notes use `nt_num`/`nt_dt` on the wire, invoices `inum`/`idt`.
    public var isNote: Bool { kind != .invoice }

    /// The GSTR-2B `docdata` section a record of this IMS section lands in.
    public var gstr2bSection: String {
        switch self {
        case .b2b: return "b2b"
        case .b2ba: return "b2ba"
        case .b2bdn, .b2bcn: return "cdnr"
        case .b2bdna, .b2bcna: return "cdnra"
        case .ecom: return "ecom"
        case .ecoma: return "ecoma"
        }
    }

    /// The supplier's GSTR-1 section the document was reported in: GSTR-1 and GSTR-2B use the same
    /// section keys (`cdnr` holds both debit and credit notes).
    public var gstr1Section: String { gstr2bSection }

    public static func < (a: IMSSection, b: IMSSection) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A recipient's IMS action on a record. Raw values are the wire codes.
public enum IMSStatus: String, CaseIterable, Hashable, Sendable {
    case noAction = "N", accepted = "A", rejected = "R", pending = "P"
}

/// `inv_typ`: Regular, Deemed Export, SEZ with / without payment, Customs Bonded Warehouse.
public enum InvoiceType: String, CaseIterable, Hashable, Sendable {
    case regular = "R", deemedExport = "DE", sezWithPayment = "SEWP", sezWithoutPayment = "SEWOP", customsBondedWarehouse = "CBW"
}

/// `srcform`: the supplier return the record came from.
public enum SourceForm: String, CaseIterable, Hashable, Sendable {
    case gstr1 = "R1", gstr1A = "R1A", iff = "IFF"
}
