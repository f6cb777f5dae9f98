# shellcheck shell=bash
# Installs Debian packages only when they are missing. Sourced by the scripts in scripts/.
# A fresh machine (CI, a new developer box) has none of the test servers, so every script that
# needs one installs it itself instead of relying on what a previous session left behind.

_APT_UPDATED=""

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: '$*' needs root and sudo is not available" >&2
        return 1
    fi
}

# apt_install PACKAGE... — installs the given packages quietly; prints apt's log only on failure.
apt_install() {
    local log
    log=$(mktemp)
    export DEBIAN_FRONTEND=noninteractive
    if [[ -z $_APT_UPDATED ]]; then
        echo "apt-get update" >&2
        if ! as_root apt-get update -qq >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            return 1
        fi
        _APT_UPDATED=1
    fi
    echo "apt-get install $*" >&2
    if ! as_root apt-get install -y -qq --no-install-recommends "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}
