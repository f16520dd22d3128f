import CEventPoll
import Glibc
import Synchronization

/// The thread a worker's connections live on: it blocks in the worker's own `epoll_wait`, serves what
/// is ready, then runs the jobs other threads sent it (`async`) and the timers that fell due (`after`).
///
/// Why not a Dispatch serial queue woken by a read source on the poll: libdispatch's manager thread
/// waits in its own epoll and hands each wake-up to a pool thread, so every wake-up crossed two
/// threads, and several pool threads took turns on the same core. Pinned to one CPU at a paced
/// load, three pool threads were preempted about 2,400 times each in 5 s, and the paced p99 was
/// 1.1–2.1 ms against nginx's 1.0 ms. One thread that waits where the events arrive is what nginx's
/// worker does.
///
/// Confinement: `timers` and everything the jobs and handlers touch belong to the loop's thread;
/// other threads reach it only through `async` and `sync`.
final class WorkerLoop: @unchecked Sendable {
    private struct Inbox {
        var jobs: [@Sendable () -> Void] = []
        var stopping = false
        /// The thread has left its loop: jobs run on their caller.
        var ended = false
        /// Whether a wake-up is already signalled and not yet consumed: one write per batch of jobs.
        var woken = false
    }

    private let poll: EventPoll
    private let wakeFD: Int32
    private let inbox = Mutex(Inbox())
    private var timers = TimerQueue()
    /// Set on the loop's thread, read by `sync` on other threads to spot a call from the loop itself.
    private let loopThread = Atomic<UInt>(0)
    /// Set before the thread starts and cleared when it ends, so the loop does not keep its worker alive.
    private var handle: ((gsp_poll_event) -> Void)?

    /// The token of the wake-up descriptor's events: connection tokens count up from 1.
    private static let wakeToken = UInt64.max

    /// The thread's name, as `top -H` and `perf` show it.
    private let name: String

    init(poll: EventPoll, name: String) throws(ServerError) {
        self.poll = poll
        self.name = name
        wakeFD = gsp_wake_create()
        guard wakeFD >= 0 else { throw ServerError.lastError("eventfd") }
        guard poll.add(wakeFD, interest: .read, token: Self.wakeToken) else {
            let error = ServerError.lastError("epoll_ctl(eventfd)")
            Glibc.close(wakeFD)
            throw error
        }
    }

    deinit { Glibc.close(wakeFD) }

    /// Starts the thread, which calls `handle` for every readiness event of a registered socket. It
    /// holds the loop (and what `handle` captures) until `stop()` lets it end.
    func start(handle: @escaping (gsp_poll_event) -> Void) throws(ServerError) {
        self.handle = handle
        guard startDetachedThread({ [self] in run() }) else { throw ServerError.lastError("pthread_create") }
    }

    /// Runs `job` on the loop's thread, after the jobs sent before it. Any thread.
    /// Once the loop has ended, runs it on the caller's thread (no connection is left by then).
    func async(_ job: @escaping @Sendable () -> Void) {
        let queued = inbox.withLock { box -> Bool? in
            guard !box.ended else { return nil }
            box.jobs.append(job)
            defer { box.woken = true }
            return !box.woken
        }
        switch queued {
        case nil: job()
        case true?: gsp_wake_signal(wakeFD)
        case false?: break
        }
    }

    /// Runs `body` on the loop's thread and returns its result; inline when called from that thread
    /// or once the loop has ended.
    func sync<T>(_ body: @escaping () -> T) -> T {
        if loopThread.load(ordering: .acquiring) == Self.currentThread { return body() }
        // `body` escapes into the job, which the loop may release a little after it has run.
        nonisolated(unsafe) let body = body
        nonisolated(unsafe) var result: T?
        var finished = sem_t()
        sem_init(&finished, 0, 0)
        defer { sem_destroy(&finished) }
        withUnsafeMutablePointer(to: &finished) { semaphore in
            nonisolated(unsafe) let semaphore = semaphore
            async {
                result = body()
                sem_post(semaphore)  // also orders the write of `result` before the read below
            }
            while sem_wait(semaphore) != 0 && errno == EINTR {}
        }
        return result!
    }

    /// Runs `job` on the loop's thread once `nanoseconds` have passed. Only from the loop's thread.
    func after(nanoseconds: UInt64, _ job: @escaping () -> Void) {
        timers.add(at: Self.now() &+ nanoseconds, job)
    }

    /// Lets the loop end after the jobs already sent; closes the poll then.
    func stop() {
        let signal = inbox.withLock { box -> Bool in
            box.stopping = true
            defer { box.woken = true }
            return !box.woken
        }
        if signal { gsp_wake_signal(wakeFD) }
    }

    private func run() {
        loopThread.store(Self.currentThread, ordering: .releasing)
        gsp_name_thread(name)
        guard let handle else { return }
        var stopping = false
        while !stopping {
            for event in poll.wait(timeoutMilliseconds: timers.timeoutMilliseconds(now: Self.now())) {
                if event.token == Self.wakeToken { gsp_wake_clear(wakeFD) } else { handle(event) }
            }
            let jobs: [@Sendable () -> Void]
            (jobs, stopping) = inbox.withLock { box in
                defer { box.jobs.removeAll(keepingCapacity: true); box.woken = false }
                return (box.jobs, box.stopping)
            }
            for job in jobs { job() }
            timers.runDue(now: Self.now())
        }
        // Jobs sent between the last take and `ended` still run, here; later ones on their callers.
        let late = inbox.withLock { box in
            box.ended = true
            defer { box.jobs = [] }
            return box.jobs
        }
        for job in late { job() }
        self.handle = nil
        poll.close()
    }

    private static var currentThread: UInt { UInt(bitPattern: Int(bitPattern: pthread_self())) }

    private static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}

/// The loop's pending timers, earliest first (a binary min-heap on the deadline; ties run in the order
/// they were added, as Dispatch's `asyncAfter` does).
struct TimerQueue {
    private struct Entry {
        var deadline: UInt64
        var order: UInt64
        var job: () -> Void
        func precedes(_ other: Entry) -> Bool { (deadline, order) < (other.deadline, other.order) }
    }

    private var heap: [Entry] = []
    private var added: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }

    mutating func add(at deadline: UInt64, _ job: @escaping () -> Void) {
        added &+= 1
        heap.append(Entry(deadline: deadline, order: added, job: job))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// How long `epoll_wait` may sleep: -1 (no timer), or until the earliest deadline, rounded up.
    func timeoutMilliseconds(now: UInt64) -> Int32 {
        guard let first = heap.first else { return -1 }
        guard first.deadline > now else { return 0 }
        let ms = (first.deadline - now + 999_999) / 1_000_000
        return Int32(clamping: ms)
    }

    /// Runs every timer whose deadline has passed, earliest first. A job may add timers.
    mutating func runDue(now: UInt64) {
        while let first = heap.first, first.deadline <= now {
            removeFirst()
            first.job()
        }
    }

    private mutating func removeFirst() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count && heap[right].precedes(heap[smallest]) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
