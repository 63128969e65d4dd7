# Shared helpers for the project scripts (sourced).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs Debian packages that are missing (one apt-get update per run).
APT_UPDATED=""
ensure_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq >&2; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >&2
}

ensure_toolchain() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)." >&2; exit 1; }
  command -v npm >/dev/null || ensure_apt nodejs npm
}

# npm ci only when the lock file changed since the last install.
ensure_web_packages() {
  local stamp="$REPO/web/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$REPO/web/package-lock.json" "$stamp"; then
    log "installing front-end packages (npm ci)"
    (cd "$REPO/web" && npm ci --no-audit --no-fund --loglevel=error >&2)
    cp "$REPO/web/package-lock.json" "$stamp"
  fi
}

# Publishes the server into $1. On x64 its code is compiled ahead of time (ReadyToRun): a cold start
# then JITs far less (1.5 s instead of ~3 s to serving at a million figures on 2 cores).
publish_server() {
  local r2r=()
  [ "$(uname -m)" = x86_64 ] && r2r=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
  dotnet publish "$REPO/src/Tongxin/Tongxin.csproj" -c Release "${r2r[@]}" -o "$1" --nologo -v minimal -clp:NoSummary >&2
}

# Builds the front end and publishes the server with it as wwwroot into $1.
build_app() {
  local out="$1"
  ensure_web_packages
  log "building the front end: type check, then bundling (about a minute on 2 cores)"
  (cd "$REPO/web" && npx vue-tsc --noEmit >&2 && log "bundling the front end" && npx vite build >&2)
  log "publishing the server (restore and compile, 1-3 minutes on a first run)"
  publish_server "$out"
  rm -rf "$out/wwwroot" && mkdir -p "$out/wwwroot" && cp -r "$REPO/web/dist/." "$out/wwwroot/"
}
