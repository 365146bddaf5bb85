#!/usr/bin/env bash
# npm run test:matrix: the generated roles on every ansible-core of the
# matrix (test/matrix/ansible-core.test.ts): 2.16 (the oldest edpm-ansible's
# execution environment accepts), the pinned 2.19 and 2.21 (the newest, on
# Python 3.12). Prepares what it needs first, each step a no-op when done:
# npm and Debian packages, a virtualenv per core (scripts/python-env.sh),
# the Molecule test node. Arguments go to vitest.
#   EDPM_MATRIX_CORES  the cores to run (default "2.16 2.19 2.21")
#   EDPM_MOLECULE_JOBS scenarios run side by side (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
pinned=$(sed -n 's/^ansible-core==\([0-9]*\.[0-9]*\)\..*/\1/p' requirements-python.txt)
export EDPM_MATRIX_CORES=${EDPM_MATRIX_CORES:-2.16 $pinned 2.21}
step() { printf '\n== %s\n' "$*"; }
step "npm packages, Debian packages"
bash scripts/node-deps.sh
bash scripts/system-deps.sh
step "Python toolchains: ansible-core ${EDPM_MATRIX_CORES}"
bash scripts/python-env.sh
for core in $EDPM_MATRIX_CORES; do
  [ "$core" = "$pinned" ] || bash scripts/python-env.sh "$core"
done
export PATH="$PWD/.venv/bin:$PATH"
# shellcheck source=scripts/podman-env.sh
source scripts/podman-env.sh
step "Molecule test node, RPM repositories, service images"
bash molecule/prepare-host.sh
[ -d dist-roles/edpm_update_services/molecule ] || npm run --silent build
step "ansible-core matrix"
report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
npx --no-install vitest run -c vitest.matrix.config.ts --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(`matrix: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$report" 2>/dev/null || true
exit $status
