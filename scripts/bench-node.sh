#!/usr/bin/env bash
# npm run bench:node: the generated roles on the test node, per phase. Runs
# the update_services and update_system Molecule scenarios (one at a time,
# as a benchmark should) and prints, for each phase (check, converge,
# idempotence, ...), the tasks run on the node and the wall time that the
# profile_tasks callback measured (scripts/scenario-phases.mjs), so that a
# change that adds tasks or time shows. EDPM_ANSIBLE_CORE picks another
# ansible-core of the matrix. Needs what `npm test` prepares.
#
# npm run bench:node -- --compare [PHASE...]: instead, each update phase
# side by side with the stand-in of the hand-written role, on the same node
# image, fixtures and service roles, and the ratio generated / hand-written
# per phase (bench/node/compare.sh; the target of issue 17 is 0.8 at most).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --compare ]; then
  shift
  exec bash bench/node/compare.sh "$@"
fi
core=${EDPM_ANSIBLE_CORE:-}
logs=()
for scenario in update_services update_system; do
  bash molecule/run-scenario.sh "$scenario" test
  logs+=(".cache/molecule-logs/$scenario${core:+-core$core}.log")
done
node scripts/scenario-phases.mjs "${logs[@]}"
