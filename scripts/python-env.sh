#!/usr/bin/env bash
# Creates or updates a Python virtualenv of the project with the exact
# versions pinned in its requirement file:
#   bash scripts/python-env.sh          .venv from requirements-python.txt: the
#                                       pinned toolchain (ansible-core and the
#                                       bundled collections, ansible-lint,
#                                       molecule with its podman driver, yamllint)
#   bash scripts/python-env.sh CORE     .venv-coreCORE from
#                                       requirements-python-coreCORE.txt: another
#                                       ansible-core of the matrix (2.16, 2.21)
# Idempotent: a stamp holding the hash of the requirements makes a second
# run a no-op that takes a few hundredths of a second. Prints where the
# virtualenv is; put its bin/ first on PATH to use it (Molecule runs
# ansible-config from PATH).
#   PYTHON  the interpreter to create it with (default: the `# python: X.Y`
#           line of the requirement file, found on PATH or in pyenv's
#           versions; python3 when there is none; at least 3.11)
set -euo pipefail
cd "$(dirname "$0")/.."
core=${1:-}
if [ -z "$core" ]; then
  venv=.venv requirements=requirements-python.txt
else
  venv=.venv-core$core requirements=requirements-python-core$core.txt
  [ -f "$requirements" ] || { echo "python-env: no $requirements (ansible-core $core is not in the matrix)" >&2; exit 2; }
fi
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
version() { "$venv/bin/python" -c 'import ansible.release, sys; print("ansible-core", ansible.release.__version__, "on Python", sys.version.split()[0])'; }
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "Python toolchain: $PWD/$venv is up to date ($(version))"
  exit 0
fi
# The interpreter: PYTHON, else the version the requirement file names.
minor=$(sed -n 's/^# python: *\([0-9.]*\).*/\1/p' "$requirements" | head -n1)
python=${PYTHON:-}
if [ -z "$python" ] && [ -n "$minor" ]; then
  for candidate in "python$minor" "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"/versions/"$minor".*/bin/python"$minor"; do
    if "$candidate" -c 'import sys' >/dev/null 2>&1; then python=$candidate; break; fi
  done
  if [ -z "$python" ] && python3 -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$minor'.split('.'))))" 2>/dev/null; then python=python3; fi
  [ -n "$python" ] || { echo "python-env: $requirements needs Python $minor: none found on PATH or in pyenv's versions (set PYTHON)" >&2; exit 1; }
fi
python=${python:-python3}
if ! "$python" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "python-env: $python must be Python >= 3.11 with venv and ensurepip (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
echo "Python toolchain: installing $requirements into $PWD/$venv (about a minute)"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
rm -f "$stamp"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
echo "$want" > "$stamp"
echo "Python toolchain: $PWD/$venv ready ($(version))"
