#!/usr/bin/env bash
# Adds a same-named migration for both providers: scripts/add-migration.sh NAME
source "$(dirname "$0")/lib.sh"
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$REPO/src/Tongxin"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --context SqliteTongxinDb --output-dir Migrations/Sqlite --namespace Tongxin.Migrations.Sqlite
dotnet ef migrations add "$name" --context PostgresTongxinDb --output-dir Migrations/Postgres --namespace Tongxin.Migrations.Postgres
# dotnet-ef writes the snapshot under a folder named after the namespace; keep it beside the migrations.
for p in Sqlite Postgres; do
  if [ -d "Tongxin/Migrations/$p" ]; then mv -f Tongxin/Migrations/$p/*.cs "Migrations/$p/"; fi
done
rm -rf Tongxin
