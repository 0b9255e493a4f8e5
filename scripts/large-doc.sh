#!/usr/bin/env bash
# Peak memory of `newsledger extract` on one large document (default 50 MB), built from the
# sample corpus's texts. Reports input size, peak RSS and the ratio. Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-50}
cargo build --release -q
tmp=$(mktemp -d)
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
/usr/bin/time -v ./target/release/newsledger extract "$tmp/big.txt" --published 2031-03-05 --format jsonl \
  >"$tmp/out.jsonl" 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$tmp/time.txt")
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time.txt")
python3 - "$size" "$rss_kb" "$secs" <<'PY'
import sys
size, rss_kb, secs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
print(f"input {size/1e6:.1f} MB, peak RSS {rss_kb/1e3:.1f} MB, ratio {rss_kb*1e3/size:.2f}x, wall {secs}")
PY
rm -rf "$tmp"
