import GSTCore
import HTTPWire

/// Journals requests with the state transitions they caused (a `TransitionCapture` is bound while the
/// rest of the pipeline runs).
///
/// Policy: every vendor request and every unrouted request is journalled; control-API requests only
/// when they changed state (e.g. a clock advance), so reading the journal does not fill it.
struct JournalMiddleware: RequestMiddleware {
    let journal: Journal

    func handle(_ request: HTTPRequest, context: inout RequestContext, next: Responder) -> HTTPResponse {
        let capture = TransitionCapture()
        let response = TransitionCapture.$current.withValue(capture) { next(request, &context) }
        let (transitions, dropped) = capture.transitions
        guard !context.isControl || !transitions.isEmpty else { return response }
        // A vendor request is journalled under the tenant its handler worked on (no second registry
        // lookup on the hot path; this also covers a `key_test_` tenant the handler just created).
        // Control requests, and requests refused before reaching any tenant, under the tenant they name.
        if !context.isControl { context.knowTenant(capture.tenant) }
        let tenant = context.tenant(of: request)
        journal.append(JournalEntry(
            seq: 0, time: context.arrived, method: request.method.rawValue, path: request.path, tenant: tenant?.id,
            operation: context.operation, status: response.journalStatus, durationMilliseconds: context.elapsedSeconds * 1000,
            transitions: transitions.map(\.text), transitionsDropped: dropped, fault: context.fault?.id))
        return response
    }
}
