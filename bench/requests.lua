-- wrk script of bench/run.sh: each request is picked at random from the file named by BENCH_REQUESTS,
-- one request a line: METHOD <tab> PATH <tab> TOKEN [<tab> JSON BODY [<tab> IF-NONE-MATCH]]. The tokens are the members' own, so
-- each request is authorised for the group or entry it names; 304 (a conditional request's copy is current)
-- counts as answered. Counts the status of every response and
-- prints one line "BENCH_RESULT key=value ..." for run.sh at the end.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("id", #threads)
end

local requests = {}
local count = 0
statuses = {}
non2xx = 0

function init(args)
   local file = os.getenv("BENCH_REQUESTS")
   for line in io.lines(file) do
      local method, path, token, body, etag = line:match("^(%u+)\t([^\t]+)\t([^\t]+)\t?([^\t]*)\t?(.*)$")
      if method then
         local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
         if etag ~= "" then
            headers["If-None-Match"] = etag
         end
         if body == "" then
            body = nil
         else
            headers["Content-Type"] = "application/json"
         end
         count = count + 1
         requests[count] = wrk.format(method, path, headers, body)
      end
   end
   if count == 0 then
      error("no requests in " .. tostring(file))
   end
   math.randomseed(os.time() * 100 + id)
end

function request()
   return requests[math.random(count)]
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if (status < 200 or status > 299) and status ~= 304 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local bad = 0
   local codes = {}
   for _, thread in ipairs(threads) do
      bad = bad + thread:get("non2xx")
      for code, n in pairs(thread:get("statuses")) do
         codes[code] = (codes[code] or 0) + n
      end
   end
   local list = {}
   for code, n in pairs(codes) do
      table.insert(list, code .. ":" .. n)
   end
   table.sort(list)
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   io.write(string.format(
      "BENCH_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f" ..
      " non2xx=%d socket_errors=%d statuses=%s\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad, socket_errors, #list > 0 and table.concat(list, ",") or "-"))
end
