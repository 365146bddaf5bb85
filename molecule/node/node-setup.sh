#!/bin/sh
# Runs inside the test node's root filesystem (chroot) after debootstrap:
# makes it look like an EL9 host to ansible-core (which picks the dnf
# backend from the distribution facts) and sets up podman inside it.
set -eu

# A RHEL-family host, as EDPM nodes are. Test node only: never in the roles.
rm -f /etc/os-release
cat > /etc/os-release <<'OS'
NAME="CentOS Stream"
VERSION="9"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="9"
PLATFORM_ID="platform:el9"
PRETTY_NAME="CentOS Stream 9 (edpm-rolegen test node)"
OS
echo "CentOS Stream release 9" > /etc/redhat-release
mkdir -p /etc/dnf/vars /etc/yum.repos.d /etc/ansible/facts.d /var/lib/edpm-fixture
echo 9 > /etc/dnf/vars/releasever
cat > /etc/dnf/dnf.conf <<'DNF'
[main]
gpgcheck=0
installonly_limit=3
clean_requirements_on_remove=True
best=True
skip_if_unavailable=False
reposdir=/etc/yum.repos.d
DNF

# Podman inside the node: vfs storage (no overlay in overlay), runc.
mkdir -p /etc/containers /var/lib/containers/storage /run/containers/storage
cat > /etc/containers/storage.conf <<'ST'
[storage]
driver = "vfs"
runroot = "/run/containers/storage"
graphroot = "/var/lib/containers/storage"
ST
cat > /etc/containers/containers.conf <<'CC'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
netns = "host"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CC
apt-get clean
rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/* /usr/share/locale/*
