import GSTNShapes
import HTTPWire

/// What a Sandbox route answers when it succeeds: the `data` of Sandbox's envelope and extra headers.
/// Handlers return it (and throw `SandboxError`); `SandboxAPIContext.serve` renders both, once, with
/// the stamp — so no handler writes an envelope.
struct SandboxReply: Sendable {
    enum Body: Sendable {
        /// The whole `data` value, already rendered: e.g. `{"access_token":…}`, or a cached fragment
        /// (`SandboxData`), which may itself hold a business error.
        case data([UInt8])
        /// A business outcome: `data = {"data":<inner>,"status_cd":"1"}`.
        case success([UInt8])
    }

    var body: Body
    var headers: HTTPHeaders = [:]
    /// The tenant's stamp; set by the gate. Nil renders with the wall clock and a random id.
    var stamp: Envelope.Stamp?

    static func data(_ bytes: [UInt8], headers: HTTPHeaders = [:], stamp: Envelope.Stamp? = nil) -> SandboxReply {
        SandboxReply(body: .data(bytes), headers: headers, stamp: stamp)
    }

    static func success(_ inner: [UInt8], headers: HTTPHeaders = [:]) -> SandboxReply {
        SandboxReply(body: .success(inner), headers: headers)
    }

    /// `data = {"status_cd":"1"}` (OTP, logout, EVC OTP).
    static func statusOne(stamp: Envelope.Stamp? = nil) -> SandboxReply {
        .data(Array(#"{"status_cd":"1"}"#.utf8), stamp: stamp)
    }
}

/// `data` values rendered ahead of their envelope, for the render cache: a route caches whichever of the
/// two its state gives (documents, or GSTN's "nothing found"), then replies `.data(fragment)`.
enum SandboxData {
    /// `{"data":<inner>,"status_cd":"1"}`.
    static func success(_ inner: [UInt8]) -> [UInt8] { Envelope.successData(inner) }
    /// `{"data":<inner>}`: the few operations whose official examples carry no `status_cd`.
    static func successWithoutStatus(_ inner: [UInt8]) -> [UInt8] { Array(#"{"data":"#.utf8) + inner + [UInt8(ascii: "}")] }
    /// `{"error":{"error_cd":…,"message":…},"status_cd":"0"}`.
    static func error(_ error: GSTNError) -> [UInt8] { Envelope.errorData(error) }
}
