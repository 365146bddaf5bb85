#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (podman and runc for
# Molecule; rpm, dnf, createrepo-c for the RPM fixtures; debootstrap and
# busybox-static for the test-node and service images), only those missing.
# A no-op, in well under a second, when all are there.
set -euo pipefail
packages=(podman runc containernetworking-plugins rpm dnf python3-dnf createrepo-c debootstrap busybox-static python3-venv)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages: all ${#packages[@]} present"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "system-deps: missing ${missing[*]}, and there is no apt-get: install them with your package manager" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing ${missing[*]}: run as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Debian packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Debian packages: installed ${#missing[@]}"
