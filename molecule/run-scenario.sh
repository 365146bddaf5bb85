#!/usr/bin/env bash
# Runs a Molecule scenario of the generated roles on real containers and
# prints one line with its result and time; the full log goes to
# .cache/molecule-logs/<scenario>.log and is printed only on failure (or
# always with EDPM_MOLECULE_VERBOSE=1).
#
#   bash molecule/run-scenario.sh SCENARIO [MOLECULE ARGS...]   (default: test)
#
# SCENARIO is update_services, update_system, update_system_kpatch or
# update_system_bootc, run from dist-roles/<role>/molecule/SCENARIO (the
# compiler emits it there: npm run build). EDPM_ROLES_DIR=DIR runs it on the
# roles of DIR instead (e.g. built from another plan, or a deliberately
# broken copy, to see a scenario fail), staged in .cache/stage/SCENARIO so
# that the scenario finds the repository's molecule/ at the same relative
# place.
# EDPM_ANSIBLE_CORE=2.16 (or 2.21) runs it with that ansible-core, from the
# matrix virtualenv .venv-core2.16 (scripts/python-env.sh 2.16), instead of
# the pinned one of .venv.
# Prepares what it needs (Python virtualenv, podman settings);
# the Debian packages must be there (scripts/system-deps.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
scenario=${1:?usage: run-scenario.sh SCENARIO [MOLECULE ARGS...]}
shift
[ $# -gt 0 ] || set -- test
case "$scenario" in
  update_services | update_services_*) role=edpm_update_services ;;
  update_system | update_system_*) role=edpm_update_system ;;
  *) echo "run-scenario: unknown scenario $scenario" >&2; exit 2 ;;
esac
roles=$(cd "${EDPM_ROLES_DIR:-$root/dist-roles}" && pwd -P)
[ -d "$roles/$role/tasks" ] || { echo "run-scenario: $roles/$role is missing: npm run build" >&2; exit 1; }
core=${EDPM_ANSIBLE_CORE:-}
venv=$root/.venv${core:+-core$core}
bash "$root/scripts/python-env.sh" $core >/dev/null
export PATH="$venv/bin:$PATH"
# shellcheck source=../scripts/podman-env.sh
source "$root/scripts/podman-env.sh"
# Node containers are named after the scenario and this checkout, so that
# two checkouts on one machine, or two ansible-cores, can run the same
# scenario side by side.
export EDPM_ROLEGEN_NODE_SUFFIX=${EDPM_ROLEGEN_NODE_SUFFIX:-$(printf %s "$root" | sha256sum | cut -c1-8)${core:+-core${core//./}}}
# Molecule's own state (inventory, state.yml, collections) is by default in
# ~/.ansible/tmp/molecule.<hash of the role folder's base name>.<scenario>:
# the same folder for every checkout, so two checkouts running one scenario
# overwrite each other's inventory. Keep it in this checkout.
state=$root/.cache/molecule-state/$scenario${core:+-core${core//./}}
# A whole test starts from empty state: its sequence has no destroy first
# (create replaces any node left from an interrupted run), and Molecule skips
# create and prepare when its state says they were done.
if [ "$1" = test ] && [ -z "${MOLECULE_EPHEMERAL_DIRECTORY:-}" ]; then rm -rf "$state"; fi
export MOLECULE_EPHEMERAL_DIRECTORY=${MOLECULE_EPHEMERAL_DIRECTORY:-$state}
export ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 PY_COLORS=0 NO_COLOR=1
# Each playbook of the log ends with its wall time and its slowest tasks.
export ANSIBLE_CALLBACKS_ENABLED=${ANSIBLE_CALLBACKS_ENABLED:-ansible.posix.profile_tasks,ansible.posix.timer}

[ -f "$roles/$role/molecule/$scenario/molecule.yml" ] ||
  { echo "run-scenario: $roles/$role has no scenario $scenario: npm run build" >&2; exit 2; }
if [ -z "${EDPM_ROLES_DIR:-}" ]; then
  project="$root/dist-roles/$role"
  from="dist-roles/$role/molecule/$scenario"
else
  # A stage for each scenario (and ansible-core), so that scenarios of
  # other roles run side by side (the rollout scenarios do).
  stage="$root/.cache/stage/$scenario${core:+-core${core//./}}"
  project="$stage/dist-roles/$role"
  from="$roles/$role/molecule/$scenario, staged"
  mkdir -p "$stage/dist-roles"
  ln -sfn ../../../molecule "$stage/molecule"
  ln -sfn ../.. "$stage/.cache"
  rm -rf "$stage/dist-roles/playbooks"
  # Every role of DIR: the update-system scenarios run phase 1 too.
  for dir in "$roles"/*/; do
    [ -d "$dir/tasks" ] || continue
    rm -rf "$stage/dist-roles/$(basename "$dir")"
    cp -r "$dir" "$stage/dist-roles/$(basename "$dir")"
  done
  # The generated playbooks, which a scenario may run (update_services_rollout).
  if [ -d "$roles/playbooks" ]; then cp -r "$roles/playbooks" "$stage/dist-roles/playbooks"; fi
fi

mkdir -p "$root/.cache/molecule-logs"
log="$root/.cache/molecule-logs/$scenario${core:+-core$core}.log"
times=$(mktemp)
trap 'rm -f "$times"' EXIT
# Molecule's "[scenario > action] Executing/Executed" lines, kept with the
# seconds since the start (in the log, and for the summary line).
stamp() {
  local start=${EPOCHREALTIME//[!0-9]/} line now
  while IFS= read -r line; do
    case $line in
      *"] Executing" | *"] Executed: "*)
        now=$(((${EPOCHREALTIME//[!0-9]/} - start) / 100000))
        now=$((now / 10)).$((now % 10))
        printf '%s %s\n' "$now" "$line" >>"$times"
        printf '%s (at %ss)\n' "$line" "$now" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done
}
# "create 3s, prepare 8s, ...": each action's time, from its Executing line
# to its Executed line.
summary() {
  awk '/\] Executing$/ { a = $0; sub(/.*> /, "", a); sub(/\].*/, "", a); t = $1 }
       /\] Executed: / && a != "" { printf "%s%s %.0fs", sep, a, $1 - t; sep = ", "; a = "" }' "$times"
}
SECONDS=0
status=0
if [ "${EDPM_MOLECULE_VERBOSE:-0}" = 1 ]; then
  (cd "$project" && molecule "$@" -s "$scenario") 2>&1 | stamp | tee "$log" || status=$?
else
  (cd "$project" && molecule "$@" -s "$scenario") 2>&1 | stamp >"$log" || status=$?
fi
if [ "$status" -eq 0 ]; then
  echo "molecule $* -s $scenario ($from${core:+, ansible-core $core}): passed in ${SECONDS}s ($(summary))"
else
  [ "${EDPM_MOLECULE_VERBOSE:-0}" = 1 ] || tail -n 120 "$log"
  echo "molecule $* -s $scenario ($from${core:+, ansible-core $core}): FAILED after ${SECONDS}s ($(summary); log: ${log#"$root/"})"
fi
exit "$status"
