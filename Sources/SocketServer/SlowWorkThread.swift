import Glibc
import Synchronization

/// Where `.slow` requests are answered: one thread of its own, running jobs one at a time in order,
/// at a lower CPU priority (nice +10) than the workers. Slow work (a 1,000,000-document build, an
/// export, a reset of every tenant) then never occupies more than one core, and when it competes with
/// the workers for a core — two cores, wrk and the workers in the benchmark — the kernel runs the
/// quick vendor requests first. (A Dispatch queue cannot carry a nice value: its threads are shared.)
final class SlowWorkThread: Sendable {
    private struct Queue {
        var jobs: [@Sendable () -> Void] = []
        var stopped = false
    }

    private let queue = Mutex(Queue())
    /// Counts queued jobs; the thread sleeps on it. A POSIX semaphore is safe to use from any thread.
    nonisolated(unsafe) private let pending: UnsafeMutablePointer<sem_t>

    /// The niceness the thread runs at (Linux: per thread).
    static let niceness: Int32 = 10

    init() {
        pending = .allocate(capacity: 1)
        sem_init(pending, 0, 0)
        if !startDetachedThread({ [self] in run() }) {
            // No thread: jobs run on the caller's thread instead (still correct, only not offloaded).
            queue.withLock { $0.stopped = true }
        }
    }

    /// Queues `job`; runs it inline when the thread could not be started or has been stopped.
    func async(_ job: @escaping @Sendable () -> Void) {
        let queued = queue.withLock { q -> Bool in
            guard !q.stopped else { return false }
            q.jobs.append(job)
            return true
        }
        if queued { sem_post(pending) } else { job() }
    }

    /// Lets the thread finish the jobs already queued, then end; later jobs run on their caller.
    func stop() {
        queue.withLock { $0.stopped = true }
        sem_post(pending)
    }

    deinit {
        sem_destroy(pending)
        pending.deallocate()
    }

    private func run() {
        // On Linux the nice value is per thread, and `who` 0 names the calling thread.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
        while true {
            while sem_wait(pending) != 0 && errno == EINTR {}
            let (job, finished) = queue.withLock { q -> ((@Sendable () -> Void)?, Bool) in
                q.jobs.isEmpty ? (nil, q.stopped) : (q.jobs.removeFirst(), false)
            }
            if finished { return }
            job?()
        }
    }
}
