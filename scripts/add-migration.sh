#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: bash scripts/add-migration.sh AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/ContactCenter --startup-project src/ContactCenter \
    --context "${ctx}AppDbContext" --output-dir "Infrastructure/Data/Migrations/$ctx"
done
