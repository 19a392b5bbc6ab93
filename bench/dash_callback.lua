-- wrk script: POST one recorded Dash callback request (body file in env BODY); errors are
-- wrk's own counts (connect, read, write, timeout and HTTP status ≥ 400).
local file = io.open(os.getenv("BODY"), "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

done = function(summary, latency, requests)
    io.write(string.format("RESULT %.1f %.1f %.1f %d %d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        summary.errors.connect + summary.errors.read + summary.errors.write
            + summary.errors.status + summary.errors.timeout,
        summary.requests))
end
