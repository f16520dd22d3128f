#ifdef __linux__
#define _GNU_SOURCE
#include "CEventPoll.h"
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/eventfd.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <stddef.h>

int gsp_poll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

static int control(int poll_fd, int op, int fd, uint32_t events, uint64_t token) {
    struct epoll_event event = {.events = events, .data = {.u64 = token}};
    return epoll_ctl(poll_fd, op, fd, &event);
}

int gsp_poll_add(int poll_fd, int fd, uint32_t events, uint64_t token) {
    return control(poll_fd, EPOLL_CTL_ADD, fd, events, token);
}

int gsp_poll_modify(int poll_fd, int fd, uint32_t events, uint64_t token) {
    return control(poll_fd, EPOLL_CTL_MOD, fd, events, token);
}

int gsp_poll_remove(int poll_fd, int fd) { return control(poll_fd, EPOLL_CTL_DEL, fd, 0, 0); }

int gsp_poll_wait(int poll_fd, gsp_poll_event *out, int max_events, int timeout_ms) {
    struct epoll_event events[256];
    if (max_events > 256) max_events = 256;
    int count = epoll_wait(poll_fd, events, max_events, timeout_ms);
    for (int i = 0; i < count; i++) {
        out[i].events = events[i].events;
        out[i].token = events[i].data.u64;
    }
    return count;
}

int gsp_accept_nonblocking(int listen_fd) { return accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC); }

void gsp_name_thread(const char *name) {
    char short_name[16];
    strncpy(short_name, name, sizeof(short_name) - 1);
    short_name[sizeof(short_name) - 1] = 0;
    (void)pthread_setname_np(pthread_self(), short_name);
}

int gsp_wake_create(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

void gsp_wake_signal(int fd) { (void)eventfd_write(fd, 1); }

void gsp_wake_clear(int fd) {
    eventfd_t ignored;
    (void)eventfd_read(fd, &ignored);
}
#endif

#ifdef __linux__
// The header spells the epoll flags as numbers so Swift can import them; keep them honest.
_Static_assert(EPOLLIN == 0x001 && EPOLLOUT == 0x004 && EPOLLERR == 0x008, "epoll flag values");
_Static_assert(EPOLLHUP == 0x010 && EPOLLRDHUP == 0x2000, "epoll flag values");
int gsp_allowed_cpu_count(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) != 0) return 0;
    return CPU_COUNT(&set);
}

#endif
