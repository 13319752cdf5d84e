#!/usr/bin/env bash
# Fair use under load (issue 21): one client floods `kamerzoek serve` with expensive prefix
# queries over many connections while another asks ordinary queries; reports the ordinary
# client's latency and errors and the flooder's share of 503s. Both clients run on this
# machine, so each is given an address of its own with X-Forwarded-For, which the server
# believes from its loopback peer (a trusted proxy by default, as nginx on 127.0.0.1 is).
#
#   .build/release/kamerzoek index ../shared/corpus --index /tmp/fair-idx    # once
#   bench/hostile/fair_use.sh                                  # limits on (the defaults)
#   SERVE_OPTIONS=--no-search-limits bench/hostile/fair_use.sh # limits off
#
# Settings (environment): INDEX (/tmp/fair-idx), DURATION (30s), FLOOD_CONNECTIONS (32),
# NORMAL_CONNECTIONS (2), PORT (18095), SERVE_OPTIONS (extra `serve` options), BINARY.
set -euo pipefail
cd "$(dirname "$0")/../.."

INDEX=${INDEX:-/tmp/fair-idx}
DURATION=${DURATION:-30s}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-32}
NORMAL_CONNECTIONS=${NORMAL_CONNECTIONS:-2}
PORT=${PORT:-18095}
SERVE_OPTIONS=${SERVE_OPTIONS:-}
BINARY=${BINARY:-.build/release/kamerzoek}

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)." >&2; exit 1; }
[[ -x "$BINARY" ]] || { echo "No $BINARY: swift build -c release --product kamerzoek" >&2; exit 1; }
[[ -d "$INDEX" ]] || { echo "No index at $INDEX: $BINARY index ../shared/corpus --index $INDEX" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
    if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
"$BINARY" serve --index "$INDEX" --port "$PORT" $SERVE_OPTIONS >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "$base/health" >/dev/null || { echo "The server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

# Warm-up, one client at a time: searchers, term dictionaries, the document cache.
wrk -t1 -c2 -d3s -s bench/load/queries.lua -H "X-Forwarded-For: 192.0.2.2" "$base" >/dev/null
wrk -t1 -c2 -d3s -s bench/hostile/flood.lua -H "X-Forwarded-For: 192.0.2.1" "$base" >/dev/null
echo "one expensive query alone: $(curl -s "$base/api/search?q=de*+OR+ge*+OR+be*&limit=10" -H 'X-Forwarded-For: 192.0.2.3' | grep -o '"took_ms":[0-9.]*')"

echo "serve options: ${SERVE_OPTIONS:-(defaults)}; $(nproc) cores; $DURATION"
wrk -t1 -c"$FLOOD_CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/hostile/flood.lua \
    -H "X-Forwarded-For: 192.0.2.1" "$base" >"$work/flood.txt" &
flood=$!
wrk -t1 -c"$NORMAL_CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/load/queries.lua \
    -H "X-Forwarded-For: 192.0.2.2" "$base" >"$work/normal.txt"
wait "$flood"

summary() {
    local file=$1
    local requests non2xx errors
    requests=$(awk '/requests in/ { print $1 }' "$file")
    non2xx=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$file")
    errors=$(awk '/Socket errors/ { sub(/.*Socket errors: /, ""); print }' "$file")
    echo "  requests $requests, non-2xx ${non2xx:-0}, socket errors ${errors:-none}, $(awk '/Requests\/sec/ { print $2 }' "$file") requests/s"
}
echo "ordinary client (X-Forwarded-For 192.0.2.2, $NORMAL_CONNECTIONS connections, bench/load/queries.lua):"
summary "$work/normal.txt"
awk '/Latency Distribution/ { on = 1; next } on && /%/ { printf "  p%s %s\n", $1, $2 } on && !/%/ { on = 0 }' "$work/normal.txt"
echo "flooder (X-Forwarded-For 192.0.2.1, $FLOOD_CONNECTIONS connections, bench/hostile/flood.lua):"
summary "$work/flood.txt"
awk '/Latency/ && !/Distribution/ { print "  latency avg " $2 ", max " $4 }' "$work/flood.txt"
echo "server log: statuses of /api/search"
awk '{ for (i = 1; i <= NF; i++) if ($i == "/api/search") { print $(i + 1); break } }' "$work/server.log" | sort | uniq -c
