#!/usr/bin/env bash
# Builds the ClaimFraud C# Jupyter kernel and installs it as the kernelspec "csharp-claimfraud"
# ("C# (ClaimFraud)" in VS Code's and JupyterLab's kernel pickers). Safe to run again: it rebuilds
# and replaces the installed kernelspec.
#
# usage: scripts/install-kernel.sh [--user | --sys-prefix | --prefix DIR]   (default: --user)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
project="$root/notebooks/ClaimFraud.Kernel/ClaimFraud.Kernel.csproj"
# A folder of its own, so rebuilding the solution never overwrites a running kernel's files.
out="$root/notebooks/ClaimFraud.Kernel/bin/kernel"
name=csharp-claimfraud

scope=(--user)
case "${1:-}" in
  "" | --user) ;;
  --sys-prefix) scope=(--sys-prefix) ;;
  --prefix)
    [[ -n "${2:-}" ]] || { echo "install-kernel: --prefix needs a folder" >&2; exit 2; }
    scope=(--prefix "$2") ;;
  -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
  *) echo "install-kernel: unknown option '$1' (expected --user, --sys-prefix or --prefix DIR)" >&2; exit 2 ;;
esac

dotnet=$(command -v dotnet) || { echo "install-kernel: dotnet is not on PATH" >&2; exit 1; }
if command -v ldconfig >/dev/null && ! ldconfig -p 2>/dev/null | grep -q 'libzmq\.so\.5'; then
  echo "install-kernel: warning: libzmq5 is not installed (apt-get install libzmq5); the kernel cannot start without it" >&2
fi

echo "install-kernel: building the kernel into ${out#"$root"/}" >&2
# Build into a temporary folder first so a failed build leaves the installed kernel intact.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
"$dotnet" publish "$project" -c Release -o "$staging/bin" -nologo -v q >&2
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -R "$staging/bin" "$out"

json_string() { # a JSON string literal for $1
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

spec="$staging/$name"
mkdir -p "$spec"
cat >"$spec/kernel.json" <<JSON
{
  "argv": [$(json_string "$dotnet"), $(json_string "$out/ClaimFraud.Kernel.dll"), "{connection_file}"],
  "display_name": "C# (ClaimFraud)",
  "language": "csharp",
  "interrupt_mode": "message",
  "env": {"CLAIMFRAUD_ROOT": $(json_string "$root")},
  "metadata": {"debugger": false}
}
JSON

# `jupyter kernelspec` comes with Debian's jupyter-client package; python3-jupyter-client alone
# has the same installer as a module, so use whichever is there.
installer=()
if command -v jupyter-kernelspec >/dev/null; then
  installer=(jupyter-kernelspec)
else
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import jupyter_client' 2>/dev/null; then
      installer=("$py" -m jupyter_client.kernelspecapp); break
    fi
  done
fi

if ((${#installer[@]} > 0)); then
  "${installer[@]}" install "$spec" --name "$name" "${scope[@]}" >&2
elif [[ "${scope[0]}" == --user ]]; then
  # No Jupyter installed here (yet): put the kernelspec where Jupyter looks for user kernels.
  dest="${JUPYTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jupyter}/kernels/$name"
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -R "$spec" "$dest"
  echo "install-kernel: installed kernelspec in $dest" >&2
else
  echo "install-kernel: ${scope[0]} needs Jupyter (apt-get install jupyter-client, or pip install jupyter_client)" >&2
  exit 1
fi
echo "install-kernel: done. Pick \"C# (ClaimFraud)\" as the notebook kernel (kernelspec $name)." >&2
