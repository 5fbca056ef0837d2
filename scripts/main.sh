#!/usr/bin/env bash
# The main job on embedded defaults: installs what is missing, runs the notebooks 01 → 05 headless
# (synthetic claims → features → training and evaluation → importance → a new versioned model in models/),
# then serves that model on loopback with SQLite stores until stopped (Ctrl-C).
#
# Environment: CLAIMFRAUD_CLAIMS (default 20000), CLAIMFRAUD_SEED (default 42),
#              CLAIMFRAUD_PORT (default 8080), CLAIMFRAUD_SERVE=0 to stop after the notebooks.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
"$root/scripts/install-kernel.sh" >/dev/null

"$root/scripts/run-notebooks.sh" --claims "${CLAIMFRAUD_CLAIMS:-20000}" --seed "${CLAIMFRAUD_SEED:-42}"
echo "main: executed notebooks are in notebooks/executed/; models:" >&2
ls -1 models/claim-fraud-xgb >&2
