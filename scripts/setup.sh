#!/usr/bin/env bash
# Installs the Debian packages ClaimFraud needs, once: a no-op when they are already there.
# Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  libxgboost0              # the XGBoost C API the model trains and predicts with
  mariadb-server           # the real MySQL-compatible server the tests start in a private datadir
  mariadb-client
  libzmq5                  # ZeroMQ, the Jupyter kernel's transport
  jupyter-nbconvert        # headless notebook runs
  python3-jupyter-client   # the real Jupyter client the kernel tests drive it with
  jupyter-client           # the `jupyter kernelspec` command
  python3-ipykernel
  python3-nbclient
)
if [[ "${CLAIMFRAUD_SETUP_BENCH:-0}" == 1 ]]; then packages+=(wrk); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if ((${#missing[@]} == 0)); then exit 0; fi

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo_cmd=(sudo); else
    echo "setup: need root to install: ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >&2
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
# The Debian package starts a system-wide server; ours run in private datadirs, so it is not needed.
if [[ " ${missing[*]} " == *" mariadb-server "* ]] && command -v service >/dev/null; then
  "${sudo_cmd[@]}" service mariadb stop >/dev/null 2>&1 || true
fi
