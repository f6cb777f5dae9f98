#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 for local development and tests, and prints its
# connection string. Installs Debian's postgresql first if it is missing.
#
#   bash scripts/start-postgres.sh            runs until Ctrl-C, then deletes the cluster
#   bash scripts/start-postgres.sh --detach   leaves it running and prints how to stop it
#
# Port: 55432 (or the next free one); set CC_PG_PORT to choose another.
# Run the tests against it:  CC_TEST_POSTGRES='<printed string>' bash scripts/test.sh
set -euo pipefail

# shellcheck source=scripts/lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"

detach=false
case "${1:-}" in
    --detach) detach=true ;;
    "") ;;
    *)
        echo "usage: $0 [--detach]" >&2
        exit 2
        ;;
esac

pg_ensure_installed
if ! $detach; then
    trap pg_stop_throwaway EXIT
    trap 'exit 130' INT TERM
fi
pg_start_throwaway

echo "PostgreSQL $("$PG_BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_DATADIR)" >&2
echo "export CC_TEST_POSTGRES=\"$(pg_connection_string)\""
if $detach; then
    run_as=""
    [[ $(id -u) -eq 0 ]] && run_as="runuser -u postgres -- "
    echo "stop it with: ${run_as}$PG_BINDIR/pg_ctl -D $PG_DATADIR/data -m fast stop && rm -rf $PG_DATADIR" >&2
else
    echo "running; Ctrl-C stops it and deletes its data" >&2
    while true; do sleep 1; done
fi
