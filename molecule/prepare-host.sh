#!/usr/bin/env bash
# What the Molecule scenarios need on the host, made when missing, quiet and
# well under a second when all is there (the scenarios run it as their
# dependency step; molecule/README.md):
#   - the test-node image localhost/edpm-rolegen-node:<hash>, tagged :latest
#     (node/build.sh, about a minute the first time);
#   - the RPM fixture repositories (rpms/build-repos.sh) and the service
#     images (images/build-images.sh), linked as .cache/molecule/repos and
#     .cache/molecule/images;
# then checks that podman can run a container with the caller's settings,
# as Molecule's podman driver will. Needs podman, runc, debootstrap,
# rpmbuild, createrepo_c and busybox-static (scripts/system-deps.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/.." && pwd -P)
caller_containers_conf=${CONTAINERS_CONF-}
(
  # shellcheck source=../scripts/podman-env.sh
  source "$root/scripts/podman-env.sh"
  bash "$here/node/build.sh" >/dev/null
)
repos=$(bash "$here/rpms/build-repos.sh" | tail -n1)
images=$(bash "$here/images/build-images.sh" | tail -n1)
mkdir -p "$root/.cache/molecule"
ln -sfn "../rpms/${repos##*/}" "$root/.cache/molecule/repos"
ln -sfn "../images/${images##*/}" "$root/.cache/molecule/images"
if [ -n "$caller_containers_conf" ]; then export CONTAINERS_CONF=$caller_containers_conf; else unset CONTAINERS_CONF; fi
if ! out=$(podman run --rm --network none --entrypoint true localhost/edpm-rolegen-node:latest 2>&1); then
  echo "prepare-host: podman cannot run a container with your settings:" >&2
  echo "  $out" >&2
  echo "  source scripts/podman-env.sh (podman settings of the project) and run again" >&2
  exit 1
fi
