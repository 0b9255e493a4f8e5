#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the store's tests and benches, and print its URL.
#
#   scripts/start-postgres.sh          # start (or reuse) the cluster; prints postgres://…
#   scripts/start-postgres.sh stop     # stop it and delete its data directory
#
# Needs the Debian package `postgresql` (apt-get install -y postgresql). The server runs as
# a non-root user (the `postgres` system account the package creates, when run as root),
# listens on 127.0.0.1 only, on $NEWSLEDGER_PG_PORT (default 55432), with its data in
# $NEWSLEDGER_PG_DIR (default /tmp/newsledger-pg). Authentication is `trust` on loopback:
# it is a disposable test server, never a real one. Set NEWSLEDGER_PG_DURABLE=1 to keep
# fsync on (benchmarks of durable commits); by default fsync is off for speed.
#
# Typical use:  export NEWSLEDGER_TEST_PG="$(scripts/start-postgres.sh)"
set -euo pipefail

PORT="${NEWSLEDGER_PG_PORT:-55432}"
DIR="${NEWSLEDGER_PG_DIR:-/tmp/newsledger-pg}"
USER_NAME="newsledger"

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "start-postgres: PostgreSQL server binaries not found; apt-get install -y postgresql" >&2
  exit 1
fi

# Run a command as the non-root owner of the cluster.
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    if ! id postgres >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    fi
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-}" = "stop" ]; then
  if [ -d "$DIR" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
  fi
  exit 0
fi

if [ ! -s "$DIR/PG_VERSION" ]; then
  rm -rf "$DIR"
  mkdir -p "$DIR"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres "$DIR"
  fi
  chmod 700 "$DIR"
  as_owner "$BIN/initdb" -D "$DIR" -U "$USER_NAME" -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$DIR.initdb.log" 2>&1 || { cat "$DIR.initdb.log" >&2; exit 1; }
fi

if ! as_owner "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  OPTS="-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c max_connections=200"
  if [ "${NEWSLEDGER_PG_DURABLE:-0}" != "1" ]; then
    OPTS="$OPTS -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  as_owner "$BIN/pg_ctl" -D "$DIR" -o "$OPTS" -l "$DIR/server.log" -w -t 60 start >/dev/null \
    || { cat "$DIR/server.log" >&2; exit 1; }
fi

echo "postgres://$USER_NAME@127.0.0.1:$PORT/postgres"
