extension HTTPRequest {
    /// The query's `name=value` pairs in order, both percent-decoded with '+' read as space
    /// (application/x-www-form-urlencoded). Empty segments are skipped; a segment without
    /// '=' has an empty value.
    public var queryItems: [(name: String, value: String)] {
        guard let query else { return [] }
        var items: [(name: String, value: String)] = []
        for segment in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let equals = segment.firstIndex(of: UInt8(ascii: "=")) {
                items.append((
                    name: formDecode(segment[..<equals]),
                    value: formDecode(segment[segment.index(after: equals)...])
                ))
            } else {
                items.append((name: formDecode(segment), value: ""))
            }
        }
        return items
    }

    /// The first value for `name` (compared after decoding, case-sensitive), decoded.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}

/// Percent-decodes and maps '+' to space. A '%' not followed by two hex digits is kept
/// literally rather than rejected: query parsing must never fail a request on its own.
func formDecode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8, C.Index == String.UTF8View.Index {
    // Fast path: nothing to decode.
    if !bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
        return String(decoding: bytes, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index != bytes.endIndex {
        let byte = bytes[index]
        if byte == UInt8(ascii: "+") {
            out.append(0x20)
        } else if byte == UInt8(ascii: "%") {
            let first = bytes.index(after: index)
            if first != bytes.endIndex, let high = hexValue(bytes[first]) {
                let second = bytes.index(after: first)
                if second != bytes.endIndex, let low = hexValue(bytes[second]) {
                    out.append(high << 4 | low)
                    index = bytes.index(after: second)
                    continue
                }
            }
            out.append(byte)
        } else {
            out.append(byte)
        }
        index = bytes.index(after: index)
    }
    return String(decoding: out, as: UTF8.self)
}

@inline(__always)
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte &- UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte &- UInt8(ascii: "a") &+ 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte &- UInt8(ascii: "A") &+ 10
    default: nil
    }
}
