import HTTPWire
import JSON

/// The transport's own answers (parse errors, request timeouts): a small JSON body
/// `{"error":"<reason>"}`. Vendor envelopes are the adapters' business, not the transport's.
enum ErrorResponse {
    static func make(_ status: HTTPStatus, reason: String) -> HTTPResponse {
        var body = JSONBuilder(capacity: reason.utf8.count + 14)
        body.beginObject()
        body.field("error", reason)
        body.endObject()
        return .json(status, body.bytes)
    }
}
