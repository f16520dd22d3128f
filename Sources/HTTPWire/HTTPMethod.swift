/// An HTTP request method. Any RFC 9110 token is a valid method; the common ones are
/// pre-built so comparisons in routers do not allocate.
public struct HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as it appeared on the wire (methods are case-sensitive).
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let get = HTTPMethod("GET")
    public static let head = HTTPMethod("HEAD")
    public static let post = HTTPMethod("POST")
    public static let put = HTTPMethod("PUT")
    public static let delete = HTTPMethod("DELETE")
    public static let patch = HTTPMethod("PATCH")
    public static let options = HTTPMethod("OPTIONS")
}

/// The HTTP versions this server speaks. Anything else is answered with 505.
public enum HTTPVersion: Hashable, Sendable {
    case http1_0
    case http1_1
}
