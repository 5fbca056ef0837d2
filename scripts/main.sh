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

if [[ "${CLAIMFRAUD_SERVE:-1}" == 0 ]]; then exit 0; fi
port=${CLAIMFRAUD_PORT:-8080}
# A key for this run, so the curl line below is complete; set CLAIMFRAUD_API_KEY to use your own.
export CLAIMFRAUD_API_KEY=${CLAIMFRAUD_API_KEY:-$(python3 -c 'import secrets; print(secrets.token_hex(16))')}
cat >&2 <<MSG
main: serving the newest model on http://127.0.0.1:$port (SQLite stores under data/; Ctrl-C stops). Try:
  curl -s -H "Authorization: Bearer $CLAIMFRAUD_API_KEY" -H 'Content-Type: application/json' \\
       --data @tests/fixtures/combined-fraud.json http://127.0.0.1:$port/predict
  OpenAPI UI: http://127.0.0.1:$port/docs
MSG
exec ./claimfraud serve --urls "http://127.0.0.1:$port"
