-- wrk script: each connection waits a random 1 .. 2*PACE_MS-1 milliseconds (mean PACE_MS) before
-- each request, so the offered load is fixed (about connections x 1000 / PACE_MS requests per
-- second) and arrivals are spread out as independent clients' are. (A fixed delay makes all
-- connections fire in step, and the p99 then measures the burst, not the server.)
-- wrk starts a request's latency clock when it writes the request, after the delay, so the
-- percentiles are response times at that load.
local pace = tonumber(os.getenv("PACE_MS") or "3")
math.randomseed(20251122)

function delay()
    return math.random(1, 2 * pace - 1)
end
