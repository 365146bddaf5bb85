#!/usr/bin/env bash
# Builds the RPM fixtures (specs/*.spec, tiny noarch packages) with rpmbuild
# on the host into two local dnf repositories made with createrepo_c:
#   OUT/baseline  what the test node has installed before the update
#   OUT/update    the newer versions the update must (or must not) apply
#   OUT/openvswitch/<shape>/{baseline,update}  Open vSwitch as each shape
#                 ships it (plain, rdo-build, rdo-stream, rhoso-build,
#                 rhoso-stream; molecule/README.md), one pair per shape
# OUT is .cache/rpms/<hash of the specs and this script>: built once (about
# 2 s), then reused. Prints OUT on its last line.
#
#   bash molecule/rpms/build-repos.sh                 the standard fixtures
#   bash molecule/rpms/build-repos.sh --generic N...  packages N... from
#       specs/generic.spec (10.0 in baseline, 11.0 in update), for names a
#       plan or scenario uses that have no spec of their own; OUT is then
#       .cache/rpms/generic-<hash of the names and specs>.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
generic=()
if [ "${1:-}" = "--generic" ]; then
  shift
  generic=("$@")
fi
hash=$( { cat "$here/build-repos.sh" "$here"/specs/*.spec; printf '%s\n' "${generic[@]}"; } | sha256sum | cut -c1-12)
if [ "${#generic[@]}" -gt 0 ]; then out="$root/.cache/rpms/generic-$hash"; else out="$root/.cache/rpms/$hash"; fi
if [ -f "$out/.complete" ]; then
  echo "$out"
  exit 0
fi
# One build at a time (scenarios run side by side): a caller that waited
# finds the repositories made.
mkdir -p "$root/.cache/rpms"
exec 9>"$root/.cache/rpms/.build.lock"
flock 9
if [ -f "$out/.complete" ]; then
  echo "$out"
  exit 0
fi
for tool in rpmbuild createrepo_c; do
  command -v "$tool" >/dev/null || { echo "build-repos: $tool is missing: run scripts/system-deps.sh" >&2; exit 1; }
done
mkdir -p "$root/.cache/rpms"
tmp=$(mktemp -d "$root/.cache/rpms/.build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/out/baseline" "$tmp/out/update"

# build REPO SPEC [MACRO=VALUE...]
build() {
  local repo=$1 spec=$2
  shift 2
  mkdir -p "$tmp/out/$repo"
  local defines=(--define "_topdir $tmp/top" --define "_rpmdir $tmp/out/$repo" --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm")
  for kv in "$@"; do defines+=(--define "${kv%%=*} ${kv#*=}"); done
  if ! rpmbuild -bb --nodeps --quiet "${defines[@]}" "$here/specs/$spec.spec" >"$tmp/rpmbuild.log" 2>&1; then
    cat "$tmp/rpmbuild.log" >&2
    exit 1
  fi
}

if [ "${#generic[@]}" -gt 0 ]; then
  for name in "${generic[@]}"; do
    build baseline generic fixture_name="$name" fixture_version=10.0
    build update generic fixture_name="$name" fixture_version=11.0
  done
else
  build baseline edpm-fixture-base
  for name in openstack-selinux edpm-fixture-tools edpm-fixture-libs edpm-fixture-pinned kpatch kpatch-patch; do
    build baseline "$name" fixture_version=1.0
    build update "$name" fixture_version=2.0
  done
  for name in kernel kernel-core; do
    build baseline "$name" fixture_release=1
    build update "$name" fixture_release=2
  done
  # Open vSwitch, one repository pair per shape real repositories ship
  # (openvswitch/<shape>/{baseline,update}); a node sees only its shape's
  # pair. Streams 3.1 (3.1.0-1) and 3.3 (3.3.0-1, then the new build
  # 3.3.0-2, which obsoletes 3.1), each with its pinned subpackages.
  for wrapper in rdo rhoso; do
    # <wrapper>-build: a new build within the stream, the wrapper unchanged.
    build "openvswitch/$wrapper-build/baseline" openvswitch-wrapper fixture_name="$wrapper-openvswitch" fixture_stream=3.3
    build "openvswitch/$wrapper-build/baseline" openvswitch-stream fixture_stream=3.3 fixture_release=1 fixture_obsoletes=3.1
    build "openvswitch/$wrapper-build/update" openvswitch-stream fixture_stream=3.3 fixture_release=2 fixture_obsoletes=3.1
    # <wrapper>-stream: the wrapper bumped to a new stream, whose package
    # replaces the old stream's.
    build "openvswitch/$wrapper-stream/baseline" openvswitch-wrapper fixture_name="$wrapper-openvswitch" fixture_stream=3.1
    build "openvswitch/$wrapper-stream/baseline" openvswitch-stream fixture_stream=3.1 fixture_release=1
    build "openvswitch/$wrapper-stream/update" openvswitch-wrapper fixture_name="$wrapper-openvswitch" fixture_stream=3.3
    build "openvswitch/$wrapper-stream/update" openvswitch-stream fixture_stream=3.3 fixture_release=2 fixture_obsoletes=3.1
  done
  # plain: a package named openvswitch, no wrapper.
  build openvswitch/plain/baseline openvswitch fixture_release=1
  build openvswitch/plain/update openvswitch fixture_release=2
fi
for repo in "$tmp"/out/baseline "$tmp"/out/update "$tmp"/out/openvswitch/*/*; do
  [ -d "$repo" ] && createrepo_c --quiet "$repo"
done
touch "$tmp/out/.complete"
rm -rf "$out"
mv "$tmp/out" "$out"
echo "$out"
