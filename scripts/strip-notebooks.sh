#!/usr/bin/env bash
# Removes what running a notebook adds (outputs, execution counts, timing metadata, injected
# parameter cells) so committed notebooks carry no stale results. Formatting follows nbformat's
# (one-space indent, sorted keys), so a notebook saved by Jupyter and then stripped diffs cleanly.
#
# usage: scripts/strip-notebooks.sh [--check] [NOTEBOOK.ipynb...]
#   default: every notebooks/*.ipynb (executed copies in notebooks/executed/ are left alone)
#   --check: change nothing; list the notebooks that need stripping and exit 1 if there are any
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
check=0
if [[ "${1:-}" == "--check" ]]; then check=1; shift; fi
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then sed -n '2,9p' "$0"; exit 0; fi
if (($# == 0)); then set -- "$root"/notebooks/*.ipynb; fi

# Debian's python: a pyenv python3 earlier on PATH would do too (stdlib only), but be predictable.
python=/usr/bin/python3
[[ -x "$python" ]] || python=python3

exec "$python" - "$check" "$@" <<'PY'
import json, os, sys, tempfile

check, paths = sys.argv[1] == "1", sys.argv[2:]
RUN_METADATA = ("execution", "collapsed", "scrolled", "papermill", "ExecuteTime")


def stripped(nb):
    cells = []
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        if "injected-parameters" in meta.get("tags", []):
            continue
        for key in RUN_METADATA:
            meta.pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cells.append(cell)
    nb["cells"] = cells
    nb.get("metadata", {}).pop("papermill", None)
    return nb


dirty = []
for path in paths:
    with open(path, encoding="utf-8") as f:
        original = f.read()
    try:
        nb = json.loads(original)
    except json.JSONDecodeError as e:
        sys.exit(f"strip-notebooks: {path} is not valid JSON: {e}")
    text = json.dumps(stripped(nb), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if text == original:
        continue
    dirty.append(path)
    if check:
        continue
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(temp, os.stat(path).st_mode & 0o7777)
    os.replace(temp, path)

for path in dirty:
    print(f"strip-notebooks: {'needs stripping' if check else 'stripped'}: {os.path.relpath(path)}", file=sys.stderr)
sys.exit(1 if check and dirty else 0)
PY
