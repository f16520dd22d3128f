/// Where each document key sits. For the built world, its positions sorted by key — 4 bytes a
/// document, searched by bisection — instead of a hash table (about 70 bytes a document, a tenth of
/// a 1,000,000-document world's memory); on top, this tenant's own changes in a small dictionary.
/// Keys at the built world's positions never change (an upsert replaces a document by its key), so
/// the sorted positions stay valid for every tenant that shares them.
struct KeyIndex: Sendable {
    private var sorted: Positions
    /// Keys added, moved or removed (nil) on top of `sorted`.
    private var changes: [DocumentKey: Int?] = [:]

    /// `order`: the built world's positions in key order, each key once.
    init(order: [Int]) { sorted = Positions(order) }

    /// The position of `key`, reading keys from `contents`.
    func position(of key: DocumentKey, in contents: LayeredArray<Document>) -> Int? {
        if !changes.isEmpty, let change = changes[key] { return change }
        return builtPosition(of: key, in: contents)
    }

    /// The position of `key` in the built world, by bisection over the sorted positions. Keys are read
    /// from the built column itself: reading through the layers would copy a whole document per step.
    private func builtPosition(of key: DocumentKey, in contents: LayeredArray<Document>) -> Int? {
        contents.base.withUnsafeBufferPointer { built in
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if built[sorted[mid]].key < key { low = mid + 1 } else { high = mid }
            }
            guard low < sorted.count else { return nil }
            let position = sorted[low]
            return built[position].key == key ? position : nil
        }
    }

    mutating func set(_ key: DocumentKey, to position: Int?) { changes[key] = .some(position) }

    /// Folds the changes into the sorted positions (a template, built once).
    mutating func flatten(in contents: LayeredArray<Document>) {
        guard !changes.isEmpty else { return }
        var live = Set(sorted)
        for (key, change) in changes {
            if let old = builtPosition(of: key, in: contents) { live.remove(old) }
            if let change { live.insert(change) }
        }
        self = KeyIndex(order: live.sorted { contents[$0].key < contents[$1].key })
    }
}
