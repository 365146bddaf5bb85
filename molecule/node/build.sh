#!/usr/bin/env bash
# Builds the Molecule test-node image from Debian packages (no registry is
# reachable): debootstrap a minimal bookworm with packages.txt, make it look
# like an EL9 host with podman inside (node-setup.sh, run in a chroot), and
# import it into podman as localhost/edpm-rolegen-node:<hash of this
# recipe>; also tagged :latest, the name the Molecule scenarios use. Builds
# only when that tag is missing (about a minute; downloads cached in
# .cache/debootstrap), else takes well under a second. Prints the image
# reference on its last line. Needs root, debootstrap and podman.
#   DEBIAN_MIRROR  the mirror to debootstrap from (default: the host's
#                  Debian mirror from its apt sources, else deb.debian.org)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../../scripts/podman-env.sh
source "$root/scripts/podman-env.sh"
repo=localhost/edpm-rolegen-node
hash=$(cat "$here/build.sh" "$here/node-setup.sh" "$here/packages.txt" | sha256sum | cut -c1-12)
image="$repo:$hash"
mkdir -p "$root/.cache/node"
exec 9>"$root/.cache/node/build.lock"
flock 9 # one build at a time; a waiting caller then finds the image
if podman image exists "$image"; then
  podman tag "$image" "$repo:latest"
  echo "$image"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "node/build.sh: building $image needs root (debootstrap, chroot)" >&2
  exit 1
fi
command -v debootstrap >/dev/null || { echo "node/build.sh: debootstrap is missing: run scripts/system-deps.sh" >&2; exit 1; }
mirror=${DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
  mirror=$(grep -hsoE '^(URIs:|deb)[[:space:]]+https?://[^[:space:]]+/debian/?([[:space:]]|$)' \
    /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null |
    awk '{print $2}' | head -n1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
fi
work=$(mktemp -d "$root/.cache/node/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$root/.cache/debootstrap"
echo "node/build.sh: building $image (debootstrap bookworm from $mirror, about a minute)" >&2
SECONDS=0
if ! debootstrap --variant=minbase --include="$(grep -v '^#' "$here/packages.txt" | paste -sd, -)" \
  --cache-dir="$root/.cache/debootstrap" bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log" >&2
  exit 1
fi
cp "$here/node-setup.sh" "$work/rootfs/tmp/node-setup.sh"
chroot "$work/rootfs" /bin/sh /tmp/node-setup.sh
rm -f "$work/rootfs/tmp/node-setup.sh"
tar --numeric-owner -C "$work/rootfs" -cf "$work/node.tar" .
rm -rf "$work/rootfs"
podman import --quiet --change 'CMD ["sleep", "infinity"]' --change STOPSIGNAL=SIGKILL "$work/node.tar" "$image" >/dev/null
podman tag "$image" "$repo:latest"
# Drop the images of older recipes (ignored while a container still uses one).
podman images --format '{{.Repository}}:{{.Tag}}' "$repo" | grep -vxF -e "$image" -e "$repo:latest" |
  xargs -r podman rmi >/dev/null 2>&1 || true
echo "node/build.sh: built $image in ${SECONDS}s" >&2
echo "$image"
