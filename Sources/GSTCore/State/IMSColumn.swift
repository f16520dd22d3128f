/// The live IMS state of every document: status and flags packed in one byte a document, remarks —
/// rare, and only where a recipient wrote one — in a sparse dictionary. A plain column of
/// `IMSRecordState` took 32 bytes a document. Layered like the other columns: a built world's states
/// are shared, a tenant holds only the ones it changed.
struct IMSColumn: Sendable {
    private var packed: LayeredArray<UInt8>
    private var remarks: LayeredDictionary<Int, String>

    init(_ states: [IMSRecordState]) {
        packed = LayeredArray(states.map(Self.pack))
        var remarks: [Int: String] = [:]
        for (i, state) in states.enumerated() { if let r = state.remarks { remarks[i] = r } }
        self.remarks = LayeredDictionary(remarks)
    }

    var count: Int { packed.count }
    /// States changed or appended on top of the built world's.
    var changeCount: Int { packed.changeCount }
    /// Positions whose state changed or was appended on top of the built world's (a remark changes
    /// the packed byte's position too: every write goes through `subscript(_:)`).
    var changedIndices: [Int] { packed.changedIndices }

    subscript(index: Int) -> IMSRecordState {
        get {
            let bits = packed[index]
            return IMSRecordState(status: Self.statuses[Int(bits & 0b111)], pendingActionBlocked: bits & 0b1000 != 0,
                                  remarks: remarks[index], removedFromIMS: bits & 0b1_0000 != 0)
        }
        set {
            packed[index] = Self.pack(newValue)
            if remarks[index] != newValue.remarks { remarks[index] = newValue.remarks }
        }
    }

    /// The status alone, without the remark lookup: what lists, counts and the 2B builder read.
    func status(at index: Int) -> IMSStatus { Self.statuses[Int(packed[index] & 0b111)] }

    /// Whether a GSTR-3B filing took the record out of IMS.
    func isRemovedFromIMS(at index: Int) -> Bool { packed[index] & 0b1_0000 != 0 }

    mutating func append(_ state: IMSRecordState) {
        packed.append(Self.pack(state))
        if let r = state.remarks { remarks[packed.count - 1] = r }
    }

    mutating func flatten() { packed.flatten(); remarks.flatten() }

    /// Status codes 0–3, in this order.
    private static let statuses: [IMSStatus] = [.noAction, .accepted, .rejected, .pending]

    private static func pack(_ state: IMSRecordState) -> UInt8 {
        let status: UInt8 = switch state.status { case .noAction: 0; case .accepted: 1; case .rejected: 2; case .pending: 3 }
        return status | (state.pendingActionBlocked ? 0b1000 : 0) | (state.removedFromIMS ? 0b1_0000 : 0)
    }
}
