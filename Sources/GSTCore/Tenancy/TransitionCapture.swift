import Synchronization

/// Collects the state transitions one request causes, across every tenant it touches.
///
/// The composition root binds a capture to the request with `TransitionCapture.$current.withValue`
/// around the handler. `Tenant.read`/`write` append the transitions recorded *during their own lock
/// hold* (job settling included) to the bound capture before releasing the lock. So:
/// - each transition is attributed to exactly one request: the one whose lock hold recorded it;
/// - two concurrent requests on one tenant never see each other's transitions, because recording and
///   handing over happen under the same lock acquisition;
/// - without a bound capture (tests, start-up) transitions stay in the tenant's bounded journal.
///
/// A task-local is used because the responder runs synchronously on the connection's thread; outside
/// a task Swift keeps task-locals in thread-local storage, so the binding is per request, not global.
public final class TransitionCapture: Sendable {
    /// At most this many transitions are kept per request (a clock advance settling thousands of
    /// jobs must not make one journal entry unbounded); the rest are counted in `dropped`.
    public static let limit = 64

    @TaskLocal public static var current: TransitionCapture?

    private struct Captured {
        var items: [StateTransition] = []
        var dropped = 0
        /// The first tenant handed over, and whether another one was handed over too.
        var tenant: Tenant?
        var several = false
    }

    private let storage = Mutex(Captured())

    public init() {}

    /// The one tenant whose state the request read or changed; nil when it touched none, or more
    /// than one. The observer journals a vendor request under it without a second registry lookup.
    public var tenant: Tenant? { storage.withLock { $0.several ? nil : $0.tenant } }

    /// Takes what one lock hold of `tenant` recorded (possibly nothing): its transitions, and the
    /// tenant itself.
    func handOver(from tenant: Tenant, _ transitions: some Collection<StateTransition>) {
        storage.withLock { s in
            if s.tenant == nil { s.tenant = tenant } else if s.tenant !== tenant { s.several = true }
            for t in transitions {
                if s.items.count < Self.limit { s.items.append(t) } else { s.dropped += 1 }
            }
        }
    }

    /// The transitions captured so far, oldest first, and how many were left out over `limit`.
    public var transitions: (items: [StateTransition], dropped: Int) { storage.withLock { ($0.items, $0.dropped) } }
}
