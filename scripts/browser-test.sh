#!/usr/bin/env bash
# Browser test of the newsledger web page: starts the demo server (a store built from our
# fictional corpus) on a loopback port, loads the page in headless Chromium with every
# non-loopback host unresolvable (proves the page needs no CDN), checks the DOM after the
# scripts ran — the toll chart, the conflicts table, evidence highlights in the document
# view — and saves screenshots.
#
# Usage: scripts/browser-test.sh [OUT_DIR]   (default: target/browser-test)
# Skips (exit 0, with a note) when Chromium is not installed:
#   apt-get update && apt-get install -y chromium
set -euo pipefail
cd "$(dirname "$0")/.."

CHROME="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$CHROME" ]; then
  echo "browser-test: SKIPPED — chromium not installed (apt-get install -y chromium)"
  exit 0
fi
OUT="${1:-target/browser-test}"
mkdir -p "$OUT"

cargo build -q -p newsledger-server --example demo
LOG="$OUT/server.log"
"${CARGO_TARGET_DIR:-target}"/debug/examples/demo 127.0.0.1:0 >"$LOG" 2>&1 &
SERVER=$!
PROFILE="$(mktemp -d)"
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$PROFILE"; }
trap cleanup EXIT

BASE=""
for _ in $(seq 1 240); do
  BASE="$(sed -n 's#^listening on \(http://127\.0\.0\.1:[0-9]*\)/$#\1#p' "$LOG" | head -n1)"
  [ -n "$BASE" ] && break
  kill -0 "$SERVER" 2>/dev/null || { echo "browser-test: server died:"; cat "$LOG"; exit 1; }
  sleep 0.5
done
[ -n "$BASE" ] || { echo "browser-test: server did not start"; cat "$LOG"; exit 1; }
echo "browser-test: server at $BASE"

chrome() {
  # Each call gets a fresh profile directory; nothing but loopback resolves.
  local dir; dir="$(mktemp -d -p "$PROFILE")"
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$dir" \
    --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" \
    --window-size="${SIZE:-1400,2200}" --virtual-time-budget=15000 "$@" 2>>"$OUT/chromium.log"
}

FAIL=0
check() { # check NAME FILE REGEX [MIN_COUNT]
  local n; n="$( (grep -oE "$3" "$2" || true) | wc -l)"
  if [ "$n" -ge "${4:-1}" ]; then echo "  ok   $1 ($n)"; else echo "  FAIL $1 (found $n, want ≥ ${4:-1})"; FAIL=1; fi
}

echo "browser-test: story view"
chrome --dump-dom "$BASE/#/?metric=killed" >"$OUT/story.html"
SIZE=1400,4800 chrome --screenshot="$OUT/story.png" "$BASE/#/?metric=killed" >/dev/null
check "page scripts ran to the end" "$OUT/story.html" '<body[^>]*data-ready="1"'
check "story answer panel" "$OUT/story.html" '<section id="story-answer"'
check "story current answer" "$OUT/story.html" '<div class="story-current" data-status="(total|range)"'
check "story sources with evidence" "$OUT/story.html" '<li class="cited'
check "story chain steps" "$OUT/story.html" '<li class="chain-step"' 2
check "story breakdowns" "$OUT/story.html" '<tr class="breakdown"'
check "one chart per source" "$OUT/story.html" '<figure class="chart"' 2
check "uPlot drew the charts" "$OUT/story.html" 'class="uplot' 2
check "chart canvases" "$OUT/story.html" '<canvas' 2
check "plotted points" "$OUT/story.html" 'data-points="[1-9][0-9]*"' 2
check "conflicts table" "$OUT/story.html" 'id="conflicts-table"'
check "conflict rows" "$OUT/story.html" '<tr class="conflict"'
check "conflict evidence highlighted" "$OUT/story.html" '<mark class="focus">' 2
check "timeline entries" "$OUT/story.html" 'class="tl-entry"' 3
check "entity list" "$OUT/story.html" '<table class="entities"'

TEXT="$(grep -oE 'href="#/text/[0-9]+"' "$OUT/story.html" | head -n1 | grep -oE '[0-9]+' || true)"
if [ -z "$TEXT" ]; then
  echo "  FAIL no document link on the story page"; FAIL=1
else
  echo "browser-test: document view (text $TEXT)"
  chrome --dump-dom "$BASE/#/text/$TEXT" >"$OUT/text.html"
  chrome --screenshot="$OUT/text.png" "$BASE/#/text/$TEXT" >/dev/null
  check "page scripts ran to the end" "$OUT/text.html" '<body[^>]*data-ready="1"'
  check "evidence sentences marked" "$OUT/text.html" '<mark class="evidence ev-(figure|claim|event)' 2
  check "figure evidence marked" "$OUT/text.html" '<mark class="evidence[^"]*ev-figure'
  check "number phrase marked" "$OUT/text.html" '<mark class="evidence focus"'
  check "records listed" "$OUT/text.html" '<li class="record rec-figure"'
  check "source chains shown" "$OUT/text.html" '<span class="chain"'
fi

echo "browser-test: documents and search"
chrome --screenshot="$OUT/documents.png" "$BASE/#/docs" >/dev/null
chrome --dump-dom "$BASE/#/search?q=Ostrin" >"$OUT/search.html"
check "search hits" "$OUT/search.html" '<ol class="hits"'

if grep -qiE 'ERR_NAME_NOT_RESOLVED' "$OUT/chromium.log"; then
  echo "  FAIL the page tried to reach a host other than the server (see $OUT/chromium.log)"; FAIL=1
fi
echo "browser-test: screenshots in $OUT/ (story.png, text.png, documents.png)"
if [ "$FAIL" -ne 0 ]; then echo "browser-test: FAILED"; exit 1; fi
echo "browser-test: passed"
