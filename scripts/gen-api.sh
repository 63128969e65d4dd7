#!/usr/bin/env bash
# Refreshes web/openapi.json from the server's OpenAPI document and regenerates the TypeScript types.
source "$(dirname "$0")/lib.sh"
UPDATE_OPENAPI=1 dotnet test "$REPO/tests/Tongxin.Tests/Tongxin.Tests.csproj" --nologo -v quiet --filter "FullyQualifiedName~OpenApiDocumentTests" >&2
ensure_web_packages
(cd "$REPO/web" && npm run gen:api --silent)
log "web/openapi.json and web/src/api/schema.d.ts are up to date"
