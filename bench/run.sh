#!/usr/bin/env bash
# Benchmark harness: generates a dataset at a chosen scale on SQLite and on a throwaway PostgreSQL
# (127.0.0.1 only), runs every scenario against both, and writes a results file under bench/results/.
#   bash bench/run.sh                    full scale (1,000,000 figures; takes a while)
#   bash bench/run.sh --figures 20000 --smoke   the CI smoke run: fails only when a scenario errors
#   bash bench/run.sh --figures 300000 --data /tmp/keep   keep the datasets in /tmp/keep and reuse them next time
#     (generated once per provider; the PostgreSQL cluster lives in /tmp/keep/pg and is stopped at exit)
#   --generate-only   stop after generating;  --data-layer-only   skip the HTTP scenarios
source "$(dirname "$0")/../scripts/lib.sh"
FIGURES=1000000; SMOKE=""; PROVIDERS="sqlite postgres"; KEEP=""; GENERATE_ONLY=""; DATA_LAYER_ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --figures) FIGURES="$2"; shift 2 ;;
    --smoke) SMOKE="--smoke"; shift ;;
    --providers) PROVIDERS="$2"; shift 2 ;;
    --data) KEEP="$2"; shift 2 ;;
    --generate-only) GENERATE_ONLY=1; shift ;;
    --data-layer-only) DATA_LAYER_ONLY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
ensure_toolchain
ensure_apt postgresql wrk
WORK=$(mktemp -d /tmp/tongxin-bench.XXXXXX); chmod 755 "$WORK"
STORE="$WORK"
if [ -n "$KEEP" ]; then mkdir -p "$KEEP"; chmod 755 "$KEEP"; STORE="$(cd "$KEEP" && pwd)"; fi
cleanup() {
  [ -n "${PGDIR:-}" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "building the server and the harness (Release)"
publish_server "$WORK/app"
dotnet build "$REPO/bench/Tongxin.Bench/Tongxin.Bench.csproj" -c Release -o "$WORK/bench" --nologo -v quiet >&2
BENCH="dotnet $WORK/bench/Tongxin.Bench.dll"
STAMP=$(date -u +%Y%m%d-%H%M)
OUT="$REPO/bench/results/${STAMP}-${FIGURES}${SMOKE:+-smoke}.md"
[ -n "$SMOKE" ] && OUT="$WORK/smoke.md"
[ -n "$GENERATE_ONLY" ] && OUT="$WORK/generate-only.md"
echo "# Tongxin benchmark, ${FIGURES} figures" > "$OUT"

for P in $PROVIDERS; do
  DATA="$STORE/data-$P"
  PGARGS=()
  if [ "$P" = postgres ]; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    PGDIR="$STORE/pg"; mkdir -p "$PGDIR"; chown postgres:postgres "$PGDIR"
    PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    FRESH=""
    [ -d "$PGDIR/data" ] || { FRESH=1; runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null; }
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c shared_buffers=2GB -c work_mem=32MB -c max_wal_size=8GB -c max_connections=200" start >/dev/null
    [ -n "$FRESH" ] && psql -h 127.0.0.1 -p "$PORT" -U postgres -qc 'CREATE DATABASE tongxin_bench' >/dev/null
    PGARGS=(--pg "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=tongxin_bench;Maximum Pool Size=100;Command Timeout=0")
  fi
  if [ -f "$DATA/generated" ]; then
    log "reusing the $P dataset in $DATA ($(cat "$DATA/generated"))"
  else
    log "generating $FIGURES figures on $P"
    $BENCH generate --provider "$P" --figures "$FIGURES" --data "$DATA" "${PGARGS[@]}" | grep -v '^\[' >&2
    echo "$FIGURES figures" > "$DATA/generated"
  fi
  if [ -z "$GENERATE_ONLY" ]; then
    log "running scenarios on $P"
    SERVER=(--server "$WORK/app/Tongxin.dll"); [ -n "$DATA_LAYER_ONLY" ] && SERVER=()
    $BENCH run --provider "$P" --data "$DATA" "${PGARGS[@]}" "${SERVER[@]}" --scale "$FIGURES figures" --out "$OUT" $SMOKE | grep -v '^\[' >&2
  fi
  if [ "$P" = postgres ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null; PGDIR=""; fi
done
if [ -n "$SMOKE" ]; then
  # The smoke run checks that every scenario runs, never the timing.
  if grep -q "errors" "$OUT"; then echo "bench smoke: a scenario had errors" >&2; cat "$OUT" >&2; exit 1; fi
  log "bench smoke passed"
else
  if [ -z "$GENERATE_ONLY" ]; then log "results written to $OUT"; fi
fi
