# Podman settings of the project, without touching /etc: source it
# (`source scripts/podman-env.sh`) before running podman or Molecule.
# CONTAINERS_CONF points podman at molecule/podman/containers.conf (runc,
# modest default ulimits): on these machines the default runtime cannot
# raise the default rlimits (cgroups are hybrid v1/v2), so without it
# `podman run` fails with "error setting rlimits". Storage stays podman's
# default (/var/lib/containers/storage). Idempotent.
_edpm_rolegen_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CONTAINERS_CONF="$_edpm_rolegen_root/molecule/podman/containers.conf"
unset _edpm_rolegen_root
