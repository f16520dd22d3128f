/// An array in two layers: a `base` that every tenant of one world shares (copy-on-write, never
/// written after the world is built) and this tenant's changes on top — the elements it replaced
/// (sparse) and those it appended. So a fork costs nothing, a change costs O(1) without copying the
/// shared part, and dropping the changes (a reset) is O(changes).
struct LayeredArray<Element: Sendable>: Sendable {
    private(set) var base: [Element]
    private var replaced: [Int: Element] = [:]
    private var appended: [Element] = []

    init(_ base: [Element]) { self.base = base }

    var count: Int { base.count + appended.count }
    /// Elements replaced or appended on top of the base.
    var changeCount: Int { replaced.count + appended.count }

    subscript(index: Int) -> Element {
        get {
            guard index < base.count else { return appended[index - base.count] }
            // Unchanged worlds (most reads) skip the hash lookup.
            if replaced.isEmpty { return base[index] }
            return replaced[index] ?? base[index]
        }
        set {
            if index < base.count { replaced[index] = newValue } else { appended[index - base.count] = newValue }
        }
    }

    mutating func append(_ element: Element) { appended.append(element) }

    /// Whether `index` holds the base's element (not replaced, not appended): then `base[index]`
    /// reads it in place.
    func isBase(_ index: Int) -> Bool { index < base.count && (replaced.isEmpty || replaced[index] == nil) }

    /// Positions replaced or appended on top of the base, in no particular order.
    var changedIndices: [Int] { Array(replaced.keys) + Array(base.count..<count) }

    /// Folds the changes into the base (a world's template, built once, is then all base).
    mutating func flatten() {
        guard changeCount > 0 else { return }
        var merged = base
        for (index, element) in replaced { merged[index] = element }
        merged.append(contentsOf: appended)
        self = LayeredArray(merged)
    }
}

/// A dictionary in the same two layers: a shared `base` and this tenant's changes, where a change
/// is a new value or a removal.
struct LayeredDictionary<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private(set) var base: [Key: Value]
    /// nil: removed from the base.
    private var changes: [Key: Value?] = [:]

    init(_ base: [Key: Value]) { self.base = base }

    subscript(key: Key) -> Value? {
        get {
            if changes.isEmpty { return base[key] }
            if let change = changes[key] { return change }
            return base[key]
        }
        set { changes[key] = .some(newValue) }
    }

    /// Every key with a value, base and changes merged. O(base): for listings, not lookups.
    var keys: [Key] {
        guard !changes.isEmpty else { return Array(base.keys) }
        var merged = Set(base.keys)
        for (key, change) in changes { if change == nil { merged.remove(key) } else { merged.insert(key) } }
        return Array(merged)
    }

    mutating func flatten() {
        guard !changes.isEmpty else { return }
        var merged = base
        for (key, change) in changes { merged[key] = change }
        self = LayeredDictionary(merged)
    }
}
