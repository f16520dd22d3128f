import Glibc

/// An IPv4 or IPv6 address and port, kept as a `sockaddr_storage` for bind and getsockname.
public struct SocketAddress: Sendable, Equatable, CustomStringConvertible {
    var storage: sockaddr_storage

    public enum Family: Sendable, Equatable { case ipv4, ipv6 }

    /// Parses a numeric host (`127.0.0.1`, `0.0.0.0`, `::1`, `[::1]`, `::`) or `localhost`
    /// (127.0.0.1). Names are not resolved: a test double should bind where it is told, not where
    /// DNS says.
    public init(host: String, port: Int) throws(ServerError) {
        guard (0...65535).contains(port) else {
            throw ServerError(operation: "address", errno: 0, message: "port \(port) is not in 0...65535")
        }
        var host = host
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" { host = "127.0.0.1" }
        storage = sockaddr_storage()
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr = v4
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: address, as: sockaddr_in.self) }
        } else if inet_pton(AF_INET6, host, &v6) == 1 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            address.sin6_addr = v6
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: address, as: sockaddr_in6.self) }
        } else {
            throw ServerError(
                operation: "address", errno: 0,
                message: "host \"\(host)\" is not an IPv4 or IPv6 address (or localhost)")
        }
    }

    init(storage: sockaddr_storage) { self.storage = storage }

    public var family: Family { Int32(storage.ss_family) == AF_INET6 ? .ipv6 : .ipv4 }

    var length: socklen_t {
        socklen_t(family == .ipv6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
    }

    public var port: Int {
        withUnsafeBytes(of: storage) { raw in
            switch family {
            case .ipv4: Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
            case .ipv6: Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
            }
        }
    }

    /// The numeric host, without brackets.
    public var host: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        withUnsafeBytes(of: storage) { raw in
            switch family {
            case .ipv4:
                var address = raw.load(as: sockaddr_in.self).sin_addr
                _ = inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
            case .ipv6:
                var address = raw.load(as: sockaddr_in6.self).sin6_addr
                _ = inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
            }
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `127.0.0.1:8080` or `[::1]:8080`, the form that goes after `http://`.
    public var description: String {
        family == .ipv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    public static func == (lhs: SocketAddress, rhs: SocketAddress) -> Bool {
        lhs.family == rhs.family && lhs.host == rhs.host && lhs.port == rhs.port
    }
}
