"""scripts/bench-forks' measurements against one running sandbox (see there).

usage: forks.py URL PID TENANTS SIZE READY_MS
Prints one block of figures for the world the sandbox serves."""
import http.client, json, statistics, sys, time, urllib.parse

url, pid, tenants, size, ready_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
host = urllib.parse.urlparse(url)
conn = http.client.HTTPConnection(host.hostname, host.port, timeout=600)
BASE = "/gst/compliance/tax-payer"


def call(method, path, headers=None, body=None):
    headers = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    return response.status, (json.loads(payload) if payload else None)


def size_of(method, path):
    """(ms, KiB) of a response body, not parsed."""
    start = time.perf_counter()
    conn.request(method, path)
    response = conn.getresponse()
    payload = response.read()
    assert response.status == 200, response.status
    return (time.perf_counter() - start) * 1000, len(payload) / 1024


def rss_mib():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


summary = call("GET", "/_sandbox/scenario")[1]
taxpayer = summary["taxpayers"][0]
who = {"username": taxpayer["username"], "gstin": taxpayer["gstin"]}
documents = call("GET", "/_sandbox/tenants")[1]["tenants"][0]["documents"]
base_rss = rss_mib()

# Forks that change nothing: the first answer of each new key.
keys = [f"key_test_fork{size}_{i}" for i in range(tenants)]
first = []
tokens = {}
for key in keys:
    ms, (status, body) = timed(lambda: call("POST", "/authenticate", {"x-api-key": key, "x-api-secret": "secret_test_bench"}))
    assert status == 200, (status, body)
    first.append(ms)
    tokens[key] = body["data"]["access_token"]
idle_rss = rss_mib()

# One IMS action each (accept the same record the scenario tenant lists first).
record = None
for key in keys[:1]:
    platform = {"x-api-key": key, "authorization": tokens[key]}
    call("POST", f"{BASE}/otp", platform, who)
    session = call("POST", f"{BASE}/otp/verify?otp={taxpayer['otp']}", platform, who)[1]["data"]["access_token"]
    listed = call("GET", f"{BASE}/invoices?section=B2B&status=no_action_taken", {"x-api-key": key, "authorization": session})[1]
    record = dict(listed["data"]["data"]["b2b"][0])
for k in ["hash", "ispendactblocked", "srcfilstatus"]:
    record.pop(k, None)
record["prev_status"] = "N"
record["action"] = "A"
save = {"rtin": taxpayer["gstin"], "reqtyp": "SAVE", "invdata": {"b2b": [record]}}
# Changing tenants hold what they changed (a frozen draft 2B is tens of MB in a 1M world): 50 of them
# are enough for a median and RSS per changed tenant.
changers = keys[:50]
action = []
for key in changers:
    platform = {"x-api-key": key, "authorization": tokens[key]}
    call("POST", f"{BASE}/otp", platform, who)
    session = call("POST", f"{BASE}/otp/verify?otp={taxpayer['otp']}", platform, who)[1]["data"]["access_token"]
    headers = {"x-api-key": key, "authorization": session}
    ms, (status, body) = timed(lambda: call("POST", f"{BASE}/invoices/status/save", headers, save))
    reference = body["data"]["data"]["reference_id"]
    poll_ms, (status, polled) = timed(lambda: call("GET", f"{BASE}/invoices/status?reference_id={reference}", headers))
    assert polled["data"]["data"]["status_cd"] == "P", polled
    action.append(ms + poll_ms)
changed_rss = rss_mib()

# A changed tenant's export (a generated world: recipe + changes) against every document written out.
export_ms, export_kib = size_of("GET", f"/_sandbox/tenants/{keys[0]}/export")
full_ms, full_kib = size_of("GET", f"/_sandbox/tenants/{keys[0]}/export?full=true")
reset_ms, (status, _) = timed(lambda: call("POST", "/_sandbox/reset"))
assert status == 200
after_reset_rss = rss_mib()
# Leave changes for the state file the script saves at shutdown.
for key in changers:
    platform = {"x-api-key": key, "authorization": tokens[key]}
    call("POST", f"{BASE}/otp", platform, who)
    session = call("POST", f"{BASE}/otp/verify?otp={taxpayer['otp']}", platform, who)[1]["data"]["access_token"]
    headers = {"x-api-key": key, "authorization": session}
    reference = call("POST", f"{BASE}/invoices/status/save", headers, save)[1]["data"]["data"]["reference_id"]
    call("GET", f"{BASE}/invoices/status?reference_id={reference}", headers)

print(f"world {size}: {documents} documents; listening after {ready_ms} ms, RSS {base_rss:.0f} MiB")
print(f"  new key_test_ tenant, first answer: median {statistics.median(first):.2f} ms (p90 {sorted(first)[int(len(first) * .9)]:.2f}) over {tenants}")
print(f"  RSS per tenant that changed nothing: {(idle_rss - base_rss) * 1024 / tenants:.0f} KiB ({idle_rss:.0f} MiB with {tenants})")
print(f"  one IMS save + poll on {len(changers)} of them: median {statistics.median(action):.2f} ms; RSS per changed tenant {(changed_rss - idle_rss) * 1024 / len(changers):.0f} KiB")
print(f"  export of a changed tenant: {export_ms:.1f} ms, {export_kib:.0f} KiB (every document, ?full=true: {full_ms:.0f} ms, {full_kib:.0f} KiB)")
print(f"  reset of all {tenants + 1} tenants: {reset_ms:.0f} ms; RSS after reset {after_reset_rss:.0f} MiB")
sys.stdout.flush()
