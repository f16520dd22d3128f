import Glibc
import Synchronization
import Testing

@testable import SocketServer

/// A worker's thread on its own: jobs from other threads, timers, `sync`, and the end of the loop.
struct WorkerLoopTests {
    /// A started loop with no socket registered, and a way to wait for what it does.
    private func startedLoop() throws -> WorkerLoop {
        let loop = try WorkerLoop(poll: try EventPoll(), name: "test-loop")
        try loop.start { _ in Issue.record("no socket is registered") }
        return loop
    }

    @Test func jobsFromOtherThreads_RunInOrder_OnTheLoopsThread() throws {
        let loop = try startedLoop()
        defer { loop.stop() }
        let seen = Mutex<[Int]>([])
        let loopThread = loop.sync { UInt(bitPattern: Int(bitPattern: pthread_self())) }
        #expect(loopThread != UInt(bitPattern: Int(bitPattern: pthread_self())))
        for n in 0..<1_000 {
            loop.async {
                let here = UInt(bitPattern: Int(bitPattern: pthread_self()))
                seen.withLock { $0.append(here == loopThread ? n : -1) }
            }
        }
        let count = loop.sync { seen.withLock { $0.count } }  // runs after the jobs sent before it
        #expect(count == 1_000)
        #expect(seen.withLock { $0 } == Array(0..<1_000))
    }

    @Test func timers_RunAtTheirDeadline_EarliestFirst_TiesInOrderAdded() throws {
        let loop = try startedLoop()
        defer { loop.stop() }
        let order = Mutex<[String]>([])
        var done = sem_t()
        sem_init(&done, 0, 0)
        defer { sem_destroy(&done) }
        let start = ContinuousClock.now
        withUnsafeMutablePointer(to: &done) { semaphore in
            nonisolated(unsafe) let semaphore = semaphore
            loop.async {
                loop.after(nanoseconds: 30_000_000) { order.withLock { $0.append("30ms") }; sem_post(semaphore) }
                loop.after(nanoseconds: 5_000_000) { order.withLock { $0.append("5ms-a") } }
                loop.after(nanoseconds: 5_000_000) { order.withLock { $0.append("5ms-b") } }
                loop.after(nanoseconds: 0) { order.withLock { $0.append("now") } }
            }
            while sem_wait(semaphore) != 0 && errno == EINTR {}
        }
        #expect(ContinuousClock.now - start >= .milliseconds(30))
        #expect(order.withLock { $0 } == ["now", "5ms-a", "5ms-b", "30ms"])
    }

    @Test func syncOnTheLoopsOwnThread_RunsInline() throws {
        let loop = try startedLoop()
        defer { loop.stop() }
        #expect(loop.sync { loop.sync { 7 } } == 7)
    }

    @Test func afterStop_JobsRunOnTheirCaller() throws {
        let loop = try startedLoop()
        let ran = Mutex(0)
        loop.async { ran.withLock { $0 += 1 } }
        loop.stop()
        // Until the thread has ended a job may still be queued; once it has, `sync` runs inline.
        var endedOnCaller = false
        for _ in 0..<100_000 where !endedOnCaller {
            let caller = UInt(bitPattern: Int(bitPattern: pthread_self()))
            endedOnCaller = loop.sync { UInt(bitPattern: Int(bitPattern: pthread_self())) } == caller
        }
        #expect(endedOnCaller)
        #expect(ran.withLock { $0 } == 1)
    }
}

/// The timer heap without a thread.
struct TimerQueueTests {
    @Test func runsDueTimersInDeadlineOrder_AndSaysHowLongToWait() {
        var queue = TimerQueue()
        var log: [Int] = []
        #expect(queue.timeoutMilliseconds(now: 0) == -1)
        for deadline in [50, 10, 40, 10, 30, 20].map({ UInt64($0) * 1_000_000 }) {
            let mark = Int(deadline / 1_000_000)
            queue.add(at: deadline) { log.append(mark) }
        }
        #expect(queue.timeoutMilliseconds(now: 0) == 10)
        #expect(queue.timeoutMilliseconds(now: 9_500_000) == 1, "rounded up, never early")
        queue.runDue(now: 30_000_000)
        #expect(log == [10, 10, 20, 30])
        #expect(queue.timeoutMilliseconds(now: 30_000_000) == 10)
        queue.runDue(now: .max)
        #expect(log == [10, 10, 20, 30, 40, 50])
        #expect(queue.isEmpty)
    }
}
