#!/usr/bin/env bash
# Builds everything and starts Tongxin on the embedded default (SQLite under ./data, demo data on first start).
source "$(dirname "$0")/lib.sh"
ensure_toolchain
build_app "$REPO/artifacts/app"
export Tongxin__DataDirectory="${Tongxin__DataDirectory:-$REPO/data}"
cd "$REPO"
exec dotnet "$REPO/artifacts/app/Tongxin.dll" serve "$@"
