#!/usr/bin/env bash
# Builds the Molecule test-node image from Debian packages (no registry is
# reachable): debootstrap a minimal bookworm, make it look like an EL9 host
# (node-setup.sh), import it into podman. The tag is a hash of this recipe,
# so the image is built once and rebuilt only when the recipe changes.
# Prints the image reference on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../../scripts/podman-env.sh
source "$root/scripts/podman-env.sh"
hash=$(cat "$here/build.sh" "$here/node-setup.sh" "$here/packages.txt" | sha256sum | cut -c1-12)
image="localhost/edpm-rolegen-node:$hash"
if podman image exists "$image"; then
  echo "$image"
  exit 0
fi
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d "${TMPDIR:-/tmp}/edpm-rolegen-node.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "building $image (debootstrap from $mirror)" >&2
debootstrap --variant=minbase --include="$(paste -sd, "$here/packages.txt")" bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  exit 1
}
cp "$here/node-setup.sh" "$work/rootfs/tmp/node-setup.sh"
chroot "$work/rootfs" /bin/sh /tmp/node-setup.sh
rm -f "$work/rootfs/tmp/node-setup.sh"
tar -C "$work/rootfs" -cf "$work/node.tar" .
podman import --quiet --change 'CMD ["sleep", "infinity"]' "$work/node.tar" "$image" >/dev/null
echo "$image"
