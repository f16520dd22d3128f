import GSTCore

/// An error GSTN answers (`status_cd` "0"): its code and exact message.
///
/// Both GSPs pass GSTN's errors through, each in its own envelope: Sandbox as a business error (HTTP 200,
/// `data.error.error_cd` / `message`), Vayana as HTTP 502 `err-gstn-returned-error` with
/// `args.gstn-err`. The codes and messages therefore live once, here (`GSTNError+Catalogue.swift`), and
/// the adapters only wrap them; job status reports (`error_report`) use the same values.
package struct GSTNError: Error, Hashable, Sendable {
    package var code: String
    package var message: String

    package init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
