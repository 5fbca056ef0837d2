#!/usr/bin/env bash
# The test command: installs what is missing, starts a real MariaDB, builds, runs every test,
# stops MariaDB (even on failure) and ends with one line "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

"$root/scripts/setup.sh" || { echo "0 passed, 1 failed"; exit 1; }
source "$root/scripts/mariadb.sh"
results=$(mktemp -d /tmp/claimfraud-test-results.XXXXXX)
cleanup() { mariadb_stop; rm -rf "$results"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

mariadb_start || { echo "mariadb: failed to start"; echo "0 passed, 1 failed"; exit 1; }

if ! dotnet build ClaimFraud.sln -c Release -nologo -v q; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
dotnet test ClaimFraud.sln -c Release --no-build -nologo -v q --logger trx --results-directory "$results" "$@"
status=$?
# The managed TreeSHAP kernels have AVX2/BMI2 paths and scalar fallbacks (ARM, older x86): run their tests once more
# with those instructions switched off, so the fallbacks are tested on this machine too (counted in the totals). Only
# on a full run: arguments (e.g. --filter) are for the main run and would clash with this run's filter.
if [[ $# -eq 0 ]]; then
  DOTNET_EnableAVX2=0 DOTNET_EnableBMI2=0 dotnet test tests/ClaimFraud.XGBoost.Tests -c Release --no-build -nologo -v q \
    --filter "FullyQualifiedName~ClaimFraud.XGBoost.Tests.Managed" --logger trx --results-directory "$results/scalar" || status=1
fi

totals=$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{*}ResultSummary/{*}Counters")
    if c is not None:
        passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
print(passed, failed)
PY
)
read -r passed failed <<<"$totals"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi   # a crashed test host counts as a failure
echo "$passed passed, $failed failed"
[[ $status -eq 0 && $failed -eq 0 ]]
