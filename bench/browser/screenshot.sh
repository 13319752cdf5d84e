#!/usr/bin/env bash
# Browser check of the search page (not in CI): indexes Corpus/ into a temporary index,
# starts `kamerzoek serve`, has headless Chromium render a search, saves the PNG here.
#
#   bench/browser/screenshot.sh                      # ?q=huiselijk+geweld
#   QUERY='q=femicide&sort=date' bench/browser/screenshot.sh
#
# Needs Debian's `chromium`. Uses the debug build (CONFIGURATION=release for the other).
set -euo pipefail
cd "$(dirname "$0")/../.."

CONFIGURATION=${CONFIGURATION:-debug}
PORT=${PORT:-18090}
QUERY=${QUERY:-q=huiselijk+geweld}
OUTPUT=${OUTPUT:-bench/browser/search-huiselijk-geweld.png}

command -v chromium >/dev/null || { echo "chromium is not installed (Debian: apt-get install chromium)." >&2; exit 1; }

swift build -c "$CONFIGURATION" --product kamerzoek
binary="$(swift build -c "$CONFIGURATION" --show-bin-path)/kamerzoek"

work=$(mktemp -d)
server=""
cleanup() {
    if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" index Corpus --index "$work/index" >/dev/null
"$binary" serve --index "$work/index" --port "$PORT" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.1
done

# --no-sandbox: the check runs as root in a container, where Chromium's sandbox cannot start.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1400 \
    --user-data-dir="$work/chromium" --screenshot="$PWD/$OUTPUT" "http://127.0.0.1:$PORT/?$QUERY" 2>"$work/chromium.log" \
    || { cat "$work/chromium.log" >&2; exit 1; }
echo "saved $OUTPUT ($(du -k "$OUTPUT" | cut -f1) KB)"
