import Glibc

/// Starts a detached POSIX thread running `body`; false (with errno set) when none could be created.
/// The body, and what it captures, is held until it returns. (`SlowWorkThread` and `WorkerLoop` each
/// own such a thread: a Dispatch queue cannot carry a nice value nor block in its own `epoll_wait`.)
func startDetachedThread(_ body: @escaping () -> Void) -> Bool {
    final class Box { let body: () -> Void; init(_ body: @escaping () -> Void) { self.body = body } }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(&thread, nil, { raw in
        Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue().body()
        return nil
    }, context)
    guard created == 0 else {
        Unmanaged<Box>.fromOpaque(context).release()
        errno = created
        return false
    }
    pthread_detach(thread)
    return true
}
