// Linux's epoll for SocketServer. Swift's Glibc module does not export <sys/epoll.h>, and its
// `struct epoll_event` is packed on x86-64, so Swift sees only this unpacked copy of an event.
#ifndef GSP_CEVENTPOLL_H
#define GSP_CEVENTPOLL_H

#include <stdint.h>

#ifdef __linux__

/// One readiness event: the epoll event mask and the token given when the fd was registered.
typedef struct {
    uint32_t events;
    uint64_t token;
} gsp_poll_event;

static const uint32_t GSP_POLL_IN = 0x001;     // EPOLLIN
static const uint32_t GSP_POLL_OUT = 0x004;    // EPOLLOUT
static const uint32_t GSP_POLL_ERR = 0x008;    // EPOLLERR
static const uint32_t GSP_POLL_HUP = 0x010;    // EPOLLHUP
static const uint32_t GSP_POLL_RDHUP = 0x2000; // EPOLLRDHUP

/// epoll_create1(EPOLL_CLOEXEC); -1 with errno on failure.
int gsp_poll_create(void);
/// Registers (add), changes (modify) or removes an fd; 0 or -1 with errno.
int gsp_poll_add(int poll_fd, int fd, uint32_t events, uint64_t token);
int gsp_poll_modify(int poll_fd, int fd, uint32_t events, uint64_t token);
int gsp_poll_remove(int poll_fd, int fd);
/// epoll_wait into `out` (at most 256 events per call); the count, or -1 with errno.
int gsp_poll_wait(int poll_fd, gsp_poll_event *out, int max_events, int timeout_ms);
/// accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC): one syscall instead of accept + fcntl.
int gsp_accept_nonblocking(int listen_fd);
/// A wake-up descriptor (eventfd, non-blocking, close-on-exec) another thread signals to end a
/// worker's epoll_wait; -1 with errno on failure.
int gsp_wake_create(void);
/// Makes `fd` readable (adds 1 to the eventfd's counter).
void gsp_wake_signal(int fd);
/// Resets the counter, so `fd` stops being readable until the next signal.
void gsp_wake_clear(int fd);
/// Names the calling thread (pthread_setname_np, which needs _GNU_SOURCE); at most 15 bytes are kept.
void gsp_name_thread(const char *name);
/// CPUs this process may run on (sched_getaffinity + CPU_COUNT, macros Swift cannot call); 0 on failure.
int gsp_allowed_cpu_count(void);

#endif
#endif
