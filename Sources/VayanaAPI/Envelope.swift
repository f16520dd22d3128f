import GSTCore
import HTTPWire
import JSON

/// Vayana EAS response envelopes, written straight into bytes.
///
/// Two shapes, as the documentation shows them (vayana-gstn.md §1.3 and `vayana-examples/`):
/// - **v3** (every v3.0 route, and the v1.0 IMS and returns-lite pages):
///   `{"status":"1","data":<data>,"error":null,"info":null,"additionalInfo":null,"alert":null}` on success,
///   `{"status":"0","data":null,"error":{"message":…,"type":…,"args":…},"info":null,"additionalInfo":null,"alert":null}`
///   on failure;
/// - **v1** (theodore login and the v1.0/v2.0 GSTN authentication pages): `{"data":<data>}` or
///   `{"error":{"message":…,"type":…,"args":…}}`.
///
/// The envelope keys are written in the order the vendor's examples show (not sorted); the GSTN payload
/// inside `data` is rendered with sorted keys like every other payload of the project, so a cached `data`
/// fragment is spliced between a fixed prefix and suffix.
enum EASEnvelope {
    enum Flavor: Sendable { case v1, v3 }

    private static let v3Prefix = Array(#"{"status":"1","data":"#.utf8)
    private static let v3Suffix = Array(#","error":null,"info":null,"additionalInfo":null,"alert":null}"#.utf8)
    private static let v3ErrorSuffix = Array(#","info":null,"additionalInfo":null,"alert":null}"#.utf8)

    /// HTTP 200 with already-rendered JSON `data`.
    static func ok(_ data: some Collection<UInt8>, flavor: Flavor = .v3, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 96)
        switch flavor {
        case .v3:
            out.append(contentsOf: v3Prefix)
            out.append(contentsOf: data)
            out.append(contentsOf: v3Suffix)
        case .v1:
            out.append(contentsOf: #"{"data":"#.utf8)
            out.append(contentsOf: data)
            out.append(UInt8(ascii: "}"))
        }
        return response(.ok, out, headers)
    }

    /// The error's HTTP status with the failure envelope.
    static func error(_ e: EASError, flavor: Flavor = .v3) -> HTTPResponse {
        var out: [UInt8] = []
        out.reserveCapacity(e.args.count + 160)
        switch flavor {
        case .v3:
            out.append(contentsOf: #"{"status":"0","data":null,"error":"#.utf8)
            appendErrorObject(e, to: &out)
            out.append(contentsOf: v3ErrorSuffix)
        case .v1:
            out.append(contentsOf: #"{"error":"#.utf8)
            appendErrorObject(e, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        return response(e.status, out, [:])
    }

    /// `{"message":…,"type":…,"args":…}` in the examples' order.
    static func appendErrorObject(_ e: EASError, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"message":"#.utf8)
        JSONBuilder.appendQuoted(e.message, to: &out)
        out.append(contentsOf: #","type":"#.utf8)
        JSONBuilder.appendQuoted(e.type, to: &out)
        out.append(contentsOf: #","args":"#.utf8)
        out.append(contentsOf: e.args)
        out.append(UInt8(ascii: "}"))
    }

    static func response(_ status: HTTPStatus, _ body: [UInt8], _ extra: HTTPHeaders) -> HTTPResponse {
        .json(status, body, headers: extra)
    }
}

/// An EAS-level refusal: HTTP status, kebab-case `message` key, `type` and the rendered `args` object.
struct EASError: Error, Sendable, Equatable {
    var status: HTTPStatus
    var message: String
    var type: String
    /// Compact JSON, usually an object (`{}` when the error carries no arguments).
    var args: [UInt8]

    init(status: HTTPStatus, message: String, type: String, args: [UInt8] = Array("{}".utf8)) {
        self.status = status; self.message = message; self.type = type; self.args = args
    }

    /// `{"<key>":"<value>"}`.
    static func singleArg(_ key: String, _ value: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        JSONBuilder.appendQuoted(key, to: &out)
        out.append(UInt8(ascii: ":"))
        JSONBuilder.appendQuoted(value, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }
}
