-- wrk script for bench/reload_under_load.sh: POST one recorded Dash callback request (body file
-- in env BODY) and sort every response by the data version it shows. MARKERS names a file of
-- lines "old <text>" / "new <text>": strings that only the old (or new) warehouse's response
-- contains. A 2xx response with markers of both versions is "mixed"; one that holds neither
-- version's markers all is "unknown". Errors = non-2xx responses + socket errors (connect, read, write, timeout).
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    local file = io.open(os.getenv("BODY"), "r")
    wrk.method = "POST"
    wrk.body = file:read("*a")
    file:close()
    wrk.headers["Content-Type"] = "application/json"
    markers = { old = {}, new = {} }
    for line in io.lines(os.getenv("MARKERS")) do
        local version, text = line:match("^(%a+) (.+)$")
        if version then
            table.insert(markers[version], text)
        end
    end
    old, new, mixed, unknown, non2xx = 0, 0, 0, 0, 0
end

local function shows(body, list)
    local found = 0
    for _, text in ipairs(list) do
        if body:find(text, 1, true) then
            found = found + 1
        end
    end
    return found
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
        return
    end
    local o, n = shows(body, markers.old), shows(body, markers.new)
    if o > 0 and n > 0 then
        mixed = mixed + 1
    elseif o == #markers.old then
        old = old + 1
    elseif n == #markers.new then
        new = new + 1
    else
        unknown = unknown + 1
    end
end

function done(summary, latency, requests)
    local total = { old = 0, new = 0, mixed = 0, unknown = 0, non2xx = 0 }
    for _, thread in ipairs(threads) do
        for key, _ in pairs(total) do
            total[key] = total[key] + thread:get(key)
        end
    end
    local e = summary.errors
    io.write(string.format("RESULT %d %d %d %d %d %d %d %.1f %.1f\n",
        summary.requests, total.non2xx + e.connect + e.read + e.write + e.timeout,
        total.mixed, total.old, total.new, total.unknown, total.non2xx,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
