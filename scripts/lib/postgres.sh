# shellcheck shell=bash
# A throw-away PostgreSQL cluster for tests and local development. Sourced by
# scripts/test.sh and scripts/start-postgres.sh.
#
#   pg_ensure_installed          install Debian's postgresql when no initdb can be found
#   pg_start_throwaway [PORT]    initdb into a temp dir and start a server on 127.0.0.1
#   pg_stop_throwaway            stop that server and remove its dir (safe to call twice)
#   pg_connection_string         the Npgsql connection string for it
#
# The cluster trades durability for speed (fsync, synchronous_commit and full_page_writes off):
# its data is deleted when it stops anyway.

# shellcheck source=scripts/lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

PG_BINDIR=""
PG_DATADIR=""
PG_PORT=""

# Prints the bin dir of the newest PostgreSQL under /usr/lib/postgresql, or the dir of initdb on PATH.
pg_find_bindir() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null |
        sort -V | while read -r d; do [[ -x $d/initdb && -x $d/pg_ctl ]] && echo "$d"; done | tail -n 1)
    if [[ -z $dir ]] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dir=$(dirname "$(command -v initdb)")
    fi
    if [[ -n $dir ]]; then echo "$dir"; fi
}

pg_ensure_installed() {
    if [[ -z $(pg_find_bindir) ]]; then
        apt_install postgresql
    fi
    PG_BINDIR=$(pg_find_bindir)
    if [[ -z $PG_BINDIR ]]; then
        echo "error: PostgreSQL was installed but initdb/pg_ctl are still not found" >&2
        return 1
    fi
}

_pg_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the first port from $1 upwards that nothing listens on.
_pg_free_port() {
    local port=$1 last=$(($1 + 100))
    while ((port <= last)); do
        if ! _pg_port_in_use "$port"; then
            echo "$port"
            return 0
        fi
        port=$((port + 1))
    done
    echo "error: no free port in $1..$last" >&2
    return 1
}

# initdb refuses to run as root, so as root the server runs as the postgres OS user.
_pg_run() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start_throwaway() {
    local wanted_port=${1:-${CC_PG_PORT:-55432}}
    [[ -n $PG_BINDIR ]] || pg_ensure_installed
    PG_PORT=$(_pg_free_port "$wanted_port")
    if [[ $(id -u) -eq 0 ]]; then
        # Always /tmp as root: the postgres user must be able to reach the dir, and root's
        # TMPDIR may be private.
        PG_DATADIR=$(mktemp -d /tmp/cc-pg.XXXXXX)
        chown postgres: "$PG_DATADIR"
    else
        PG_DATADIR=$(mktemp -d "${TMPDIR:-/tmp}/cc-pg.XXXXXX")
    fi
    chmod 700 "$PG_DATADIR"

    local data=$PG_DATADIR/data
    if ! _pg_run "$PG_BINDIR/initdb" -D "$data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$PG_DATADIR/initdb.log" 2>&1; then
        cat "$PG_DATADIR/initdb.log" >&2
        return 1
    fi
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATADIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
    cat >"$data/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
HBA
    if ! _pg_run "$PG_BINDIR/pg_ctl" -D "$data" -l "$PG_DATADIR/server.log" -w -t 60 start >/dev/null; then
        cat "$PG_DATADIR/server.log" >&2
        return 1
    fi
}

pg_stop_throwaway() {
    if [[ -n $PG_DATADIR && -d $PG_DATADIR ]]; then
        if [[ -f $PG_DATADIR/data/postmaster.pid ]]; then
            _pg_run "$PG_BINDIR/pg_ctl" -D "$PG_DATADIR/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DATADIR"
    fi
    PG_DATADIR=""
}

pg_connection_string() {
    echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Include Error Detail=true"
}
