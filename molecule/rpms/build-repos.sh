#!/usr/bin/env bash
# Builds the RPM fixtures with rpmbuild into two local dnf repositories:
#   <out>/baseline  what the test node has installed before the update
#   <out>/update    the newer versions the update must (or must not) apply
# <out> is .cache/rpms/<hash of the specs and this script>, built once;
# prints it on the last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
hash=$(cat "$here/build-repos.sh" "$here"/specs/*.spec | sha256sum | cut -c1-12)
out="$root/.cache/rpms/$hash"
if [ -f "$out/.complete" ]; then
  echo "$out"
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/baseline" "$out/update"
top=$(mktemp -d "${TMPDIR:-/tmp}/edpm-rolegen-rpms.XXXXXX")
trap 'rm -rf "$top"' EXIT

# build REPO SPEC VERSION RELEASE [STREAM]
build() {
  local repo=$1 spec=$2 version=$3 release=$4 stream=${5:-none}
  rpmbuild -bb --nodeps --quiet \
    --define "_topdir $top" \
    --define "fixture_version $version" \
    --define "fixture_release $release" \
    --define "fixture_stream $stream" \
    "$here/specs/$spec.spec" >/dev/null
  find "$top/RPMS" -name '*.rpm' -exec mv {} "$out/$repo/" \;
}

build baseline edpm-fixture-base 1.0 1
for name in openstack-selinux edpm-fixture-tools edpm-fixture-libs edpm-fixture-pinned kpatch openvswitch; do
  build baseline "$name" 1.0 1
  build update "$name" 2.0 1
done
for name in kernel kernel-core; do
  build baseline "$name" 5.14.0 1
  build update "$name" 5.14.0 2
done
build baseline openvswitch3.1 3.1.0 1
build update openvswitch3.3 3.3.0 1
build baseline rdo-openvswitch 1.0 1 openvswitch3.1
build update rdo-openvswitch 2.0 1 openvswitch3.3
for repo in baseline update; do createrepo_c --quiet "$out/$repo"; done
touch "$out/.complete"
echo "$out"
