#!/usr/bin/env bash
# Start a throwaway NATS server with JetStream for the queue's tests and benches, and print
# its URL.
#
#   scripts/start-nats.sh          # start (or reuse) the server; prints nats://…
#   scripts/start-nats.sh stop     # stop it and delete its store directory
#
# Needs the Debian package `nats-server` (apt-get install -y nats-server). The server listens
# on 127.0.0.1 only, on $NEWSLEDGER_NATS_PORT (default 54222), with its JetStream store in
# $NEWSLEDGER_NATS_DIR (default /tmp/newsledger-nats). No authentication: it is a disposable
# test server on loopback, never a real one.
#
# Typical use:  export NEWSLEDGER_TEST_NATS="$(scripts/start-nats.sh)"
set -euo pipefail

PORT="${NEWSLEDGER_NATS_PORT:-54222}"
DIR="${NEWSLEDGER_NATS_DIR:-/tmp/newsledger-nats}"
PIDFILE="$DIR/nats-server.pid"

BIN="$(command -v nats-server || true)"
[ -z "$BIN" ] && [ -x /usr/sbin/nats-server ] && BIN=/usr/sbin/nats-server
[ -z "$BIN" ] && [ -x /usr/bin/nats-server ] && BIN=/usr/bin/nats-server

running() {
  [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

if [ "${1:-}" = "stop" ]; then
  if running; then
    pid="$(cat "$PIDFILE")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$DIR"
  exit 0
fi

if [ -z "$BIN" ]; then
  echo "start-nats: nats-server not found; apt-get install -y nats-server" >&2
  exit 1
fi

if ! running; then
  mkdir -p "$DIR/store"
  # -js: JetStream on; the store directory holds streams, KV buckets and objects.
  # Detached from our stdout: callers read the URL with $(…), which waits for every writer.
  setsid "$BIN" -a 127.0.0.1 -p "$PORT" -js -sd "$DIR/store" -P "$PIDFILE" -l "$DIR/server.log" \
    </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 100); do
    if running && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  if ! running; then
    echo "start-nats: nats-server did not start; see $DIR/server.log" >&2
    cat "$DIR/server.log" >&2 2>/dev/null || true
    exit 1
  fi
fi

echo "nats://127.0.0.1:$PORT"
