#!/usr/bin/env bash
# Bench: documents/s of `newsledger worker` with 1 and 2 worker processes on this machine,
# NATS JetStream and PostgreSQL on loopback. Not part of CI.
#
#   scripts/bench-workers.sh [DOCS] [WORKER COUNTS...]     # default: 4000 docs, 1 and 2 workers
#
# Uses the release binary (built if missing; $NEWSLEDGER_BIN names another one), $NEWSLEDGER_TEST_NATS / $NEWSLEDGER_TEST_PG
# when set, else starts the servers with scripts/start-nats.sh and scripts/start-postgres.sh.
# For each worker count: a fresh stream and database; the workers are started first and
# waited for, then the documents are enqueued, and the clock runs from the enqueue until
# the queue is empty (every document committed and acked). Each worker: --batch 32,
# --in-flight 2. The documents are synthetic reports of ~90 words written here.
#
# Besides documents/s it prints where the CPU went, per document, measured from /proc:
# the workers, the PostgreSQL server (postmaster and its exited backends), the NATS server,
# and the rest of the machine (this script's polling, enqueue, anything else running), and
# the bound they set: cores / CPU-seconds per document. Run it on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS="${1:-4000}"
shift || true
COUNTS=("$@")
[ ${#COUNTS[@]} -eq 0 ] && COUNTS=(1 2)

BIN="${NEWSLEDGER_BIN:-target/release/newsledger}"
[ -x "$BIN" ] || cargo build --release -p newsledger-cli >&2
NATS="${NEWSLEDGER_TEST_NATS:-$(scripts/start-nats.sh)}"
PG="${NEWSLEDGER_TEST_PG:-$(scripts/start-postgres.sh)}"
PSQL="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)"

WORK="$(mktemp -d /tmp/newsledger-bench-workers.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
  rm -f "${ACCOUNT:-}"
}
trap cleanup EXIT

awk -v n="$DOCS" 'BEGIN {
  split("Amberly Corvin Dessa Elmere Fallow Grisby", towns, " ");
  for (i = 0; i < n; i++) {
    t = towns[i % 6 + 1]; day = 1 + i % 27;
    printf "{\"id\":\"b-%d\",\"url\":\"https://bench.example/%d\",\"outlet\":\"Bench Wire\",\"published\":\"2031-05-%02d\",\"title\":\"Storm damage in %s\",\"text\":\"Storm damage reported in %s\\n%s, May %d - Officials in %s said on Tuesday that %d people were killed and %d injured when a storm tore through the district, the regional governor'"'"'s office said in a statement. Rescue workers searched collapsed buildings through the night, and %d residents were moved to shelters, according to the civil defence agency. Report number %d.\"}\n", i, i, day, t, t, t, day, t, 2 + i % 40, 10 + i % 90, 100 + i, i;
  }
}' > "$WORK/docs.jsonl"

# CPU seconds (user + system, with reaped children) of one process; 0 when it is gone.
cpu_of() {
  local f
  f="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
  f="${f##*) }"
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($12 + $13 + $14 + $15) / hz }' <<<"$f"
}
# Busy CPU seconds of the whole machine since boot (all cores).
machine_busy() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.3f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}
PG_DIR="${NEWSLEDGER_PG_DIR:-/tmp/newsledger-pg}"
NATS_DIR="${NEWSLEDGER_NATS_DIR:-/tmp/newsledger-nats}"
pg_pid() { head -n 1 "$PG_DIR/postmaster.pid" 2>/dev/null || echo 0; }
nats_pid() { cat "$NATS_DIR/nats-server.pid" 2>/dev/null || echo 0; }
CORES="$(nproc)"
ACCOUNT="$(mktemp /tmp/newsledger-bench-account.XXXXXX)"

status_field() { # stream field
  "$BIN" status --nats "$NATS" --stream "$1" --json 2>/dev/null \
    | sed -n "s/^  \"$2\": \([0-9]*\),*$/\1/p" | head -n 1 || true
}

printf "%-8s %8s %10s %10s\n" workers docs seconds docs/s
for W in "${COUNTS[@]}"; do
  tag="B$(date +%s%N | tail -c 10)"
  db="nl_benchw_${tag,,}"
  "$PSQL" "$PG" -qc "CREATE DATABASE $db" >/dev/null
  dburl="${PG%/*}/$db"
  # The workers create the stream; wait until every one has written a heartbeat.
  pids=()
  for i in $(seq 1 "$W"); do
    "$BIN" worker --nats "$NATS" --stream "$tag" --db "$dburl" --id "bench-$i" \
      --heartbeat 0.5 2>"$WORK/worker-$W-$i.log" &
    pids+=($!)
  done
  for _ in $(seq 1 300); do
    alive="$(status_field "$tag" workers_alive)"
    [ "${alive:-0}" -ge "$W" ] && break
    sleep 0.1
  done
  t0="$(date +%s.%N)"
  busy0="$(machine_busy)"; pg0="$(cpu_of "$(pg_pid)")"; nats0="$(cpu_of "$(nats_pid)")"
  "$BIN" enqueue "$WORK/docs.jsonl" --nats "$NATS" --stream "$tag" >/dev/null
  while :; do
    depth="$(status_field "$tag" queue_depth)"
    [ "${depth:-1}" = "0" ] && break
    sleep 0.05
  done
  t1="$(date +%s.%N)"
  busy1="$(machine_busy)"; nats1="$(cpu_of "$(nats_pid)")"
  wcpu=0
  for p in "${pids[@]}"; do wcpu="$(awk -v a="$wcpu" -v b="$(cpu_of "$p")" 'BEGIN { print a + b }')"; done
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" || true; done
  pids=()
  # The workers' connections are closed now: their backends' time is in the postmaster's.
  sleep 0.2
  pg1="$(cpu_of "$(pg_pid)")"
  stored="$("$PSQL" "$dburl" -Atc "SELECT COUNT(*) FROM documents")"
  awk -v w="$W" -v n="$stored" -v a="$t0" -v b="$t1" \
    'BEGIN { s = b - a; printf "%-8s %8d %10.2f %10.1f\n", w, n, s, n / s }'
  awk -v w="$W" -v n="$stored" -v cores="$CORES" -v busy="$(awk -v a="$busy0" -v b="$busy1" 'BEGIN { print b - a }')" \
    -v wk="$wcpu" -v pg="$(awk -v a="$pg0" -v b="$pg1" 'BEGIN { print b - a }')" \
    -v nats="$(awk -v a="$nats0" -v b="$nats1" 'BEGIN { print b - a }')" \
    'BEGIN { if (n < 1) n = 1; rest = busy - wk - pg - nats; if (rest < 0) rest = 0;
             printf "%-8s %9.2f %9.2f %9.2f %9.2f %9.2f %9.1f\n", w, 1000 * wk / n,
               1000 * pg / n, 1000 * nats / n, 1000 * rest / n, 1000 * busy / n,
               cores * n / (busy > 0 ? busy : 1) }' >>"$ACCOUNT"
  "$PSQL" "$PG" -qc "DROP DATABASE $db" >/dev/null 2>&1 || true
done
echo
echo "CPU ms per document (from /proc; bound = cores / busy CPU-seconds per document):"
printf "%-8s %9s %9s %9s %9s %9s %9s\n" workers worker postgres nats rest busy "bound/s"
cat "$ACCOUNT"
rm -f "$ACCOUNT"
