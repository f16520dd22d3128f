/// Writes canonical text (`|`-separated fields, one record per line) straight into a SHA-256,
/// through a small byte buffer. Faster than building Strings: a 100,000-document GSTR-2B checksum
/// must fit a 100 ms budget.
struct CanonicalWriter {
    private(set) var hasher = SHA256()
    private var buffer: [UInt8] = []
    /// Everything written, when the caller wants the text itself (IMS hash, tests).
    private let keepText: Bool
    private(set) var text: [UInt8] = []
    /// Only a `Fingerprint64` is wanted: everything stays in the buffer, nothing goes through SHA-256.
    private let fingerprintOnly: Bool

    /// - Parameter capacity: initial buffer size; small for one document, large for a whole 2B.
    init(keepText: Bool = false, capacity: Int = 512) {
        self.keepText = keepText
        fingerprintOnly = false
        buffer.reserveCapacity(capacity)
    }

    /// A writer for `finishFingerprint`.
    static func forFingerprint() -> CanonicalWriter { CanonicalWriter(fingerprintOnly: ()) }

    private init(fingerprintOnly: Void) {
        keepText = false
        self.fingerprintOnly = true
        buffer.reserveCapacity(256)
    }

    /// The `Fingerprint64` of everything written (a `forFingerprint` writer).
    func finishFingerprint() -> UInt64 { buffer.withUnsafeBytes { Fingerprint64.of($0) } }

    /// Forgets what was written, keeping the buffer, to fingerprint the next record.
    mutating func restartFingerprint() { buffer.removeAll(keepingCapacity: true) }

    mutating func field(_ s: String) {
        // Contiguous bytes (every native String) append in one copy, not byte by byte.
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        buffer.append(UInt8(ascii: "|"))
        flushIfFull()
    }

    mutating func field(_ n: Int64) {
        digits(n)
        buffer.append(UInt8(ascii: "|"))
        flushIfFull()
    }

    /// The period as `MMYYYY`, the bytes of `ReturnPeriod.mmyyyy` without building the String.
    mutating func field(_ p: ReturnPeriod) {
        buffer.append(UInt8(48 + p.month / 10))
        buffer.append(UInt8(48 + p.month % 10))
        field(Int64(p.year))
    }

    private mutating func digits(_ n: Int64) {
        if n < 0 { buffer.append(UInt8(ascii: "-")) }
        // Written backwards into 20 bytes on the stack (UInt64.max has 20 digits), then appended at once.
        var m = n.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { bytes in
            var at = 20
            repeat { at -= 1; bytes[at] = UInt8(truncatingIfNeeded: 48 &+ m % 10); m /= 10 } while m > 0
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[at..<20]))
        }
    }

    mutating func field(_ n: Int) { field(Int64(n)) }
    mutating func field(_ a: Amount) { field(a.paise) }
    mutating func field(_ d: CivilDate?) {
        guard let d else { field(""); return }
        field(Int64(d.year * 10_000 + d.month * 100 + d.day))
    }

    mutating func endRecord() {
        buffer.append(UInt8(ascii: "\n"))
        flushIfFull()
    }

    /// Hashing in large chunks: each `SHA256.update` call has a fixed cost.
    private mutating func flushIfFull() { if buffer.count >= 64 * 1024 && !fingerprintOnly { flush() } }

    private mutating func flush() {
        if keepText { text.append(contentsOf: buffer) }
        hasher.update(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The SHA-256 of everything written, as hex.
    mutating func finishHex() -> String {
        flush()
        return hasher.finalizeHex()
    }

    /// The SHA-256 of everything written.
    mutating func finishBytes() -> [UInt8] {
        flush()
        return hasher.finalize()
    }
}

extension Document {
    /// The reported fields in a fixed order (IMS status deliberately excluded: the IMS hash must not
    /// change when the recipient acts, only when the supplier edits).
    func writeCanonical(into w: inout CanonicalWriter) {
        w.field(section.rawValue); w.field(supplier.value); w.field(recipient.value); w.field(number); w.field(date)
        w.field(originalNumber ?? ""); w.field(originalDate)
        w.field(invoiceType.rawValue); w.field(placeOfSupply.value); w.field(reverseCharge ? "Y" : "N")
        w.field(filing.form.rawValue); w.field(filing.period); w.field(filing.filed ? "F" : "NF"); w.field(filing.filedOn)
        w.field(irn ?? ""); w.field(irnDate)
        for item in items {
            w.field(item.number); w.field(Int64(item.rate.hundredths)); w.field(item.taxableValue)
            w.field(item.igst); w.field(item.cgst); w.field(item.sgst); w.field(item.cess)
        }
    }
}
