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

    private let storage = Mutex<(items: [StateTransition], dropped: Int)>(([], 0))
    private let touched = Mutex<(tenant: Tenant?, several: Bool)>((nil, false))

    public init() {}

    /// The one tenant whose state the request read or changed; nil when it touched none, or more
    /// than one. The observer journals a vendor request under it without a second registry lookup.
    public var tenant: Tenant? { touched.withLock { $0.several ? nil : $0.tenant } }

    func noteTouched(_ tenant: Tenant) {
        touched.withLock { t in
            if t.tenant == nil { t.tenant = tenant } else if t.tenant !== tenant { t.several = true }
        }
    }

    func append(contentsOf transitions: some Collection<StateTransition>) {
        guard !transitions.isEmpty else { return }
        storage.withLock { s in
            for t in transitions {
                if s.items.count < Self.limit { s.items.append(t) } else { s.dropped += 1 }
            }
        }
    }

    /// The transitions captured so far, oldest first, and how many were left out over `limit`.
    public var transitions: (items: [StateTransition], dropped: Int) { storage.withLock { ($0.items, $0.dropped) } }
}
