-- wrk script for bench/backends.py and bench/scale.py: POST one recorded Dash callback request
-- (body file in env BODY) to one or more app servers. SERVERS="127.0.0.1:8121,127.0.0.1:8122"
-- splits the connections between them: wrk's thread i connects to server i mod n (with -t 2 and
-- two servers, half the connections each); unset = the URL's server only.
-- Errors = non-2xx responses (3xx included) + socket errors (connect, read, write, timeout).
-- Prints: RESULT req/s p50-ms p99-ms errors requests non-2xx answers-per-server(a,b,…)
local threads = {}
local servers = {}
for server in string.gmatch(os.getenv("SERVERS") or "", "[^,]+") do
    table.insert(servers, server)
end

function setup(thread)
    local index = #threads
    if #servers > 0 then
        local which = index % #servers + 1
        local host, port = servers[which]:match("^(.+):(%d+)$")
        thread.addr = wrk.lookup(host, port)[1]
        thread:set("server", which)
    else
        thread:set("server", 1)
    end
    table.insert(threads, thread)
end

function init(args)
    local file = io.open(os.getenv("BODY"), "r")
    wrk.method = "POST"
    wrk.body = file:read("*a")
    file:close()
    wrk.headers["Content-Type"] = "application/json"
    answered, non2xx = 0, 0
end

function response(status, headers, body)
    answered = answered + 1
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
    end
end

function done(summary, latency, requests)
    local bad, per_server = 0, {}
    for _ = 1, math.max(#servers, 1) do
        table.insert(per_server, 0)
    end
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("non2xx")
        local which = thread:get("server")
        per_server[which] = per_server[which] + thread:get("answered")
    end
    local e = summary.errors
    io.write(string.format("RESULT %.1f %.1f %.1f %d %d %d %s\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        bad + e.connect + e.read + e.write + e.timeout,
        summary.requests, bad, table.concat(per_server, ",")))
end
