extension GSTR2B {
    /// Number of files (`fc`) at `pageSize` documents per file; at least 1. Documents of `docdata` and
    /// then `docRejdata` are counted together, in order, so a large rejected list is split too.
    public func pageCount(pageSize: Int) -> Int {
        let n = documentCount + rejectedCount
        let size = max(1, pageSize)
        return max(1, (n + size - 1) / size)
    }

    /// File `n` (1-based) at `pageSize` documents per file: the same 2B with only that slice of the
    /// documents (in section, supplier, document order; a supplier may span two files). Summary,
    /// checksum and counts stay those of the whole 2B. Nil when `n` is out of range.
    public func page(_ n: Int, pageSize: Int) -> GSTR2B? {
        guard n >= 1, n <= pageCount(pageSize: pageSize) else { return nil }
        let size = max(1, pageSize)
        var skip = (n - 1) * size
        var take = size
        var copy = self
        copy.documents = Self.slice(documents, skip: &skip, take: &take)
        copy.rejectedDocuments = Self.slice(rejectedDocuments, skip: &skip, take: &take)
        return copy
    }

    private static func slice(_ data: [GSTR2BSection: [GSTR2BSupplierDocuments]], skip: inout Int, take: inout Int)
        -> [GSTR2BSection: [GSTR2BSupplierDocuments]] {
        var out: [GSTR2BSection: [GSTR2BSupplierDocuments]] = [:]
        for section in GSTR2BSection.allCases {
            for group in data[section] ?? [] {
                guard take > 0 else { return out }
                let count = group.entries.count
                if skip >= count { skip -= count; continue }
                let end = min(count, skip + take)
                var part = group
                part.entries = Array(group.entries[skip..<end])
                take -= end - skip
                skip = 0
                out[section, default: []].append(part)
            }
        }
        return out
    }

    /// Every docdata document, in order (tests, adapters that flatten).
    public var allDocuments: [GSTR2BDocument] {
        GSTR2BSection.allCases.flatMap { (documents[$0] ?? []).flatMap(\.documents) }
    }

    /// Every docRejdata document, in order.
    public var allRejectedDocuments: [GSTR2BDocument] {
        GSTR2BSection.allCases.flatMap { (rejectedDocuments[$0] ?? []).flatMap(\.documents) }
    }
}
