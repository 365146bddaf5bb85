# The test node's connection: containers.podman.podman with pipelining.
#
# Test-only (edpm-rolegen's Molecule scenarios; see molecule/README.md). Every
# podman command costs a few hundred milliseconds on these machines, and the
# collection's plugin spends four on each task: `podman mount`, then `podman
# exec` to make the temporary folder, to make the module executable and to
# run it (the module itself is copied in through the mount). This subclass
# keeps its behaviour and options and adds pipelining: the module goes to the
# node's Python on the standard input of one `podman exec -i`, so a task
# costs one podman command; the container is mounted only when a file is
# actually copied (copy, template, fetch). With a collection that pipelines
# by itself (containers.podman 1.21 and later) it only turns pipelining on.
from __future__ import annotations

DOCUMENTATION = """
    name: edpm_podman
    short_description: Run tasks in a podman container, pipelined
    description:
      - containers.podman.podman, plus pipelining (one C(podman exec -i) a task) and a lazy C(podman mount).
    extends_documentation_fragment:
      - connection_pipelining
    options:
      remote_addr:
        description: The ID of the container.
        default: inventory_hostname
        vars:
          - name: ansible_host
          - name: inventory_hostname
          - name: ansible_podman_host
      remote_user:
        description: The user that runs commands inside the container.
        ini:
          - section: defaults
            key: remote_user
        env:
          - name: ANSIBLE_REMOTE_USER
        vars:
          - name: ansible_user
      podman_extra_args:
        description: Extra arguments to pass to the podman command line.
        default: ''
        ini:
          - section: defaults
            key: podman_extra_args
        vars:
          - name: ansible_podman_extra_args
        env:
          - name: ANSIBLE_PODMAN_EXTRA_ARGS
      podman_executable:
        description: Executable for podman command.
        default: podman
        vars:
          - name: ansible_podman_executable
        env:
          - name: ANSIBLE_PODMAN_EXECUTABLE
      # The options below are read by containers.podman 1.21 and later only.
      container_timeout:
        description: Seconds a podman command may take (0, no limit).
        default: 0
        type: int
        vars:
          - name: ansible_podman_timeout
      mount_detection:
        description: Whether files are copied through a mount of the container.
        default: true
        type: bool
        vars:
          - name: ansible_podman_mount_detection
      ignore_mount_errors:
        description: Whether a failed mount falls back to C(podman cp).
        default: true
        type: bool
        vars:
          - name: ansible_podman_ignore_mount_errors
      extra_env_vars:
        description: More environment variables for the commands in the container.
        default: {}
        type: dict
        vars:
          - name: ansible_podman_extra_env
      privilege_escalation_method:
        description: How the collection escalates privileges inside the container.
        default: auto
        choices: [auto, sudo, su, none]
        type: str
        vars:
          - name: ansible_podman_privilege_escalation
      working_directory:
        description: Working folder of the commands in the container.
        type: str
        vars:
          - name: ansible_podman_working_directory
"""

import shlex

from ansible.module_utils.common.text.converters import to_native
from ansible.plugins.connection import ensure_connect
from ansible_collections.containers.podman.plugins.connection.podman import Connection as PodmanConnection


# containers.podman 1.21 and later pipeline by themselves (the `ansible`
# releases of ansible-core 2.21 bundle it); 1.16 and 1.18 (ansible-core 2.16,
# 2.19) do not.
NATIVE_PIPELINING = bool(getattr(PodmanConnection, 'has_pipelining', False))


class Connection(PodmanConnection):
    """containers.podman.podman, pipelined."""

    transport = 'edpm_podman'
    has_pipelining = True

    if not NATIVE_PIPELINING:

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._mount_tried = False

        def _connect(self):
            # Nothing to set up: `podman exec` needs no session. Mounting
            # waits for the first file transfer.
            self._connected = True
            return self

        def _mount(self):
            if not self._mount_tried:
                self._mount_tried = True
                super()._connect()

        @ensure_connect
        def exec_command(self, cmd, in_data=None, sudoable=False):
            """Runs `cmd` in the container; with `in_data` (a pipelined module), on its standard input."""
            if in_data is None:
                return super().exec_command(cmd, in_data=None, sudoable=sudoable)
            # ConnectionBase's bookkeeping only (the parent's would run the command without -i).
            super(PodmanConnection, self).exec_command(cmd, in_data=in_data, sudoable=sudoable)
            exec_args = ['exec', '-i']
            if self.user:
                exec_args.extend(('--user', self.user))
            return self._podman(exec_args, shlex.split(to_native(cmd, errors='surrogate_or_strict')), in_data)

        def put_file(self, in_path, out_path):
            self._mount()
            return super().put_file(in_path, out_path)

        def fetch_file(self, in_path, out_path):
            self._mount()
            return super().fetch_file(in_path, out_path)
