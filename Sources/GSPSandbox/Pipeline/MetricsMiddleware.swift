import HTTPWire

/// Counts every request that gets past CORS: by operation and status (a dropped connection counts as
/// status 0) with its duration, and the fault rule that fired on it.
struct MetricsMiddleware: RequestMiddleware {
    let metrics: Metrics

    func handle(_ request: HTTPRequest, context: inout RequestContext, next: Responder) -> HTTPResponse {
        let response = next(request, &context)
        if let fault = context.fault { metrics.recordFault(id: fault.id) }
        metrics.record(operation: context.operation, status: response.journalStatus, seconds: context.elapsedSeconds)
        return response
    }
}

extension HTTPResponse {
    /// The status the metrics and the journal record: 0 for a connection dropped without an answer.
    var journalStatus: Int { delivery == .dropConnection ? 0 : status.code }
}
