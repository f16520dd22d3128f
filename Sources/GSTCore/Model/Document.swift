/// Identifies a document across the world: its IMS section, its supplier and its number.
/// (The save/reset payloads identify records the same way: section key, `stin`, `inum`/`nt_num`.)
public struct DocumentKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Declaration order is layout order: the one-byte section last leaves no padding inside.
    public var supplier: GSTIN
    public var number: String
    public var section: IMSSection

    public init(section: IMSSection, supplier: GSTIN, number: String) {
        self.section = section; self.supplier = supplier; self.number = number
    }

    public var description: String { "\(section.rawValue) \(supplier.value) \(number)" }

    public static func < (a: DocumentKey, b: DocumentKey) -> Bool {
        (a.section, a.supplier, a.number) < (b.section, b.supplier, b.number)
    }
}

/// One rate line of a document. Tax heads are stored, not derived at read time, so a scenario may
/// describe a document exactly as GSTN holds it; `LineItem.computed` derives them consistently.
public struct LineItem: Hashable, Sendable {
    /// 48 bytes a line rather than 56: the line number is kept in four bytes (clamped; GSTN numbers
    /// lines from 1 and a document has a handful).
    private var storedNumber: Int32
    public var number: Int {
        get { Int(storedNumber) }
        set { storedNumber = Int32(clamping: newValue) }
    }
    public var rate: TaxRate
    public var taxableValue: Amount
    public var igst: Amount
    public var cgst: Amount
    public var sgst: Amount
    public var cess: Amount

    public init(number: Int, rate: TaxRate, taxableValue: Amount, igst: Amount, cgst: Amount, sgst: Amount, cess: Amount) {
        storedNumber = Int32(clamping: number); self.rate = rate; self.taxableValue = taxableValue
        self.igst = igst; self.cgst = cgst; self.sgst = sgst; self.cess = cess
    }

    /// Tax from rate and taxable value: IGST on an inter-state supply (supplier state ≠ place of
    /// supply), otherwise CGST and SGST at half the rate each.
    public static func computed(number: Int, rate: TaxRate, taxableValue: Amount, interState: Bool, cess: Amount = .zero) -> LineItem {
        if interState {
            return LineItem(number: number, rate: rate, taxableValue: taxableValue,
                            igst: taxableValue.percentage(rate), cgst: .zero, sgst: .zero, cess: cess)
        }
        let half = TaxRate(hundredths: rate.hundredths / 2)
        let central = taxableValue.percentage(half)
        return LineItem(number: number, rate: rate, taxableValue: taxableValue,
                        igst: .zero, cgst: central, sgst: central, cess: cess)
    }
}

/// Where and whether the supplier reported the document.
public struct SupplierFiling: Hashable, Sendable {
    // Declaration order is layout order: the one-byte fields last.
    /// `supfildt` in GSTR-2B.
    public var filedOn: CivilDate?
    /// The supplier's return period (`rtnprd`); the recipient's GSTR-2B of this period includes it.
    public var period: ReturnPeriod
    public var form: SourceForm
    /// `srcfilstatus`: "Filed" once the supplier filed that return.
    public var filed: Bool

    public init(form: SourceForm, period: ReturnPeriod, filed: Bool, filedOn: CivilDate?) {
        self.form = form; self.period = period; self.filed = filed; self.filedOn = filedOn
    }
}

/// The recipient-side IMS state of one record.
public struct IMSRecordState: Hashable, Sendable {
    // Stored properties are laid out in declaration order: the 16-byte remarks first, then the
    // one-byte fields together (24 bytes, not 32, in every stored document).
    public var remarks: String?
    public var status: IMSStatus
    /// `ispendactblocked`: "Y" means the Pending action is refused for this record.
    public var pendingActionBlocked: Bool
    /// Longest `remarks` an IMS SAVE takes, and so the scenario loader (a tenant's export holds them).
    public static let maximumRemarksLength = 500
    /// Set when the recipient filed GSTR-3B for the record's period while it was accepted or
    /// rejected: GSTN then drops it from IMS. The document itself stays in the world (GSTR-1 of the
    /// supplier, GSTR-2B snapshots), only the recipient's IMS views and actions no longer see it.
    public var removedFromIMS: Bool

    public init(status: IMSStatus = .noAction, pendingActionBlocked: Bool = false, remarks: String? = nil,
                removedFromIMS: Bool = false) {
        self.status = status; self.pendingActionBlocked = pendingActionBlocked; self.remarks = remarks
        self.removedFromIMS = removedFromIMS
    }
}

/// An outward supply document from a supplier to a registered recipient: what the supplier saved in
/// GSTR-1/IFF and what the recipient sees in IMS, GSTR-2A and GSTR-2B. Totals (`val`, `txval`, tax
/// heads) are sums over `items`, never stored separately.
public struct Document: Hashable, Sendable {
    // Declaration order is layout order, and a million-document world holds a million of these:
    // word-sized fields first, the one-byte ones together at the end.
    public var recipient: GSTIN
    public var items: [LineItem]
    /// For amendment sections: the original document's number and date.
    public var originalNumber: String?
    private var storedIRN: CompactIRN?
    public var ims: IMSRecordState
    public var date: CivilDate
    public var originalDate: CivilDate?
    public var irnDate: CivilDate?
    public var filing: SupplierFiling
    public var key: DocumentKey
    public var invoiceType: InvoiceType
    public var placeOfSupply: StateCode
    public var reverseCharge: Bool

    public init(key: DocumentKey, recipient: GSTIN, date: CivilDate, originalNumber: String? = nil, originalDate: CivilDate? = nil,
                invoiceType: InvoiceType = .regular, placeOfSupply: StateCode, reverseCharge: Bool = false,
                items: [LineItem], filing: SupplierFiling, ims: IMSRecordState = IMSRecordState(),
                irn: String? = nil, irnDate: CivilDate? = nil) {
        self.key = key; self.recipient = recipient; self.date = date
        self.originalNumber = originalNumber; self.originalDate = originalDate
        self.invoiceType = invoiceType; self.placeOfSupply = placeOfSupply; self.reverseCharge = reverseCharge
        self.items = items; self.filing = filing; self.ims = ims; self.irnDate = irnDate
        storedIRN = irn.map(CompactIRN.init)
    }

    /// e-invoice reference, when the document was reported through e-invoicing.
    public var irn: String? {
        get { storedIRN?.text }
        set { storedIRN = newValue.map(CompactIRN.init) }
    }

    public var section: IMSSection { key.section }
    public var supplier: GSTIN { key.supplier }
    public var number: String { key.number }

    public var taxableValue: Amount { items.reduce(.zero) { $0 + $1.taxableValue } }
    public var igst: Amount { items.reduce(.zero) { $0 + $1.igst } }
    public var cgst: Amount { items.reduce(.zero) { $0 + $1.cgst } }
    public var sgst: Amount { items.reduce(.zero) { $0 + $1.sgst } }
    public var cess: Amount { items.reduce(.zero) { $0 + $1.cess } }
    /// `val`: taxable value plus every tax head.
    public var value: Amount { taxableValue + igst + cgst + sgst + cess }
    /// Supplier state differs from the place of supply.
    public var isInterState: Bool { supplier.stateCode != placeOfSupply }
}

/// An IRN as a document stores it. The IRP issues 64 lowercase hex digits (a SHA-256), kept here in
/// 32 bytes inside the document instead of a 64-character String on the heap (112 bytes with the
/// allocator's share, on 40% of a generated world's documents); any other text is kept as given.
enum CompactIRN: Hashable, Sendable {
    case hex(UInt64, UInt64, UInt64, UInt64)
    case text(String)

    init(_ text: String) {
        guard text.utf8.count == 64 else { self = .text(text); return }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for (n, c) in text.utf8.enumerated() {
            let nibble: UInt64
            switch c {
            case 48...57: nibble = UInt64(c - 48)
            case 97...102: nibble = UInt64(c - 87)
            default: self = .text(text); return
            }
            switch n / 16 {
            case 0: words.0 = words.0 << 4 | nibble
            case 1: words.1 = words.1 << 4 | nibble
            case 2: words.2 = words.2 << 4 | nibble
            default: words.3 = words.3 << 4 | nibble
            }
        }
        self = .hex(words.0, words.1, words.2, words.3)
    }

    var text: String {
        switch self {
        case .text(let text): return text
        case .hex(let a, let b, let c, let d):
            return String(unsafeUninitializedCapacity: 64) { out in
                func put(_ word: UInt64, at start: Int) {
                    var v = word
                    for i in stride(from: start + 15, through: start, by: -1) {
                        let nibble = UInt8(truncatingIfNeeded: v & 0xF)
                        out[i] = nibble < 10 ? 48 + nibble : 87 + nibble
                        v >>= 4
                    }
                }
                put(a, at: 0); put(b, at: 16); put(c, at: 32); put(d, at: 48)
                return 64
            }
        }
    }
}
