#!/usr/bin/env bash
# Load test of `kamerzoek serve`: builds release, indexes Corpus/ into a temporary index,
# starts the server on loopback, runs wrk for DURATION with a rotating mix of term and AND
# queries (queries.lua), then stops the server. Results go to docs/BENCHMARKS.md by hand.
#
#   bench/load/run.sh                  # 30 s, 1 wrk thread, 32 connections, port 18080
#   DURATION=10s CONNECTIONS=64 bench/load/run.sh
#   SERVE_OPTIONS= bench/load/run.sh   # with the fair-use limits (most requests get 503)
#
# All of wrk's connections come from one address, which the fair-use limits of issue 21
# would hold to 2 searches at once (and refuse the rest), so by default the server runs
# with --no-search-limits: this measures throughput; bench/hostile/fair_use.sh measures
# the limits.
# wrk runs on the same machine and takes CPU from the server; its thread count is kept low
# (THREADS=1) so that most of the 2 cores serve requests.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-30s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
SERVE_OPTIONS=${SERVE_OPTIONS---no-search-limits}

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)." >&2; exit 1; }

swift build -c release --product kamerzoek
binary="$(swift build -c release --show-bin-path)/kamerzoek"

work=$(mktemp -d)
server=""
cleanup() {
    if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" index Corpus --index "$work/index" >/dev/null
"$binary" stats --index "$work/index"

# The access log (one line per request) goes to a file, as it would in production.
# shellcheck disable=SC2086
"$binary" serve --index "$work/index" --port "$PORT" $SERVE_OPTIONS >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null || { echo "The server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

# Warm-up: searchers are pooled per snapshot, terms and pages get cached.
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s bench/load/queries.lua "http://127.0.0.1:$PORT" >/dev/null

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (queries.lua), $(nproc) cores"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/load/queries.lua "http://127.0.0.1:$PORT"

echo "server log: $(wc -l <"$work/server.log") lines; statuses:"
awk '$0 ~ / GET \/api\/search / { for (i = 1; i <= NF; i++) if ($i == "/api/search") print $(i + 1) }' "$work/server.log" | sort | uniq -c
