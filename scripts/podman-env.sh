# Sourced by the test scripts: podman settings of the project, without
# touching /etc (see molecule/podman/containers.conf).
_edpm_rolegen_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CONTAINERS_CONF="$_edpm_rolegen_root/molecule/podman/containers.conf"
unset _edpm_rolegen_root
