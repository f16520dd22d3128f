/// Size limits enforced inside `RequestParser`. Exceeding one produces a terminal
/// `ParseEvent.error` with the status named on each field.
public struct ParserLimits: Sendable, Equatable {
    /// Longest request-target in bytes (414 past it).
    public var maxRequestTargetBytes: Int
    /// Longest header block in bytes, request line excluded, each field line counted with its CRLF (431 past it).
    public var maxHeaderBytes: Int
    /// Most header fields (431 past it).
    public var maxHeaderCount: Int
    /// Largest body, declared by Content-Length or summed over chunks (413 past it).
    public var maxBodyBytes: Int
    /// Longest chunk-size line (size + extensions, CRLF excluded) and trailer line (400 past it).
    public var maxChunkLineBytes: Int

    public init(
        maxRequestTargetBytes: Int = 8192,
        maxHeaderBytes: Int = 65536,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 8 << 20,
        maxChunkLineBytes: Int = 1024
    ) {
        self.maxRequestTargetBytes = maxRequestTargetBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkLineBytes = maxChunkLineBytes
    }

    public static let `default` = ParserLimits()
}
