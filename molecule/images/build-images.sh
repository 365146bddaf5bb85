#!/usr/bin/env bash
# Builds the service images the test node's own podman runs, as root
# filesystem tarballs for `podman import` inside the node (no registry):
#   service-v1.tar, service-v2.tar  a fixture service (busybox and the
#       fixture-service entry point); /VERSION says v1 or v2
#   bystander.tar                   a container the roles must leave alone
# into .cache/images/<hash of this recipe>, built once (well under a
# second). Prints that folder on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
hash=$(cat "$here/build-images.sh" "$here/fixture-service" | sha256sum | cut -c1-12)
out="$root/.cache/images/$hash"
if [ -f "$out/.complete" ]; then
  echo "$out"
  exit 0
fi
# One build at a time (scenarios run side by side).
mkdir -p "$root/.cache/images"
exec 9>"$root/.cache/images/.build.lock"
flock 9
if [ -f "$out/.complete" ]; then
  echo "$out"
  exit 0
fi
busybox=/bin/busybox
if [ ! -x "$busybox" ] || [[ "$(ldd "$busybox" 2>&1)" != *"not a dynamic"* ]]; then
  echo "build-images: a static $busybox is needed: install busybox-static (scripts/system-deps.sh)" >&2
  exit 1
fi
mkdir -p "$root/.cache/images"
tmp=$(mktemp -d "$root/.cache/images/.build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/out"
# image NAME VERSION: a root filesystem tarball NAME.tar
image() {
  local fs="$tmp/$1"
  mkdir -p "$fs/bin" "$fs/fixture" "$fs/tmp"
  cp "$busybox" "$fs/bin/busybox"
  for applet in sh sleep cat echo ls mkdir; do ln -s busybox "$fs/bin/$applet"; done
  install -m 0755 "$here/fixture-service" "$fs/bin/fixture-service"
  echo "$2" > "$fs/VERSION"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$fs" -cf "$tmp/out/$1.tar" .
}
image service-v1 v1
image service-v2 v2
image bystander bystander
touch "$tmp/out/.complete"
rm -rf "$out"
mv "$tmp/out" "$out"
echo "$out"
