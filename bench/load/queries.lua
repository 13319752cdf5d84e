-- wrk script for bench/load/run.sh: GET /api/search, rotating through a fixed mix of term
-- and AND queries over words that occur in Corpus/ (every query has results). Each wrk
-- thread rotates on its own, starting at a different place. wrk itself counts non-2xx
-- answers and socket errors.

local queries = {
  "geweld", "huiselijk+geweld", "kindermishandeling", "veilig+thuis", "femicide",
  "politie", "gemeenten", "slachtoffers", "aanpak+geweld", "meldcode",
  "vrouwen", "huiselijk+AND+geweld", "professionals", "onderzoek", "stalking",
  "hulpverlening", "kinderen+geweld", "partner", "zeden", "slachtoffers+AND+politie",
}

local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 7
end

function init(args)
  counter = offset or 0
end

function request()
  counter = counter + 1
  local query = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/search?q=" .. query .. "&limit=10")
end
