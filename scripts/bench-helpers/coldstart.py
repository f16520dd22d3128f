#!/usr/bin/env python3
"""Cold start: process start -> first 200 on GET /_sandbox/health, then idle RSS.

Usage: coldstart.py BINARY [RUNS]
Each run starts `BINARY serve --port 0`, reads the one URL line it prints, sends GET
/_sandbox/health over a raw socket and stops the clock at the 200. The time includes fork/exec
from Python, so it is an upper bound. After the last run the process is kept for a second with
no traffic and its VmRSS is read from /proc.
"""
import os, socket, statistics, subprocess, sys, time

def first_200(url):
    host, port = url.rsplit("/", 1)[-1].rsplit(":", 1)
    with socket.create_connection((host.strip("[]"), int(port))) as s:
        s.sendall(b"GET /_sandbox/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    if not data.startswith(b"HTTP/1.1 200"):
        raise SystemExit(f"unexpected answer: {data[:80]!r}")

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1

def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    times = []
    rss = None
    for i in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = proc.stdout.readline().decode()
        url = line.strip().split()[-1]
        first_200(url)
        times.append((time.perf_counter() - start) * 1000)
        if i == runs - 1:
            time.sleep(1.0)
            rss = rss_kib(proc.pid)
        proc.terminate()
        code = proc.wait(timeout=10)
        if code != 0:
            raise SystemExit(f"serve exited {code} on SIGTERM (expected 0)")
    print(f"cold start to first 200: median {statistics.median(times):.2f} ms "
          f"(min {min(times):.2f}, max {max(times):.2f}, n={runs})")
    print(f"idle RSS: {rss} KiB ({rss / 1024:.1f} MiB)")

main()
