/// How a request's answer is computed, as far as the server's scheduling is concerned.
///
/// A server confines each connection to one of a few serial queues (about one per core), so a
/// request that takes a second stalls every connection sharing its queue for that second. Routes
/// that can take long or much memory say so, and the server computes their answers elsewhere.
public enum RequestWorkload: Sendable, Equatable {
    /// Answered at once on the connection's own queue: microseconds, at most a millisecond or so.
    case quick
    /// May take long or much memory (exports, imports, generating data, resetting every tenant):
    /// computed on the server's slow-work queue, while the connection's queue keeps serving the
    /// others. The answer still goes out in request order.
    case slow
}
