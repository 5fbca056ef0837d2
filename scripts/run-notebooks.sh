#!/usr/bin/env bash
# Runs the numbered notebooks 01 → 05 headless, in order, through notebooks/run-notebook: generate
# claims, build features, train and stage a candidate, explain it, publish it. Executed copies (with
# outputs) go to notebooks/executed/ (gitignored); the data to datasets/generated/ (gitignored); the
# model to models/ as a NEW version each run (the registry's next free version, so the committed
# 1.0.0 and every earlier version stay as they are). Stops at the first notebook that fails.
#
# usage: scripts/run-notebooks.sh [--claims N] [--seed S] [--out DIR]
#   --claims N   claims to generate (default 20000: about a minute for all five notebooks)
#   --seed S     seed of the generator and of XGBoost's sampling (default 42)
#   --out DIR    where the executed notebooks go (default notebooks/executed)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
claims=20000
seed=42
out="$root/notebooks/executed"

while (($# > 0)); do
  case "$1" in
    --claims) claims=${2:?--claims needs a number}; shift 2 ;;
    --seed) seed=${2:?--seed needs a number}; shift 2 ;;
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run-notebooks: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$claims" =~ ^[0-9]+$ ]] || { echo "run-notebooks: --claims must be a whole number (got '$claims')" >&2; exit 2; }
[[ "$seed" =~ ^-?[0-9]+$ ]] || { echo "run-notebooks: --seed must be a whole number (got '$seed')" >&2; exit 2; }
mkdir -p "$out"

run() {
  local notebook=$1
  shift
  local started=$SECONDS
  echo "run-notebooks: $notebook" >&2
  if ! "$root/notebooks/run-notebook" "$root/notebooks/$notebook" --out "$out/$notebook" "$@"; then
    echo "run-notebooks: $notebook failed; its executed copy (up to the failing cell) is $out/$notebook" >&2
    exit 1
  fi
  echo "run-notebooks: $notebook done in $((SECONDS - started)) s" >&2
}

started=$SECONDS
run 01-synthetic-data.ipynb -p "claims=$claims" -p "seed=$seed"
run 02-feature-engineering.ipynb
run 03-train-evaluate.ipynb -p "seed=$seed" -p "datasetSeed=$seed"
run 04-feature-importance.ipynb
run 05-export.ipynb
echo "run-notebooks: all five notebooks ran in $((SECONDS - started)) s; executed copies in ${out#"$root"/}" >&2
