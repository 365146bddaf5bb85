#!/usr/bin/env python3
"""Starts or removes a scenario's test-node containers, all at once.

    nodes.py create PLATFORMS_JSON    (molecule.yml's platforms)
    nodes.py destroy PLATFORMS_JSON

Test-only (edpm-rolegen's Molecule scenarios; molecule/README.md): the
scenarios' create.yml and destroy.yml run it in one task, in place of the
podman driver's playbooks, which spend most of their time waiting: each
starts or removes the containers as asynchronous jobs, then polls them
with Ansible's default retry delay of 5 s, and its create spends a dozen
more tasks on Dockerfiles, images and networks that a prebuilt node image
does not need. Here every node is started (or removed) by its own podman
command, side by side, and the command returns once all have finished.

create runs each node as the driver does (`podman run --detach`, named and
with the hostname of its platform, label owner=molecule, --privileged when
the platform says so, the platform's image and command), replacing a
container left from an earlier run of the same name. destroy removes them
(podman rm --force --time 0: the node image's stop signal is SIGKILL
anyway), and is a no-op for nodes that do not exist.
"""
import json
import os
import shlex
import subprocess
import sys

# The platform keys this script honours; any other is refused rather than
# silently dropped (the driver's playbook would honour it).
KNOWN = {'name', 'image', 'pre_build_image', 'privileged', 'command', 'groups'}


def podman():
    return os.environ.get('MOLECULE_PODMAN_EXECUTABLE') or 'podman'


def create_argv(platform):
    argv = [podman(), 'run', '--detach', '--replace', '--name', platform['name'], '--hostname', platform['name'], '--label', 'owner=molecule']
    if platform.get('privileged'):
        argv.append('--privileged')
    argv.append(platform['image'])
    command = platform.get('command')
    argv += shlex.split(command) if isinstance(command, str) else list(command or [])
    return argv


def destroy_argv(platform):
    return [podman(), 'rm', '--force', '--ignore', '--time', '0', platform['name']]


def main(args):
    if len(args) != 2 or args[0] not in ('create', 'destroy'):
        print('usage: nodes.py create|destroy PLATFORMS_JSON', file=sys.stderr)
        return 2
    action, platforms = args[0], json.loads(args[1])
    for platform in platforms:
        unknown = set(platform) - KNOWN
        if unknown:
            print(f"nodes.py: platform {platform.get('name')}: unsupported keys {sorted(unknown)}", file=sys.stderr)
            return 2
        if action == 'create' and not platform.get('pre_build_image'):
            print(f"nodes.py: platform {platform['name']}: only prebuilt images (pre_build_image: true)", file=sys.stderr)
            return 2
    argv_of = create_argv if action == 'create' else destroy_argv
    runs = [(p['name'], subprocess.Popen(argv_of(p), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)) for p in platforms]
    status = 0
    for name, run in runs:
        out, err = run.communicate()
        if run.returncode != 0:
            status = 1
            print(f'{action} {name}: podman exited with {run.returncode}: {err.strip()}', file=sys.stderr)
        else:
            print(f'{action} {name}: {out.strip() or "ok"}')
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
