import CEventPoll
import Glibc

/// A worker's epoll set: the readiness of all its connections behind one file descriptor.
///
/// Why not one Dispatch source per connection: libdispatch's single manager thread runs
/// `epoll_wait` and hands every readiness event to a worker thread, re-arming each `EPOLLONESHOT`
/// registration with an `epoll_ctl` afterwards. Measured on this project's benchmark that is about
/// two context switches per request, and half of the profile in the scheduler. With the set, the
/// worker's own thread (`WorkerLoop`) waits on this descriptor, and one wake-up serves every
/// connection that became ready meanwhile. Dispatch never sees the connections' descriptors.
///
/// Level-triggered: whatever a handler leaves unread is reported again by the next wait.
final class EventPoll {
    let fd: Int32
    private let events: UnsafeMutableBufferPointer<gsp_poll_event>

    static let batchSize = 256

    /// What a registration watches for, and what an event reports (`error` and `hangUp` are
    /// always reported, whatever the interest).
    struct Interest: OptionSet {
        let rawValue: UInt32
        static let read = Interest(rawValue: GSP_POLL_IN)
        static let write = Interest(rawValue: GSP_POLL_OUT)
        static let error = Interest(rawValue: GSP_POLL_ERR)
        static let hangUp = Interest(rawValue: GSP_POLL_HUP)
    }

    init() throws(ServerError) {
        fd = gsp_poll_create()
        guard fd >= 0 else { throw ServerError.lastError("epoll_create1") }
        events = .allocate(capacity: Self.batchSize)
    }

    private var isClosed = false

    deinit {
        events.deallocate()
        close()
    }

    /// Closes the set's descriptor. While a loop waits on it, only that loop may call this, as it ends.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        Glibc.close(fd)
    }

    /// Registers `socket` with `token` (handed back with each of its events); false with errno on failure.
    func add(_ socket: Int32, interest: Interest, token: UInt64) -> Bool {
        gsp_poll_add(fd, socket, interest.rawValue, token) == 0
    }

    func modify(_ socket: Int32, interest: Interest, token: UInt64) {
        _ = gsp_poll_modify(fd, socket, interest.rawValue, token)
    }

    /// Call before closing `socket`, so no event for it is reported after its number is reused.
    func remove(_ socket: Int32) {
        _ = gsp_poll_remove(fd, socket)
    }

    /// Waits up to `timeoutMilliseconds` (-1: until something is ready) and returns the ready
    /// descriptors' events, valid until the next call.
    func wait(timeoutMilliseconds: Int32) -> UnsafeMutableBufferPointer<gsp_poll_event> {
        // On EINTR nothing is reported: the loop recomputes its timeout and waits again.
        let count = gsp_poll_wait(fd, events.baseAddress, Int32(events.count), timeoutMilliseconds)
        return UnsafeMutableBufferPointer(rebasing: events[0..<Int(max(count, 0))])
    }
}
