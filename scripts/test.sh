#!/usr/bin/env bash
# Runs every test suite (xUnit on SQLite and PostgreSQL, vitest, browser tests in headless Chromium, the crash test)
# and ends with one line: "N passed, N failed, N skipped".
source "$(dirname "$0")/lib.sh"
ensure_toolchain
ensure_apt postgresql chromium fonts-noto-cjk
RESULTS="$REPO/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
passed=0; failed=0; skipped=0; broken=()

add_counts() { passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + $3)); }

# --- front-end unit tests -------------------------------------------------------------------------
ensure_web_packages
log "vitest"
if (cd "$REPO/web" && npx vitest run --reporter=default --reporter=json --outputFile="$RESULTS/vitest.json" >&2); then :; else broken+=("vitest"); fi
if [ -f "$RESULTS/vitest.json" ]; then
  read -r p f s < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests,r.numFailedTests,r.numPendingTests+(r.numTodoTests||0))' "$RESULTS/vitest.json")
  add_counts "$p" "$f" "$s"
else broken+=("vitest (no report)"); fi

# --- lint: ESLint on the web client, dotnet format (.editorconfig) on the C# tree; each counts as one check ---
log "lint (ESLint, dotnet format --verify-no-changes)"
if (cd "$REPO/web" && npx eslint . --max-warnings 0 >&2); then add_counts 1 0 0; else add_counts 0 1 0; broken+=("eslint"); fi
if dotnet format "$REPO/Tongxin.sln" --verify-no-changes >&2; then add_counts 1 0 0; else add_counts 0 1 0; broken+=("dotnet format"); fi

# --- xUnit (SQLite and a throwaway PostgreSQL started by the tests) -------------------------------
log "xUnit"
if dotnet test "$REPO/tests/Tongxin.Tests/Tongxin.Tests.csproj" --nologo -v quiet \
     --logger "trx;LogFileName=xunit.trx" --results-directory "$RESULTS" >&2; then :; else broken+=("xunit"); fi
if [ -f "$RESULTS/xunit.trx" ]; then
  read -r p f s < <(python3 - "$RESULTS/xunit.trx" <<'PY'
import re,sys
t=open(sys.argv[1],encoding='utf-8').read()
m=re.search(r'<Counters [^>]*>',t).group(0)
g=lambda k:int(re.search(k+r'="(\d+)"',m).group(1))
print(g('passed'), g('failed')+g('error')+g('timeout')+g('aborted'), g('notExecuted'))
PY
)
  add_counts "$p" "$f" "$s"
else broken+=("xunit (no report)"); fi

# --- browser tests against the published app ------------------------------------------------------
log "browser tests"
APP="$RESULTS/app"
if build_app "$APP"; then
  PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  DATA=$(mktemp -d)
  export E2E_ADMIN_PASSWORD="E2e-Root-Password-2026"
  # Every browser test signs in from 127.0.0.1: the per-address sign-in limit (30 a minute) is for real clients.
  ( cd "$DATA" && Tongxin__LoginAttemptsPerMinute=1000 Tongxin__DataDirectory="$DATA" TONGXIN_ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
      exec dotnet "$APP/Tongxin.dll" serve >"$RESULTS/e2e-server.log" 2>&1 ) &
  SERVER=$!
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
  if (cd "$REPO/web" && BASE_URL="http://127.0.0.1:$PORT" ADMIN_USER=admin ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" \
        DEMO_PASSWORD="Tongxin-Demo-2026" node e2e/run.mjs | tee "$RESULTS/e2e.log" >&2); then :; else broken+=("browser"); fi
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
  # "E2E: N passed, N failed" with an optional ", N skipped" (tests whose server endpoint is not there yet)
  line=$(grep -Eo 'E2E: [0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?' "$RESULTS/e2e.log" | tail -1 || true)
  if [ -n "$line" ]; then
    p=$(sed -E 's/E2E: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    s=$(grep -Eo '[0-9]+ skipped' <<<"$line" | grep -Eo '[0-9]+' || echo 0)
    add_counts "$p" "$f" "$s"
  else broken+=("browser (no summary)"); fi
else broken+=("build for browser tests"); fi

# --- crash test: kill -9 during a large import commit on SQLite and PostgreSQL, restart, check (issue 23) ------
# One run per provider here (CRASH_RUNS=10 for a full run); each run counts as one test.
log "crash test"
if [ -f "$APP/Tongxin.dll" ]; then
  if bash "$REPO/scripts/crash-test.sh" "$APP" > "$RESULTS/crash.log"; then :; else broken+=("crash test"); fi
  cat "$RESULTS/crash.log" >&2
  line=$(grep -Eo 'CRASH: [0-9]+ passed, [0-9]+ failed' "$RESULTS/crash.log" | tail -1 || true)
  if [ -n "$line" ]; then
    p=$(sed -E 's/CRASH: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$line")
    add_counts "$p" "$f" 0
  else add_counts 0 1 0; broken+=("crash test (no summary)"); fi
else add_counts 0 1 0; broken+=("crash test (no published app)"); fi

# --- benchmark harness smoke run (small scale, both providers; fails only when a scenario errors) -----
log "benchmark smoke"
if bash "$REPO/bench/run.sh" --figures 20000 --smoke > "$RESULTS/bench-smoke.log" 2>&1; then
  ran=$(grep -cE '^  (search page|HTTP|cold start|import|export|server peak)' "$RESULTS/bench-smoke.log" || true)
  add_counts "$ran" 0 0
else
  tail -30 "$RESULTS/bench-smoke.log" >&2
  add_counts 0 1 0; broken+=("bench smoke")
fi

if [ ${#broken[@]} -gt 0 ]; then echo "suites with failures or errors: ${broken[*]}" >&2; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
