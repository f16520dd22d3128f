import Glibc

/// Why the server could not start (or a socket call failed): the call, errno and its text.
public struct ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    public let operation: String
    public let errno: Int32
    public let message: String

    public init(operation: String, errno: Int32, message: String? = nil) {
        self.operation = operation
        self.errno = errno
        self.message = message ?? String(cString: strerror(errno))
    }

    /// Captures the current `errno` right after a failed call.
    static func lastError(_ operation: String) -> ServerError {
        ServerError(operation: operation, errno: Glibc.errno)
    }

    public var description: String {
        errno == 0 ? "\(operation): \(message)" : "\(operation) failed: \(message) (errno \(errno))"
    }
}
