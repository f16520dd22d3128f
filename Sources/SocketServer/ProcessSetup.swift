import CEventPoll
import Glibc

/// Process-wide settings a socket server needs; each is idempotent.
public enum ProcessSetup {
    /// A peer that closes while we write must give EPIPE, not kill the process. Every send also
    /// passes `MSG_NOSIGNAL`, so this only guards code paths we do not own.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Raises the soft `RLIMIT_NOFILE` to the hard limit (10,000 idle keep-alive connections need
    /// more than the usual soft 1024) and returns the soft limit now in force.
    @discardableResult
    public static func raiseFileDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur > rlim_t(Int.max) ? Int.max : Int(limit.rlim_cur)
    }

    /// Processors this process may run on (its CPU affinity: `taskset`, a container's cpuset), else
    /// those online; the default number of connection queues. Two queues on one allowed CPU only
    /// take turns on it, and each turn is a context switch in some request's latency.
    public static var processorCount: Int {
        let allowed = Int(gsp_allowed_cpu_count())
        return allowed > 0 ? allowed : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
