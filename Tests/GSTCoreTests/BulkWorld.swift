@testable import GSTCore

/// Large generated worlds for the concurrency test and the performance measurements.
enum BulkWorld {
    /// A valid supplier GSTIN number `i` (0 ..< 260,000) in state 29.
    static func supplier(_ i: Int) -> GSTIN {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let digits = String(i % 10_000)
        let padded = String(repeating: "0", count: 4 - digits.count) + digits
        return GSTIN(body14: "29AAAC\(letters[(i / 10_000) % 26])\(padded)F1Z")!
    }

    /// `count` documents to `Fixture.recipient` in April 2025 from `suppliers` suppliers, spread over
    /// the eight sections (mostly b2b), two items each, every 10th reverse charge; statuses from
    /// `status(i)`.
    static func documents(count: Int, suppliers: Int, sections: [IMSSection] = [.b2b, .b2b, .b2b, .b2b, .b2ba, .b2bdn, .b2bdna, .b2bcn, .b2bcna, .ecom, .ecoma],
                          status: (Int) -> IMSStatus = { _ in .noAction }) -> [Document] {
        (0..<count).map { i in
            let section = sections[i % sections.count]
            var d = Fixture.doc(section, supplier(i % suppliers), "D\(i)", reverseCharge: i % 10 == 9 && !(section == .ecom || section == .ecoma),
                                status: status(i), taxable: [Int64(100 + i % 900), Int64(50 + i % 77)], day: 1 + i % 28)
            d.irn = i % 3 == 0 ? String(repeating: "a", count: 64) : nil
            return d
        }
    }
}
