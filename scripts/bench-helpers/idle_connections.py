#!/usr/bin/env python3
"""Holds N idle keep-alive connections to the sandbox and checks that new requests are answered.

Usage: idle_connections.py HOST PORT [N]
Opens N connections, sends one GET /_sandbox/health on each and reads the answer (so each is a
real keep-alive connection the server has served), then, with all N held open and idle, times
requests on fresh connections. Finally checks a sample of the idle ones still answer.
"""
import resource, socket, statistics, sys, time

REQUEST = b"GET /_sandbox/health HTTP/1.1\r\nHost: x\r\n\r\n"

def read_response(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        rest += s.recv(4096)
    return head.split(b" ")[1]

def main():
    host, port = sys.argv[1], int(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    held = []
    start = time.perf_counter()
    for i in range(n):
        s = socket.create_connection((host, port), timeout=10)
        s.sendall(REQUEST)
        held.append(s)
        if len(held) % 500 == 0:  # read in batches so the kernel buffers never fill
            for t in held[-500:]:
                assert read_response(t) == b"200"
    for t in held[len(held) - len(held) % 500:]:
        assert read_response(t) == b"200"
    opened = time.perf_counter() - start
    times = []
    for _ in range(50):
        t0 = time.perf_counter()
        with socket.create_connection((host, port), timeout=5) as s:
            s.sendall(REQUEST)
            assert read_response(s) == b"200"
        times.append((time.perf_counter() - t0) * 1000)
    sample = held[:: max(1, n // 100)]
    for s in sample:
        s.sendall(REQUEST)
        assert read_response(s) == b"200"
    print(f"{n} idle keep-alive connections held (opened and served in {opened:.1f} s); "
          f"new connection + request while held: median {statistics.median(times):.2f} ms, "
          f"max {max(times):.2f} ms (n=50); {len(sample)} sampled idle connections still answer")
    for s in held:
        s.close()

main()
