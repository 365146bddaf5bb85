#!/usr/bin/env bash
# npm run bench:node -- --compare: each update phase run by the generated
# role and by the stand-in of the hand-written role (handwritten/, see its
# README), side by side on the same node image, the same RPM fixtures and
# Open vSwitch shape, the same fixture service roles and the same role
# variables (the Molecule scenario's data/scenario.yml). For each phase, two
# fresh nodes are made and prepared by the scenario's own prepare.yml (one
# for each role); then each role runs on its node twice: `update` (the real
# update: packages, Open vSwitch, containers) and `rerun` (nothing left to
# do; repeated EDPM_BENCH_RERUNS times, default 3, the median kept). Prints,
# per phase and run, the tasks that reached the node (callback_plugins/
# edpm_bench.py) and the wall time of each role, and the ratio
# generated / hand-written: the hand-written role is the floor measured in
# the same run. Target (issue 17): at most 0.8 on every line.
# EDPM_BENCH_PAIRS=N (default 1) prepares N node pairs per phase, so that the
# update too is a median of N runs (the roles alternate which goes first).
#   bash bench/node/compare.sh [PHASE...]   (update_services, update_system; default both)
# EDPM_BENCH_GENERATED=DIR compares the generated roles of DIR (e.g. another
# checkout's dist-roles, to measure before a change) instead of dist-roles/.
# Needs what `npm test` prepares (Debian packages, .venv, node image) and
# `npm run build` (dist-roles).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd -P)
here=$root/bench/node
phases=("$@")
[ ${#phases[@]} -gt 0 ] || phases=(update_services update_system)
reruns=${EDPM_BENCH_RERUNS:-3}
pairs=${EDPM_BENCH_PAIRS:-1}
export PATH="$root/.venv/bin:$PATH"
# shellcheck source=../../scripts/podman-env.sh
source "$root/scripts/podman-env.sh"
bash "$root/molecule/prepare-host.sh" >/dev/null
image=${EDPM_ROLEGEN_NODE_IMAGE:-localhost/edpm-rolegen-node:latest}
suffix=$(printf %s "$root" | sha256sum | cut -c1-8)
work=$root/.cache/bench-node
rm -rf "$work"
mkdir -p "$work"

# phase -> scenario whose prepare and data it uses, and the node's group there
# (update_system: the plain Open vSwitch shape, which the hand-written
# edpm_ovs update handles: `dnf update openvswitch` finds the package itself).
scenario_of() { echo "$1"; }
group_of() { case $1 in update_system) echo plain ;; *) echo nodes ;; esac; }
node_of() { echo "edpm-rolegen-bench-${1//_/-}-$2${3:+-$3}-$suffix"; }

nodes=()
cleanup() { [ ${#nodes[@]} -eq 0 ] || podman rm -f "${nodes[@]}" >/dev/null 2>&1 || true; }
trap cleanup EXIT

export ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 ANSIBLE_REMOTE_TMP=/tmp/.ansible-tmp \
  ANSIBLE_CONNECTION_PLUGINS=$root/molecule/podman/connection_plugins \
  EDPM_ROLEGEN_MOLECULE_DIR=$root/molecule EDPM_ROLEGEN_FIXTURES_DIR=$root/.cache/molecule

for phase in "${phases[@]}"; do
  case $phase in update_services | update_system) ;; *) echo "compare: unknown phase $phase" >&2; exit 2 ;; esac
  group=$(group_of "$phase")
  {
    echo "all:"
    echo "  vars:"
    echo "    ansible_connection: edpm_podman"
    echo "    ansible_pipelining: true"
    echo "    ansible_python_interpreter: /usr/bin/python3"
    echo "  children:"
    echo "    $group:"
    echo "      hosts:"
    for ((p = 0; p < pairs; p++)); do
      for variant in handwritten generated; do
        node=$(node_of "$phase" "$variant" "$p")
        nodes+=("$node")
        echo "        $node: {}"
      done
    done
  } >"$work/$phase.inventory.yml"
  for ((p = 0; p < pairs; p++)); do
    for variant in handwritten generated; do
      node=$(node_of "$phase" "$variant" "$p")
      podman rm -f "$node" >/dev/null 2>&1 || true
      podman run -d --name "$node" --hostname "$node" --privileged "$image" sleep infinity >/dev/null
    done
  done
done

# Prepare the phases' nodes side by side (not measured).
pids=()
for phase in "${phases[@]}"; do
  scenario=$(scenario_of "$phase")
  (
    export MOLECULE_EPHEMERAL_DIRECTORY=$work/state-$phase
    export ANSIBLE_COLLECTIONS_PATH=$work/state-$phase/collections
    ansible-playbook -i "$work/$phase.inventory.yml" "$root/dist-roles/edpm_$phase/molecule/$scenario/prepare.yml" \
      >"$work/prepare-$phase.log" 2>&1 || { echo "compare: prepare of $phase failed (log: ${work#"$root/"}/prepare-$phase.log)" >&2; exit 1; }
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

# One run of a phase's role on its node; appends "phase run variant JSON" to results.
run_role() {
  local phase=$1 run=$2 variant=$3 pair=$4 node log roles
  node=$(node_of "$phase" "$variant" "$pair")
  roles=${EDPM_BENCH_GENERATED:-$root/dist-roles}
  [ "$variant" = generated ] || roles=$here/handwritten
  log=$work/$phase-$run-$variant-$pair.log
  if ! ANSIBLE_ROLES_PATH=$roles ANSIBLE_COLLECTIONS_PATH=$work/state-$phase/collections \
    ANSIBLE_CALLBACK_PLUGINS=$here/callback_plugins ANSIBLE_CALLBACKS_ENABLED=edpm_bench \
    EDPM_BENCH_DATA=$root/dist-roles/edpm_$phase/molecule/$(scenario_of "$phase")/data/scenario.yml \
    ansible-playbook -i "$work/$phase.inventory.yml" --limit "$node" "$here/playbooks/$phase.yml" >>"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "compare: $variant $phase ($run) failed (log: ${log#"$root/"})" >&2
    exit 1
  fi
  echo "$phase $run $variant $(grep '^EDPM-BENCH ' "$log" | tail -n1 | cut -d' ' -f2-)" >>"$work/results.txt"
}

# Alternate which role goes first, so that neither always runs on a warmer machine.
order_of() { if (($1 % 2 == 0)); then echo handwritten generated; else echo generated handwritten; fi; }
for phase in "${phases[@]}"; do
  for ((p = 0; p < pairs; p++)); do
    for variant in $(order_of "$p"); do run_role "$phase" update "$variant" "$p"; done
  done
  for ((i = 0; i < reruns; i++)); do
    for variant in $(order_of $((i + 1))); do run_role "$phase" rerun "$variant" $((i % pairs)); done
  done
done

node "$here/compare-report.mjs" "$work/results.txt"
