/// A GST identification number: 2-digit state code, 10-character PAN, entity number,
/// a `Z` (by default) and a check character.
///
/// Two levels of checking, because the vendors check at two levels:
/// - `isWellFormed` — the pattern Sandbox's JSON schemas use (`[0-9]{2}[a-zA-Z]{5}[0-9]{4}[a-zA-Z]{1}[1-9A-Za-z]{1}[Zz1-9A-Ja-j]{1}[0-9a-zA-Z]{1}`);
///   a request that fails it is a schema error (422 "Invalid GSTIN pattern", IMSSAV005, err-invalid-gstin-format).
/// - `hasValidCheckDigit` — GSTN's mod-36 check character; every GSTIN the sandbox *generates* satisfies it.
public struct GSTIN: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Upper-cased, 15 ASCII characters.
    public let value: String

    /// Accepts any string matching the vendors' GSTIN pattern (case-insensitive); nil otherwise.
    public init?(_ raw: String) {
        let upper = raw.uppercased()
        guard GSTIN.isWellFormed(upper) else { return nil }
        value = upper
    }

    /// Builds a GSTIN from its first 14 characters, appending the computed check character.
    public init?(body14: String) {
        let upper = body14.uppercased()
        guard upper.utf8.count == 14, let check = GSTIN.checkCharacter(for: upper) else { return nil }
        self.init(upper + String(check))
    }

    public var description: String { value }
    public static func < (a: GSTIN, b: GSTIN) -> Bool { a.value < b.value }

    /// The two-digit state code the GSTIN was registered in ("27" for Maharashtra).
    public var stateCode: StateCode {
        // A well-formed GSTIN starts with two digits.
        var utf8 = value.utf8.makeIterator()
        let tens = utf8.next().map { $0 &- 48 } ?? 0, units = utf8.next().map { $0 &- 48 } ?? 0
        return StateCode(number: tens &* 10 &+ units)
    }
    /// Characters 3–12: the holder's PAN.
    public var pan: String { String(value.dropFirst(2).prefix(10)) }

    public var hasValidCheckDigit: Bool {
        GSTIN.checkCharacter(for: String(value.prefix(14))) == value.last
    }

    static let alphabet: [Character] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// GSTN's check character: over the first 14 characters, code points in base 36 with
    /// weights alternating 1, 2; each product contributes quotient + remainder of /36.
    static func checkCharacter(for body: String) -> Character? {
        var sum = 0
        for (index, ch) in body.enumerated() {
            guard let code = alphabet.firstIndex(of: ch) else { return nil }
            let product = code * (index % 2 == 0 ? 1 : 2)
            sum += product / 36 + product % 36
        }
        return alphabet[(36 - sum % 36) % 36]
    }

    /// The vendors' pattern, checked byte by byte (no regex engine on the request path).
    static func isWellFormed(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 15 else { return false }
        func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func letter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        for i in 0..<2 where !digit(b[i]) { return false }
        for i in 2..<7 where !letter(b[i]) { return false }
        for i in 7..<11 where !digit(b[i]) { return false }
        guard letter(b[11]) else { return false }
        guard (b[12] >= 49 && b[12] <= 57) || letter(b[12]) else { return false }          // [1-9A-Za-z]
        let c13 = b[13]
        guard c13 == 90 || c13 == 122 || (c13 >= 49 && c13 <= 57)
            || (c13 >= 65 && c13 <= 74) || (c13 >= 97 && c13 <= 106) else { return false }  // [Zz1-9A-Ja-j]
        return digit(b[14]) || letter(b[14])
    }
}

/// A place-of-supply / registration state code: "01"–"38", "96" (other country), "97" (other territory).
public struct StateCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 0–99, stored as one byte: every document holds one (a String took 16).
    private let number: UInt8

    public init?(_ raw: String) {
        // Digits only: `Int("+1")` would parse.
        guard raw.utf8.count == 2, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(raw),
              (1...38).contains(n) || n == 96 || n == 97 else { return nil }
        number = UInt8(n)
    }

    /// The code of a GSTIN's first two digits (any of 00–99).
    init(number: UInt8) { self.number = number % 100 }

    /// Two digits, "27".
    public var value: String {
        String(unsafeUninitializedCapacity: 2) { b in
            b[0] = 48 + number / 10; b[1] = 48 + number % 10
            return 2
        }
    }
    public var description: String { value }
    public static func < (a: StateCode, b: StateCode) -> Bool { a.number < b.number }
}
