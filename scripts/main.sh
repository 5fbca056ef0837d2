#!/usr/bin/env bash
# The main job on embedded defaults: installs what is missing, then runs the pipeline.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"

claims=${CLAIMFRAUD_CLAIMS:-20000}
seed=${CLAIMFRAUD_SEED:-42}
mkdir -p datasets/generated
./claimfraud generate --claims "$claims" --seed "$seed" --output datasets/generated/claims.jsonl
