#!/usr/bin/env bash
# Runs every test of the solution on a fresh Debian machine: bash scripts/test.sh [dotnet test args]
#
# Installs what the tests need (apt, only when missing), starts a throw-away PostgreSQL unless
# CC_TEST_POSTGRES is already set, restores, builds (Release), checks formatting, runs the tests
# and ends with one line "N passed, N failed, N skipped". Exits non-zero when the build or the
# format check fails, when any test fails, or when no test ran.
#
# Extra arguments go to `dotnet test`, e.g.  bash scripts/test.sh --filter "FullyQualifiedName~Deadlines"
# Environment: CC_TEST_POSTGRES  use this server instead of starting one
#              CC_PG_PORT        port for the throw-away server (default 55432, or the next free one)
#              CC_SKIP_FORMAT=1  skip the dotnet format gate (local runs only)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The application hosts inside the tests log warnings and errors only (information lines made the log
# tens of thousands of lines long and buried the failures); set it to Information to see everything.
export Logging__LogLevel__Default=${Logging__LogLevel__Default:-Warning}

step() { echo "==> $* ($(date +%T))"; }

# ---------------------------------------------------------------------------------------------
# Test dependencies: ADD NEW ONES HERE. Each is installed from Debian's packages only when missing,
# so the function is cheap on a machine that has them and makes a fresh machine complete.
# ---------------------------------------------------------------------------------------------
install_test_dependencies() {
    local missing=()
    if [[ -z ${CC_TEST_POSTGRES:-} && -z $(pg_find_bindir) ]]; then
        missing+=(postgresql)
    fi
    # Browser tests (Microsoft.Playwright) drive Debian's Chromium, not a downloaded browser.
    if ! command -v chromium >/dev/null 2>&1; then
        missing+=(chromium)
    fi
    # Channel tests (notifications) send real SMTP to aiosmtpd on loopback.
    if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
        missing+=(python3-aiosmtpd)
    fi
    # E-mail intake tests read a real IMAP mailbox served by Dovecot on loopback.
    if [[ ! -x /usr/sbin/dovecot ]]; then
        missing+=(dovecot-imapd)
    fi
    # Reports (issue 8): PDF cards and letters embed DejaVu, a font with Cyrillic.
    if [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
        missing+=(fonts-dejavu-core)
    fi
    if ((${#missing[@]} > 0)); then
        apt_install "${missing[@]}"
    fi
}

step "test dependencies"
install_test_dependencies

if [[ -n ${CC_TEST_POSTGRES:-} ]]; then
    step "PostgreSQL: using CC_TEST_POSTGRES from the environment"
else
    step "PostgreSQL: starting a throw-away cluster"
    trap pg_stop_throwaway EXIT
    trap 'exit 130' INT TERM
    pg_ensure_installed
    started=$SECONDS
    pg_start_throwaway
    echo "    127.0.0.1:$PG_PORT, ready in $((SECONDS - started)) s"
    CC_TEST_POSTGRES=$(pg_connection_string)
    export CC_TEST_POSTGRES
fi

step "dotnet tool restore"
dotnet tool restore >/dev/null

step "dotnet restore"
dotnet restore ContactCenter.slnx --verbosity quiet

step "dotnet build"
dotnet build ContactCenter.slnx -c Release --no-restore --verbosity quiet -nologo

if [[ ${CC_SKIP_FORMAT:-} == 1 ]]; then
    step "dotnet format: skipped (CC_SKIP_FORMAT=1)"
else
    step "dotnet format --verify-no-changes"
    dotnet format ContactCenter.slnx --verify-no-changes --no-restore
fi

results=artifacts/test-results
rm -rf "$results"
step "dotnet test"
# One TRX per test project: LogFilePrefix (not LogFileName) so that a second test project does not
# overwrite the first one's results file and drop its counts from the summary.
set +e
dotnet test ContactCenter.slnx -c Release --no-build \
    --logger "trx;LogFilePrefix=results" \
    --logger "console;verbosity=normal" \
    --results-directory "$results" "$@"
test_exit=$?
set -e

read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
# Count the results themselves: the Counters element reports xunit's skipped tests as neither
# executed nor notExecuted.
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    for result in ET.parse(path).getroot().iter(f"{ns}UnitTestResult"):
        outcome = result.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive", "Pending"):
            skipped += 1
        else:
            failed += 1
print(passed, failed, skipped)
PY
)

echo
echo "$passed passed, $failed failed, $skipped skipped"

if ((failed > 0)); then
    # The failures again, last, so that the tail of a long CI log names them.
    echo
    echo "Failed tests:"
    python3 - "$results" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    for result in ET.parse(path).getroot().iter(f"{ns}UnitTestResult"):
        if result.get("outcome", "") in ("Passed", "NotExecuted", "Inconclusive", "Pending"):
            continue
        print(f"- {result.get('testName')} ({result.get('duration')})")
        message = result.findtext(f"{ns}Output/{ns}ErrorInfo/{ns}Message") or ""
        stack = result.findtext(f"{ns}Output/{ns}ErrorInfo/{ns}StackTrace") or ""
        for line in message.strip().splitlines()[:12]:
            print(f"    {line}")
        for line in [l for l in stack.splitlines() if "ContactCenter" in l][:4]:
            print(f"    {line.strip()}")
PY
fi

if ((test_exit != 0 || failed > 0)); then
    echo "tests failed (dotnet test exit code $test_exit)" >&2
    exit 1
fi
if ((passed + failed + skipped == 0)); then
    echo "no test ran" >&2
    exit 1
fi
