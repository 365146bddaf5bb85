#!/usr/bin/env bash
# Creates or updates the project's Python virtualenv (.venv) with the exact
# versions pinned in requirements-python.txt (ansible-core and the bundled
# collections, ansible-lint, molecule with its podman driver, yamllint).
# Idempotent: a stamp holding the hash of the requirements makes a second
# run a no-op that takes a few hundredths of a second. Prints where the
# virtualenv is; put its bin/ first on PATH to use it (Molecule runs
# ansible-config from PATH).
#   PYTHON  the interpreter to create it with (default: python3, >= 3.11)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv
stamp="$venv/.requirements.sha256"
want=$(sha256sum requirements-python.txt | cut -d' ' -f1)
version() { "$venv/bin/python" -c 'import ansible.release; print("ansible-core", ansible.release.__version__)'; }
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "Python toolchain: $PWD/$venv is up to date ($(version))"
  exit 0
fi
python=${PYTHON:-python3}
if ! "$python" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "python-env: $python must be Python >= 3.11 with venv and ensurepip (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
echo "Python toolchain: installing requirements-python.txt into $PWD/$venv (about a minute)"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
rm -f "$stamp"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-python.txt
echo "$want" > "$stamp"
echo "Python toolchain: $PWD/$venv ready ($(version))"
