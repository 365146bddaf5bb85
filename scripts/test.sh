#!/usr/bin/env bash
# npm test: the whole test suite. Prepares what it needs first, each step a
# no-op when already done: npm packages, the Debian packages (podman, rpm,
# dnf, ...; installed only when missing, and only as root), the project's
# Python virtualenv (.venv: ansible-core, ansible-lint, molecule, ...) and
# the Molecule test-node image, RPM repositories and service images; then runs every Vitest project: unit,
# toolchain (the real Ansible tools) and molecule (real containers).
# Arguments are passed to vitest, e.g. `npm test -- --project unit`.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }
started=$EPOCHSECONDS

step "npm packages"
bash scripts/node-deps.sh
step "Debian packages"
bash scripts/system-deps.sh
step "Python toolchain (.venv)"
bash scripts/python-env.sh
export PATH="$PWD/.venv/bin:$PATH"
# shellcheck source=scripts/podman-env.sh
source scripts/podman-env.sh
step "Molecule test node, RPM repositories, service images"
SECONDS=0
bash molecule/prepare-host.sh
echo "Molecule resources ready in ${SECONDS}s"
step "tests"
tests_started=$EPOCHSECONDS
report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
# One plain closing line, whatever reads the log.
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$report" 2>/dev/null || true
# The times the closing note of a change quotes (each scenario's time is in
# the Molecule file's output above).
echo "npm test took $((EPOCHSECONDS - started))s (tests $((EPOCHSECONDS - tests_started))s)"
exit $status
