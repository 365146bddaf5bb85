#!/usr/bin/env bash
# Creates or updates the project's Python virtualenv (.venv) with the pinned
# versions in requirements-python.txt. Idempotent: a stamp holding the hash of
# the requirements makes a second run a no-op that takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv
stamp="$venv/.requirements.sha256"
want=$(sha256sum requirements-python.txt | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "Python toolchain: $venv is up to date (ansible-core $("$venv/bin/python" -c "import ansible.release as r; print(r.__version__)"))"
  exit 0
fi
python=${PYTHON:-python3}
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-python.txt
echo "$want" > "$stamp"
echo "Python toolchain: $venv ready (ansible-core $("$venv/bin/python" -c "import ansible.release as r; print(r.__version__)"))"
