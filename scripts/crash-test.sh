#!/usr/bin/env bash
# Crash test (issue 23, "Durability, proven"): a large import commit on SQLite and on PostgreSQL with the server
# killed (kill -9) at a random point, then restarted and checked (scripts/crash_driver.py says what). CRASH_RUNS runs
# per provider (default 1, the CI run; 10 or more for a full run); CRASH_ROWS rows per import (default 6,000: a job).
# Usage: scripts/crash-test.sh [published-app-dir]. Ends with "CRASH: N passed, N failed".
source "$(dirname "$0")/lib.sh"
RUNS="${CRASH_RUNS:-1}"; ROWS="${CRASH_ROWS:-6000}"; PROVIDERS="${CRASH_PROVIDERS:-sqlite postgres}"
WORK=$(mktemp -d /tmp/tongxin-crash.XXXXXX); chmod 755 "$WORK"
PGDIR=""; PGBIN=""
cleanup() {
  [ -n "$PGDIR" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
APP="${1:-}"
if [ -z "$APP" ]; then APP="$WORK/app"; log "publishing the server"; publish_server "$APP"; fi
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
passed=0; failed=0
for P in $PROVIDERS; do
  if [ "$P" = postgres ]; then
    ensure_apt postgresql
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    PGDIR="$WORK/pg"; mkdir -p "$PGDIR"; chown postgres:postgres "$PGDIR"
    PGPORT=$(free_port)
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=on -c max_connections=100" start >/dev/null
  fi
  for i in $(seq 1 "$RUNS"); do
    DATA="$WORK/data-$P-$i"; mkdir -p "$DATA"
    if [ "$P" = postgres ]; then
      psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE crash_$i" >/dev/null
      export CRASH_PG="127.0.0.1 $PGPORT crash_$i"
    fi
    if python3 "$REPO/scripts/crash_driver.py" "$APP" "$P" "$DATA" "$(free_port)" "$i" "$ROWS"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      tail -20 "$DATA"/server*.log >&2 || true
    fi
    rm -rf "$DATA"
  done
  if [ "$P" = postgres ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null; PGDIR=""; fi
done
echo "CRASH: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
