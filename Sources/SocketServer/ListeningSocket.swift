import Glibc

/// Opening the listening socket: non-blocking, close-on-exec, SO_REUSEADDR (so a restarted
/// sandbox can rebind while old connections sit in TIME_WAIT) and TCP_NODELAY, which accepted
/// sockets inherit on Linux.
enum ListeningSocket {
    static func open(_ address: SocketAddress, backlog: Int32) throws(ServerError) -> (fd: Int32, bound: SocketAddress) {
        let domain = address.family == .ipv6 ? AF_INET6 : AF_INET
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(domain, type, 0)
        guard fd >= 0 else { throw ServerError.lastError("socket") }
        do throws(ServerError) {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1, "setsockopt(SO_REUSEADDR)")
            try setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1, "setsockopt(TCP_NODELAY)")
            var storage = address.storage
            let bound = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, address.length) }
            }
            guard bound == 0 else { throw ServerError.lastError("bind \(address)") }
            guard listen(fd, backlog) == 0 else { throw ServerError.lastError("listen") }
            return (fd, try localAddress(of: fd))
        } catch {
            Glibc.close(fd)  // never registered with Dispatch, so closing here is safe
            throw error
        }
    }

    static func localAddress(of fd: Int32) throws(ServerError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw ServerError.lastError("getsockname") }
        return SocketAddress(storage: storage)
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32, _ what: String) throws(ServerError) {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw ServerError.lastError(what)
        }
    }

    /// An accepted socket (already non-blocking: `accept4`): TCP_NODELAY (inherited on Linux; set
    /// again because it is cheap and explicit).
    static func configureAccepted(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }
}
