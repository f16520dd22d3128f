import GSTCore
import ScenarioKit
import Synchronization

/// What the pipeline knows about a request when it consults the fault rules.
struct RequestFacts {
    var operation: String
    var method: String
    var path: String
    var tenant: String?
    /// GSTINs the request names; gathered (before the book's lock) only when `FaultBook.matchesOnGSTIN`.
    var gstins: Set<String>
}

/// What a firing rule does to this request.
struct FaultDecision: Sendable {
    var id: String
    var respond: FaultRule.Response?
    var delayMilliseconds: Int?
    var drop: Bool
}

/// The installed fault rules with their counters. Rules are consulted in installation order; the
/// first that fires decides, later ones are not consulted (nor counted) for that request. A rule's
/// `after` counts the matching requests that reached it.
public final class FaultBook: Sendable {
    struct Live: Sendable {
        var rule: FaultRule
        var matched = 0
        var fired = 0
        var generator: SplitMix64
    }

    private let rules = Mutex<[Live]>([])
    /// Lets the hot path skip the lock entirely when no rule is installed (the usual case).
    private let installed = Atomic<Int>(0)
    /// How many installed rules match on a GSTIN: only then does a request's GSTIN set get computed.
    private let gstinRules = Atomic<Int>(0)
    private let nextNumber = Atomic<Int>(1)

    public init() {}

    public var isEmpty: Bool { installed.load(ordering: .relaxed) == 0 }
    /// Whether some installed rule matches on a GSTIN.
    var matchesOnGSTIN: Bool { gstinRules.load(ordering: .relaxed) > 0 }
    public var count: Int { installed.load(ordering: .relaxed) }

    /// An id for a rule posted without one: `fault-N`.
    public func makeID() -> String { "fault-\(nextNumber.wrappingAdd(1, ordering: .relaxed).oldValue)" }

    /// Installs `rule`; false (nothing changed) when a rule with its id is installed already.
    @discardableResult
    public func add(_ rule: FaultRule) -> Bool {
        rules.withLock { r in
            guard !r.contains(where: { $0.rule.id == rule.id }) else { return false }
            r.append(Live(rule: rule, generator: SplitMix64(seed: rule.seed)))
            counted(r)
            return true
        }
    }

    @discardableResult
    public func remove(id: String) -> Bool {
        rules.withLock { r in
            guard let i = r.firstIndex(where: { $0.rule.id == id }) else { return false }
            r.remove(at: i)
            counted(r)
            return true
        }
    }

    public func removeAll() {
        rules.withLock { r in
            r.removeAll()
            counted(r)
        }
    }

    /// Publishes the counts the hot path reads without the lock (called with the lock held).
    private func counted(_ r: [Live]) {
        installed.store(r.count, ordering: .relaxed)
        gstinRules.store(r.count { $0.rule.match.gstin != nil }, ordering: .relaxed)
    }

    /// Starts the rules with these ids over as if just installed: counters at zero, random draws
    /// from the seed again. Returns the ids found.
    @discardableResult
    public func restart(ids: Set<String>) -> [String] {
        rules.withLock { r in
            var restarted: [String] = []
            for i in r.indices where ids.contains(r[i].rule.id) {
                r[i] = Live(rule: r[i].rule, generator: SplitMix64(seed: r[i].rule.seed))
                restarted.append(r[i].rule.id)
            }
            return restarted
        }
    }

    /// Every rule with how many requests matched it and how many it fired on.
    public var list: [(rule: FaultRule, matched: Int, fired: Int)] {
        rules.withLock { r in r.map { ($0.rule, $0.matched, $0.fired) } }
    }

    func decide(_ facts: RequestFacts) -> FaultDecision? {
        guard !isEmpty else { return nil }
        return rules.withLock { r -> FaultDecision? in
            for i in r.indices {
                let m = r[i].rule.match
                if let op = m.operation, op != facts.operation { continue }
                if let method = m.method, method != facts.method { continue }
                if let tenant = m.tenant, tenant != facts.tenant { continue }
                if let path = m.path, !Glob.matches(path, facts.path) { continue }
                if let gstin = m.gstin, !facts.gstins.contains(gstin) { continue }
                r[i].matched += 1
                let rule = r[i].rule
                if r[i].matched <= rule.after { continue }
                if let times = rule.times, r[i].fired >= times { continue }
                if let p = rule.probability {
                    let draw = Double(r[i].generator.next() >> 11) / Double(1 << 53)
                    if draw >= p { continue }
                }
                r[i].fired += 1
                var delay: Int?
                switch rule.delay {
                case .fixed(let ms): delay = ms
                case .uniform(let lo, let hi): delay = Int.random(in: lo...hi, using: &r[i].generator)
                case nil: delay = nil
                }
                return FaultDecision(id: rule.id, respond: rule.respond, delayMilliseconds: delay, drop: rule.drop)
            }
            return nil
        }
    }
}
