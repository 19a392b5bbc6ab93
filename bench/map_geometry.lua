-- wrk script: GET a map's geometry (/kartor/<set>.geojson), with the same RESULT line as
-- dash_callback.lua: req/s, p50 and p99 in ms, errors, requests.
wrk.method = "GET"

done = function(summary, latency, requests)
    io.write(string.format("RESULT %.1f %.1f %.1f %d %d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        summary.errors.connect + summary.errors.read + summary.errors.write
            + summary.errors.status + summary.errors.timeout,
        summary.requests))
end
