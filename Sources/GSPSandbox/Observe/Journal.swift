import Synchronization

/// One answered request, as the journal keeps it. Every field is bounded: the path is cut at
/// `Journal.maximumPathLength` and the transitions at `TransitionCapture.limit`, so the ring's memory
/// is flat whatever the clients send.
public struct JournalEntry: Sendable, Equatable {
    public var seq: UInt64
    /// Wall-clock epoch milliseconds when the request arrived.
    public var time: Int64
    public var method: String
    /// Path without the query string.
    public var path: String
    /// Tenant id, when the request names one (API key, organisation); nil otherwise.
    public var tenant: String?
    /// The route's operation name; `unrouted` when no route took the request.
    public var operation: String
    public var status: Int
    /// Handler time (excluding an injected delay), milliseconds.
    public var durationMilliseconds: Double
    /// State transitions the request caused, oldest first, e.g. `IMS b2b 27… INV-1 N→A`.
    public var transitions: [String]
    /// Transitions left out beyond `TransitionCapture.limit`.
    public var transitionsDropped: Int
    /// Id of the fault rule that shaped the answer, if any.
    public var fault: String?

    public init(seq: UInt64 = 0, time: Int64, method: String, path: String, tenant: String?, operation: String, status: Int,
                durationMilliseconds: Double, transitions: [String] = [], transitionsDropped: Int = 0, fault: String? = nil) {
        self.seq = seq; self.time = time; self.method = method; self.path = path; self.tenant = tenant
        self.operation = operation; self.status = status; self.durationMilliseconds = durationMilliseconds
        self.transitions = transitions; self.transitionsDropped = transitionsDropped; self.fault = fault
    }
}

/// The request journal: a fixed-capacity ring (oldest entries overwritten), so memory stays flat
/// however many requests pass. One lock; the hot path does one append under it.
public final class Journal: Sendable {
    public static let defaultCapacity = 10_000
    public static let maximumPathLength = 512

    struct Ring: Sendable {
        var slots: [JournalEntry] = []
        /// Index of the oldest entry once the ring is full.
        var head = 0
        var nextSeq: UInt64 = 1

        func ordered() -> [JournalEntry] {
            Array(slots[head...] + slots[..<head])
        }
    }

    public let capacity: Int
    private let ring = Mutex(Ring())

    public init(capacity: Int = Journal.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// Appends `entry`, assigning its `seq`; returns the seq.
    @discardableResult
    public func append(_ entry: consuming JournalEntry) -> UInt64 {
        if entry.path.utf8.count > Self.maximumPathLength {
            entry.path = String(decoding: entry.path.utf8.prefix(Self.maximumPathLength), as: UTF8.self)
        }
        return ring.withLock { r in
            entry.seq = r.nextSeq
            r.nextSeq += 1
            if r.slots.count < capacity {
                if r.slots.capacity < capacity && r.slots.count == r.slots.capacity {
                    r.slots.reserveCapacity(Swift.min(capacity, Swift.max(16, r.slots.count * 2)))
                }
                r.slots.append(copy entry)  // only while the ring fills
            } else {
                // Swapped rather than assigned: no copy of the new entry, and the entry it replaces
                // is released after the lock, with `entry`.
                swap(&r.slots[r.head], &entry)
                r.head = (r.head + 1) % capacity
            }
            return r.nextSeq - 1
        }
    }

    /// Entries held now.
    public var count: Int { ring.withLock { $0.slots.count } }

    /// Slots allocated (never above `capacity`): the memory-relevant size.
    public var allocatedSlots: Int { ring.withLock { $0.slots.capacity } }

    /// Every entry, oldest first.
    public var entries: [JournalEntry] { ring.withLock { $0.ordered() } }

    /// Forgets every entry; `seq` keeps increasing.
    public func clear() {
        ring.withLock { r in
            r.slots.removeAll(keepingCapacity: true)
            r.head = 0
        }
    }

    /// Entries matching `filter`, oldest first. With `since`, the first `limit` entries after that seq
    /// (forward paging); without it, the latest `limit`.
    public func query(_ filter: JournalFilter, since: UInt64? = nil, limit: Int = 100) -> [JournalEntry] {
        let all = ring.withLock { $0.ordered() }
        let limit = max(0, limit)
        if let since {
            var out: [JournalEntry] = []
            for e in all where e.seq > since && filter.matches(e) {
                out.append(e)
                if out.count == limit { break }
            }
            return out
        }
        var out: [JournalEntry] = []
        for e in all.reversed() where filter.matches(e) {
            out.append(e)
            if out.count == limit { break }
        }
        return out.reversed()
    }
}

/// Journal query filters; nil fields match anything.
public struct JournalFilter: Sendable, Equatable {
    public var operation: String?
    public var tenant: String?
    public var method: String?
    public var pathPrefix: String?
    public var status: Int?

    public init(operation: String? = nil, tenant: String? = nil, method: String? = nil, pathPrefix: String? = nil, status: Int? = nil) {
        self.operation = operation; self.tenant = tenant; self.method = method; self.pathPrefix = pathPrefix; self.status = status
    }

    func matches(_ e: JournalEntry) -> Bool {
        if let operation, e.operation != operation { return false }
        if let tenant, e.tenant != tenant { return false }
        if let method, e.method != method.uppercased() { return false }
        if let pathPrefix, !e.path.hasPrefix(pathPrefix) { return false }
        if let status, e.status != status { return false }
        return true
    }
}
