-- wrk script for bench/hostile/fair_use.sh: the flooder. GET /api/search with expensive
-- prefix queries (each prefix expands to thousands of terms; `de* OR ge* OR be*` takes
-- about 100 ms alone on the shared corpus), rotating. Its address comes from the
-- X-Forwarded-For header that fair_use.sh passes with -H.

local queries = {
  "de*+OR+ge*+OR+be*", "ver*+OR+ge*+OR+be*", "in*+OR+on*+OR+over*", "st*+OR+sch*+OR+pr*",
  "de*+OR+ge*+OR+be*+OR+ver*", "aa*+OR+al*+OR+an*", "me*+OR+we*+OR+ze*", "ka*+OR+ko*+OR+ma*",
}

local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 3
end

function init(args)
  counter = offset or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", "/api/search?q=" .. queries[(counter % #queries) + 1] .. "&limit=10")
end
