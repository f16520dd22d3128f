import JSON

/// A supplier and one of its return periods: the unit a GSTR-1 is saved, proceeded and filed for.
public struct SupplierPeriod: Hashable, Sendable, CustomStringConvertible {
    public var supplier: GSTIN
    public var period: ReturnPeriod
    public init(supplier: GSTIN, period: ReturnPeriod) { self.supplier = supplier; self.period = period }
    public var description: String { "\(supplier.value) \(period.mmyyyy)" }
}

/// The GSTR-1 sections the world keeps as saved records. B2B, B2BA, CDNR and CDNRA are not here: they
/// are the world's `Document`s (what the counterparties' IMS, GSTR-2A and 2B show).
/// Raw values are the section keys of GSTN's GSTR-1 payload.
public enum GSTR1SavedSection: String, CaseIterable, Hashable, Sendable, Comparable {
    case at, ata, b2cl, b2cla, b2cs, b2csa, cdnur, cdnura, exp, expa
    case nilRated = "nil"
    case hsn
    case docIssue = "doc_issue"
    /// Advances adjusted against this period's supplies (GSTR-1 table 11B), and their amendments.
    case txpd, txpda
    /// Supplies through e-commerce operators (GSTR-1 table 14: `clttx` where the operator collects
    /// TCS, `paytx` where it pays the tax), and their amendments (14A: `clttxa`, `paytxa`).
    case supeco, supecoa

    /// Supplies on which the e-commerce operator pays the tax (GSTR-1 table 15: `b2b`, `b2c`, `urp2b`,
    /// `urp2c`), and their amendments (15A: `b2ba`, `b2ca`, `urp2ba`, `urp2ca`).
    case ecom, ecoma

    /// supeco / supecoa: the tables their records are kept in.
    public var operatorTables: [String] {
        switch self {
        case .supeco: return ["clttx", "paytx"]
        case .supecoa: return ["clttxa", "paytxa"]
        default: return []
        }
    }

    /// ecom / ecoma: their sub-sections.
    public var ecomParts: [String] {
        switch self {
        case .ecom: return ["b2b", "b2c", "urp2b", "urp2c"]
        case .ecoma: return ["b2ba", "b2ca", "urp2ba", "urp2ca"]
        default: return []
        }
    }

    /// `nil`, `hsn` and `doc_issue` are one object per return, replaced as a whole on save; the others
    /// are lists of records merged by identity.
    public var isWholeObject: Bool { self == .nilRated || self == .hsn || self == .docIssue }

    public static func < (a: GSTR1SavedSection, b: GSTR1SavedSection) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One record as the GSTN payload carries it, kept for the GET views and the status `error_report`.
/// Grouped sections (b2b by `ctin`, b2cl by `pos`, exp by `exp_typ`, …) keep the group's own fields in
/// `group` and the one inner entry (`inv` / `nt`) in `inner` under `innerKey`; flat sections (at, b2cs,
/// cdnur, …) and whole objects (nil, hsn, doc_issue) have an empty `group`, no `innerKey` and the record
/// itself in `inner`. The JSON is the vendor-neutral GSTN format both adapters speak; the core only
/// stores it.
public struct GSTR1WireRecord: Hashable, Sendable {
    public var section: String
    public var group: [String: JSONValue]
    public var innerKey: String?
    public var inner: JSONValue

    public init(section: String, group: [String: JSONValue] = [:], innerKey: String? = nil, inner: JSONValue) {
        self.section = section; self.group = group; self.innerKey = innerKey; self.inner = inner
    }
}

/// A B2B / B2BA / CDNR / CDNRA entry of a save: becomes (or deletes) a `Document`.
public struct GSTR1DocumentDraft: Hashable, Sendable {
    public var section: IMSSection
    public var recipient: GSTIN
    public var number: String
    public var date: CivilDate
    public var originalNumber: String?
    public var originalDate: CivilDate?
    public var invoiceType: InvoiceType
    public var reverseCharge: Bool
    public var items: [LineItem]

    public init(section: IMSSection, recipient: GSTIN, number: String, date: CivilDate, originalNumber: String? = nil,
                originalDate: CivilDate? = nil, invoiceType: InvoiceType = .regular, reverseCharge: Bool = false,
                items: [LineItem]) {
        self.section = section; self.recipient = recipient; self.number = number; self.date = date
        self.originalNumber = originalNumber; self.originalDate = originalDate; self.invoiceType = invoiceType
        self.reverseCharge = reverseCharge; self.items = items
    }
}

/// One entry of a GSTR-1 save, already checked for structure by the adapter (`GSTR1SaveParser`).
/// Business checks (dates, place of supply) happen when the save job completes.
public struct GSTR1Entry: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case document(GSTR1DocumentDraft)
        /// A saved-section record and its identity within the section (what a later save replaces).
        case saved(GSTR1SavedSection, identity: String)
    }
    public var target: Target
    public var wire: GSTR1WireRecord
    /// The invoice or note date the period rules check; nil when the section has none (hsn, nil, doc_issue).
    public var date: CivilDate?
    /// A note (credit/debit) rather than an invoice: RET191115 instead of RET191114 for a bad date.
    public var isNote: Bool
    /// `pos` as sent (two digits); checked against the state codes at completion.
    public var placeOfSupply: String?
    /// `flag` "D": delete the record.
    public var delete: Bool

    public init(target: Target, wire: GSTR1WireRecord, date: CivilDate?, isNote: Bool = false,
                placeOfSupply: String?, delete: Bool = false) {
        self.target = target; self.wire = wire; self.date = date; self.isNote = isNote
        self.placeOfSupply = placeOfSupply; self.delete = delete
    }
}

/// Where a GSTR-1 stands.
public enum GSTR1Status: String, Hashable, Sendable {
    /// Nothing saved yet (or reset).
    case notStarted
    /// Records saved.
    case saved
    /// Proceeded to file (summary generated): ready to be filed.
    case readyToFile
    case filed
}

/// One supplier's GSTR-1 for one period, beyond the documents the world already holds.
public struct GSTR1Return: Hashable, Sendable {
    public internal(set) var status: GSTR1Status = .notStarted
    /// Saved records per section, in identity order of first save (whole objects: one record, identity "").
    public internal(set) var saved: [GSTR1SavedSection: [GSTR1SavedRecord]] = [:]
    public internal(set) var filedOn: CivilDate?
    /// `ack_num` of the filing.
    public internal(set) var acknowledgement: String?

    public init() {}

    /// Whether any saved-section record exists.
    public var hasSavedRecords: Bool { saved.values.contains { !$0.isEmpty } }
}

/// A stored record of a saved section.
public struct GSTR1SavedRecord: Hashable, Sendable {
    public var identity: String
    public var wire: GSTR1WireRecord
}

/// Why a record of a GSTR-1 save was refused (the adapters map these to GSTN's codes).
public enum GSTR1RecordErrorReason: Hashable, Sendable {
    /// An invoice dated after the period or more than 18 months before it.
    case invoiceDateOutOfRange
    /// A note dated after the period or more than 18 months before it.
    case noteDateOutOfRange
    /// `pos` is not a state code.
    case invalidPlaceOfSupply
    /// The document number is already in a filed return (of this or another period) of the supplier.
    case documentAlreadyFiled
    /// A line of an invoice or note has a rate outside GSTN's list (`TaxRate.standard`). Checked on the
    /// records that become documents, which a tenant's export writes and its scenario loader reads.
    case rateNotInList
    /// An HSN summary row's code is shorter than the supplier's aggregate turnover requires (4 digits up
    /// to ₹5 crore in the previous year, 6 above).
    case hsnLengthNotPerAATO
}

/// Per-record failure in a GSTR-1 save (status PE `error_report`).
public struct GSTR1RecordError: Hashable, Sendable {
    public var wire: GSTR1WireRecord
    public var reason: GSTR1RecordErrorReason
}
