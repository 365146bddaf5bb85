#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those missing:
#   podman, runc, containernetworking-plugins  Molecule's podman driver
#       (runc: crun cannot set the rlimits on these machines, see
#       scripts/podman-env.sh)
#   rpm (rpmbuild), createrepo-c               the RPM fixture repositories
#   dnf, python3-dnf                           dnf as the test node has it
#   debootstrap, debian-archive-keyring        the test-node image
#   busybox-static                             the service images
#   python3-venv                               the project's virtualenv
# A no-op taking a few hundredths of a second when all are there; runs
# apt-get update only when it must install. Needs Debian 12 (or a
# derivative with apt) and root for the install.
set -euo pipefail
packages=(podman runc containernetworking-plugins rpm createrepo-c dnf python3-dnf
  debootstrap debian-archive-keyring busybox-static python3-venv)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages: all ${#packages[@]} present"
  exit 0
fi
if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
  echo "system-deps: this is not Debian (no apt-get); install the equivalents of: ${missing[*]}" >&2
  exit 1
fi
. /etc/os-release 2>/dev/null || true
if [ "${ID:-}" != debian ] || [ "${VERSION_ID:-}" != 12 ]; then
  echo "system-deps: warning: made for Debian 12, this is ${PRETTY_NAME:-unknown}; trying anyway" >&2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing ${missing[*]}: run as root, or: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "Debian packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Debian packages: installed ${#missing[@]}"
