#!/usr/bin/env bash
# Fuzzing with cargo-fuzz (libFuzzer) on the stable toolchain: RUSTC_BOOTSTRAP=1 lets stable
# rustc take the sanitizer-coverage flags cargo-fuzz passes. Installs cargo-fuzz from
# crates.io when it is missing.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS_PER_TARGET] [extra libFuzzer flags...]
#
# Targets (fuzz/fuzz_targets/): text jsonl html warc feed gzip pipeline. Each runs on its
# working corpus fuzz/corpus/TARGET (not committed), seeded from our own files in
# fuzz/seeds/TARGET. Crashes land in fuzz/artifacts/TARGET; each one found becomes a
# regression test next to the code it broke. A summary line per target (executions,
# coverage, features) goes to target/fuzz-logs/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
which=${1:-all}
secs=${2:-60}
shift $(( $# < 2 ? $# : 2 ))
all=(text jsonl html warc feed gzip pipeline)
if [ "$which" = all ]; then targets=("${all[@]}"); else targets=("$which"); fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz from crates.io"
  cargo install cargo-fuzz --locked
fi

logs=target/fuzz-logs
mkdir -p "$logs"
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== fuzz $t for ${secs}s"
  # Safe Rust: no sanitizer (panics and hangs are what we look for), so more executions.
  # -timeout: an input taking over 10 s is reported as a hang.
  if ! cargo fuzz run --sanitizer none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 "$@" >"$logs/$t.log" 2>&1; then
    tail -n 40 "$logs/$t.log"
    echo "fuzz $t: FAILED (log: $logs/$t.log, inputs: fuzz/artifacts/$t/)"
    exit 1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | tail -n 1 | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$logs/$t.log" | tail -n 1)
  line="$(date -u +%FT%TZ) $t: ${execs:-?} executions (limit ${secs}s), $cov"
  echo "$line" | tee -a "$logs/summary.txt"
done
