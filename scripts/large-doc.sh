#!/usr/bin/env bash
# Peak memory and time of `newsledger extract` on one large document (default 50 MB), built
# from the sample corpus's texts. Reports input size, peak RSS, the ratio, wall time and the
# machine's load (timings are noisy on a busy machine), and checks that the output is one
# ledger whose timex, cue and trigger spans slice the text to their quoted words.
# Usage: scripts/large-doc.sh [MB]. Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-50}
cargo build --release -q
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$MB" "$tmp/big.txt" <<'PY'
import json, sys
mb, out = int(sys.argv[1]), sys.argv[2]
texts = [json.loads(l)["text"] for l in open("corpus/reports.jsonl")]
blob = "\n\n".join(texts)
with open(out, "w") as f:
    n = 0
    while n < mb * 1_000_000:
        f.write(blob); f.write("\n\n"); n += len(blob.encode()) + 2
PY
size=$(stat -c %s "$tmp/big.txt")
load=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -v ./target/release/newsledger extract "$tmp/big.txt" --published 2031-03-05 --format jsonl \
  >"$tmp/out.jsonl" 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$tmp/time.txt")
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time.txt")
python3 - "$size" "$rss_kb" "$secs" "$load" "$tmp/big.txt" "$tmp/out.jsonl" <<'PY'
import json, sys
size, rss_kb, secs, load, text, out = int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:]
print(f"input {size/1e6:.1f} MB, peak RSS {rss_kb/1e3:.1f} MB, ratio {rss_kb*1e3/size:.2f}x, "
      f"wall {secs}, load before {load}")
raw = open(text, "rb").read()
lines = open(out).read().splitlines()
assert len(lines) == 1, f"{len(lines)} ledgers"
d = json.loads(lines[0])
quoted = [(t["span"], t["text"]) for t in d["timexes"]]
quoted += [(c["cue"]["span"], c["cue"]["text"]) for c in d["claims"]]
quoted += [(e["trigger"]["span"], e["trigger"]["text"]) for e in d["events"]]
bad = sum(raw[a:b].decode("utf-8", "replace") != t for (a, b), t in quoted)
counts = {k: len(d[k]) for k in ("figures", "claims", "entities", "events", "timexes")}
print(f"records {counts}; spans checked {len(quoted)}, not slicing their text {bad}")
sys.exit(1 if bad else 0)
PY
