/// Incremental HTTP/1.1 request parser: bytes in, complete requests out.
public struct RequestParser: Sendable {
    public let limits: ParserLimits

    public init(limits: ParserLimits = .default) {
        self.limits = limits
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [ParseEvent] {
        []
    }

    public mutating func feed(_ bytes: [UInt8]) -> [ParseEvent] {
        bytes.withUnsafeBytes { feed($0) }
    }

    public var hasPartialRequest: Bool { false }
    public var isReadingHead: Bool { true }
}
