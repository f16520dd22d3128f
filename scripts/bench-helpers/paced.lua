-- wrk script: each connection waits PACE_MS milliseconds before each request, so the offered load
-- is fixed (connections x 1000 / PACE_MS requests per second) instead of "as fast as possible".
-- wrk starts a request's latency clock when it writes the request, after the delay, so the
-- percentiles are the server's response times at that load.
local pace = tonumber(os.getenv("PACE_MS") or "3")

function delay()
    return pace
end
