/// The tables of a GSTR-2B ITC summary bucket (`itcsumm.itcavl` / `itcsumm.itcunavl`).
public enum ITCTable: String, CaseIterable, Hashable, Sendable, Comparable {
    /// All other ITC: supplies from registered persons, not under reverse charge.
    case nonrevsup
    /// Inward supplies from an ISD.
    case isdsup
    /// Inward supplies liable to reverse charge.
    case revsup
    /// Import of goods.
    case imports
    /// Others: ITC to be reversed on credit notes (and ISD credit notes).
    case othersup

    /// The lines each table prints, in GSTN's order; all are present (zero when empty).
    public var lines: [ITCLine] {
        switch self {
        case .nonrevsup: return [.b2b, .b2ba, .cdnr, .cdnra, .ecom, .ecoma]
        case .isdsup: return [.isd, .isda]
        case .revsup: return [.b2b, .b2ba, .cdnr, .cdnra]
        case .imports: return [.impg, .impgsez, .impga, .impgasez]
        case .othersup: return [.cdnr, .cdnra, .cdnrrev, .cdnrarev, .isd, .isda]
        }
    }

    public static func < (a: ITCTable, b: ITCTable) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// A line of an ITC table; raw values are GSTN's keys.
public enum ITCLine: String, CaseIterable, Hashable, Sendable, Comparable {
    case b2b, b2ba, cdnr, cdnra, ecom, ecoma, isd, isda, impg, impgsez, impga, impgasez, cdnrrev, cdnrarev
    public static func < (a: ITCLine, b: ITCLine) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// Where a 2B document's tax is counted inside an ITC bucket.
public struct ITCPlacement: Hashable, Sendable {
    public var table: ITCTable
    public var line: ITCLine
    public init(table: ITCTable, line: ITCLine) { self.table = table; self.line = line }
}

/// One bucket (`itcavl` or `itcunavl`): tax per table and line. A table's own {igst,cgst,sgst,cess}
/// is the sum of its lines (`total(of:)`), so nothing is stored twice.
public struct ITCBucket: Hashable, Sendable {
    /// Fixed slots, table-major: adding a document's tax is an array write, not a hash lookup
    /// (it happens 100,000 times in a large 2B).
    private var slots = [TaxTotals](repeating: .zero, count: ITCTable.allCases.count * ITCLine.allCases.count)
    /// The taxable value of each slot (`txval` of a line).
    private var taxable = [Amount](repeating: .zero, count: ITCTable.allCases.count * ITCLine.allCases.count)

    public init() {}

    private static func slot(_ table: ITCTable, _ line: ITCLine) -> Int { table.ordinal * ITCLine.allCases.count + line.ordinal }

    /// The tax of one line (zero when nothing landed there).
    public subscript(table: ITCTable, line: ITCLine) -> TaxTotals { slots[Self.slot(table, line)] }

    /// Every placement with a non-zero amount.
    public var amounts: [ITCPlacement: TaxTotals] {
        var out: [ITCPlacement: TaxTotals] = [:]
        for t in ITCTable.allCases { for l in t.lines where self[t, l] != .zero { out[ITCPlacement(table: t, line: l)] = self[t, l] } }
        return out
    }

    /// A table's total: the sum of its lines.
    public func total(of table: ITCTable) -> TaxTotals {
        table.lines.reduce(.zero) { $0 + self[table, $1] }
    }

    /// The taxable value counted on one line.
    public func taxableValue(_ table: ITCTable, _ line: ITCLine) -> Amount { taxable[Self.slot(table, line)] }

    mutating func add(_ taxes: TaxTotals, taxableValue: Amount, at placement: ITCPlacement) {
        let slot = Self.slot(placement.table, placement.line)
        slots[slot] += taxes
        taxable[slot] += taxableValue
    }

    /// Adds every slot of `other` (the bucket of another share of the same 2B).
    mutating func add(_ other: ITCBucket) {
        for slot in slots.indices {
            slots[slot] += other.slots[slot]
            taxable[slot] += other.taxable[slot]
        }
    }
}

extension ITCTable {
    var ordinal: Int {
        switch self { case .nonrevsup: 0; case .isdsup: 1; case .revsup: 2; case .imports: 3; case .othersup: 4 }
    }
}

extension ITCLine {
    var ordinal: Int {
        switch self {
        case .b2b: 0; case .b2ba: 1; case .cdnr: 2; case .cdnra: 3; case .ecom: 4; case .ecoma: 5; case .isd: 6
        case .isda: 7; case .impg: 8; case .impgsez: 9; case .impga: 10; case .impgasez: 11; case .cdnrrev: 12; case .cdnrarev: 13
        }
    }
}

/// `itcsumm`: ITC available and not available.
///
/// Placement of a `docdata` document (rejected documents are in no bucket):
/// - bucket: `itcunavl` when the document is ITC-ineligible (POS rule, `itcavl` "N"), else `itcavl`;
/// - invoices b2b / b2ba: `nonrevsup.b2b` / `.b2ba`, or `revsup.b2b` / `.b2ba` under reverse charge;
/// - debit notes b2bdn / b2bdna: `nonrevsup.cdnr` / `.cdnra`, or `revsup.cdnr` / `.cdnra` under reverse charge;
/// - credit notes b2bcn / b2bcna: `othersup.cdnr` / `.cdnra`, or `othersup.cdnrrev` / `.cdnrarev` under
///   reverse charge — as positive amounts: GSTN's Part B "ITC reversal", which the recipient subtracts
///   (`netAvailable` does the subtraction);
/// - ECO documents ecom / ecoma: `nonrevsup.ecom` / `.ecoma` (the operator pays the tax; never reverse charge).
/// ISD and import tables stay zero: the world holds no ISD or import documents.
public struct ITCSummary: Hashable, Sendable {
    public var available = ITCBucket()
    public var unavailable = ITCBucket()

    public init() {}

    /// Where a document of `section` lands (same table/line in either bucket).
    public static func placement(section: IMSSection, reverseCharge: Bool) -> ITCPlacement {
        switch section {
        case .b2b: return ITCPlacement(table: reverseCharge ? .revsup : .nonrevsup, line: .b2b)
        case .b2ba: return ITCPlacement(table: reverseCharge ? .revsup : .nonrevsup, line: .b2ba)
        case .b2bdn: return ITCPlacement(table: reverseCharge ? .revsup : .nonrevsup, line: .cdnr)
        case .b2bdna: return ITCPlacement(table: reverseCharge ? .revsup : .nonrevsup, line: .cdnra)
        case .b2bcn: return ITCPlacement(table: .othersup, line: reverseCharge ? .cdnrrev : .cdnr)
        case .b2bcna: return ITCPlacement(table: .othersup, line: reverseCharge ? .cdnrarev : .cdnra)
        case .ecom: return ITCPlacement(table: .nonrevsup, line: .ecom)
        case .ecoma: return ITCPlacement(table: .nonrevsup, line: .ecoma)
        }
    }

    /// Net ITC available: the available tables' totals less the credit-note reversal in `othersup`.
    public var netAvailable: TaxTotals {
        available.total(of: .nonrevsup) + available.total(of: .isdsup) + available.total(of: .revsup)
            + available.total(of: .imports) - available.total(of: .othersup)
    }
}
