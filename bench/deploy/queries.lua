-- wrk script for bench/deploy/run.py: GET /api/search through nginx, rotating through the
-- queries in the file named by DEPLOY_QUERIES (one URL-encoded query a line). For every
-- answer it records the status, and for a 2xx answer the commit that answered
-- (Kamerzoek-Generation) with the query and the total from the body, so that run.py can
-- check each against what that commit gives. At the end it writes what it saw to the file
-- named by DEPLOY_RESULTS, one record a line:
--
--   summary <requests> <duration_us> <connect> <read> <write> <status> <timeout>
--   latency <p50_us> <p90_us> <p99_us> <p999_us> <max_us> <mean_us>
--   status <code> <count>
--   nogen <count>                      2xx answers without Kamerzoek-Generation
--   unparsed <count>                   2xx answers without a query and a total
--   seen <generation> <total> <count> <query>
--
-- Each wrk thread rotates on its own, starting at a different place.

local queries = {}
local counter = 0
local threads = {}
-- Globals, so that done() can read each thread's through thread:get.
statuses = {}
seen = {}
nogen = 0
unparsed = 0

local function read_queries()
  local list = {}
  local path = os.getenv("DEPLOY_QUERIES") or "queries.txt"
  for line in io.lines(path) do
    if line ~= "" then list[#list + 1] = line end
  end
  return list
end

function setup(thread)
  thread:set("offset", #threads * 7)
  threads[#threads + 1] = thread
end

function init(args)
  queries = read_queries()
  counter = offset or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", "/api/search?q=" .. queries[(counter % #queries) + 1] .. "&limit=10")
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status < 200 or status > 299 then return end
  local generation = headers["Kamerzoek-Generation"] or headers["kamerzoek-generation"]
  if generation == nil then
    nogen = nogen + 1
    return
  end
  -- The contract's keys are sorted: the first "query" is the top level's, before the
  -- results; "total" is followed by "total_is_exact".
  local query = string.match(body, '"query":"([^"]*)"')
  local total = string.match(body, '"total":(%d+),"total_is_exact":')
  if query == nil or total == nil then
    unparsed = unparsed + 1
    return
  end
  local key = generation .. " " .. total .. " " .. query
  seen[key] = (seen[key] or 0) + 1
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("DEPLOY_RESULTS") or "wrk-results.txt", "w"))
  local e = summary.errors
  out:write(string.format("summary %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout))
  out:write(string.format("latency %d %d %d %d %d %.1f\n", latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max, latency.mean))
  local all_statuses, all_seen, all_nogen, all_unparsed = {}, {}, 0, 0
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do
      all_statuses[code] = (all_statuses[code] or 0) + count
    end
    for key, count in pairs(thread:get("seen")) do
      all_seen[key] = (all_seen[key] or 0) + count
    end
    all_nogen = all_nogen + thread:get("nogen")
    all_unparsed = all_unparsed + thread:get("unparsed")
  end
  for code, count in pairs(all_statuses) do out:write(string.format("status %d %d\n", code, count)) end
  out:write(string.format("nogen %d\n", all_nogen))
  out:write(string.format("unparsed %d\n", all_unparsed))
  for key, count in pairs(all_seen) do
    local generation, total, query = string.match(key, "^(%d+) (%d+) (.*)$")
    out:write(string.format("seen %s %s %d %s\n", generation, total, count, query))
  end
  out:close()
end
