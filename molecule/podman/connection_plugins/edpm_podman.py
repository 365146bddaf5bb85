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

import errno
import json
import os
import shlex
import shutil
import subprocess
import tempfile

from ansible.errors import AnsibleError
from ansible.module_utils.common.text.converters import to_bytes, to_native
from ansible.plugins.connection import ConnectionBase, ensure_connect
from ansible.utils.display import Display
from ansible_collections.containers.podman.plugins.connection.podman import Connection as PodmanConnection

display = Display()

# containers.podman 1.21 and later pipeline by themselves (the `ansible`
# releases of ansible-core 2.21 bundle it); 1.16 and 1.18 (ansible-core 2.16,
# 2.19) do not.
NATIVE_PIPELINING = bool(getattr(PodmanConnection, 'has_pipelining', False))

# Where the node containers' main process IDs are kept between tasks (one
# `podman inspect` a node and a run of the scenario, not one a task).
NODE_CACHE = os.path.join(tempfile.gettempdir(), 'edpm-podman-nodes')


class NodeProcess:
    """The main process of a running node container, entered with nsenter.

    `podman exec` costs about 0.3 s on these machines (more while other
    podman commands hold its locks): podman's start, its database, conmon
    and `runc exec`. A command run as root in the node needs none of it:
    `nsenter --all` into the namespaces of the container's main process,
    after joining its cgroups (as `runc exec` does), with the container's
    environment (that of its main process), costs a few milliseconds and
    runs the command where `podman exec` would.
    """

    def __init__(self, pid, container_id):
        self.pid = pid
        self.container_id = container_id
        self.environment = self._environment()
        self.cgroups = self._cgroups()

    @classmethod
    def find(cls, name, podman):
        """The node's process, from the cache if it still runs that container, else from `podman inspect`."""
        path = os.path.join(NODE_CACHE, name)
        try:
            with open(path, encoding='utf-8') as f:
                cached = json.load(f)
            node = cls(int(cached['pid']), cached['id'])
            if node.runs_container():
                return node
        except (OSError, ValueError, KeyError, TypeError):
            pass
        rc, out, _ = podman(['--format', '{{.State.Pid}} {{.Id}}'])
        if rc != 0:
            return None
        pid, container_id = to_native(out).split()
        if int(pid) <= 0:
            return None
        node = cls(int(pid), container_id)
        if not node.runs_container():
            return None
        os.makedirs(NODE_CACHE, exist_ok=True)
        tmp = '%s.%d' % (path, os.getpid())
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump({'pid': node.pid, 'id': node.container_id}, f)
        os.replace(tmp, path)
        return node

    def runs_container(self):
        """Whether the process is still the main process of the container (its cgroups name the container)."""
        return any(self.container_id in path for _, path in self.cgroups)

    def _environment(self):
        try:
            with open('/proc/%d/environ' % self.pid, 'rb') as f:
                entries = f.read().split(b'\0')
        except OSError:
            return {}
        return dict(e.split(b'=', 1) for e in entries if b'=' in e)

    def _cgroups(self):
        """(cgroup.procs file on this host, path) of each hierarchy the process is in."""
        out = []
        try:
            with open('/proc/%d/cgroup' % self.pid, encoding='utf-8') as f:
                lines = f.read().splitlines()
        except OSError:
            return out
        v2_root = '/sys/fs/cgroup/unified' if os.path.isdir('/sys/fs/cgroup/unified') else '/sys/fs/cgroup'
        for line in lines:
            _, controllers, path = line.split(':', 2)
            if controllers == '':
                root = v2_root
            elif controllers.startswith('name='):
                root = '/sys/fs/cgroup/' + controllers[len('name='):]
            else:
                root = '/sys/fs/cgroup/' + controllers
            out.append((os.path.join(root, path.lstrip('/'), 'cgroup.procs'), path))
        return out

    def join_cgroups(self):
        """Moves the calling process into the node's cgroups (run in the child, before nsenter)."""
        for procs, _ in self.cgroups:
            if os.path.exists(procs):
                with open(procs, 'w', encoding='ascii') as f:
                    f.write('0')

    def run(self, argv, in_data=None):
        """Runs argv in the node as root: return code, stdout, stderr."""
        nsenter = shutil.which('nsenter')
        if nsenter is None:
            raise OSError(errno.ENOENT, 'nsenter not found')
        command = [nsenter, '--target', str(self.pid), '--all', '--root', '--wd', '--'] + list(argv)
        display.vvv('RUN %s' % (command,))
        p = subprocess.Popen(
            [to_bytes(c, errors='surrogate_or_strict') for c in command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self.environment,
            preexec_fn=self.join_cgroups,
        )
        stdout, stderr = p.communicate(input=in_data)
        return p.returncode, stdout, stderr


class Connection(PodmanConnection):
    """containers.podman.podman, pipelined; as root, through nsenter instead of `podman exec`."""

    transport = 'edpm_podman'
    has_pipelining = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._mount_tried = False
        self._node = None
        self._node_looked_up = False

    def _remote_user(self):
        user = getattr(self, 'user', None)
        if user is None:
            try:
                user = self.get_option('remote_user')
            except KeyError:
                user = None
        return user

    def _inspect(self, args):
        """`podman inspect ARGS CONTAINER` (the only podman command a root task needs, once a node and a run)."""
        podman = shutil.which(self.get_option('podman_executable')) or 'podman'
        p = subprocess.Popen([podman, 'inspect'] + args + [self._container_id], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = p.communicate()
        return p.returncode, out, err

    def _root_node(self):
        """The node's main process when commands run as root there, else None (then `podman exec --user`)."""
        if self._remote_user() not in (None, '', 'root'):
            return None
        if not self._node_looked_up:
            self._node_looked_up = True
            self._node = NodeProcess.find(self._container_id, self._inspect)
        return self._node

    def _connect(self):
        if NATIVE_PIPELINING:
            return super()._connect()
        # Nothing to set up: neither nsenter nor `podman exec` need a
        # session. Mounting waits for the first file transfer that needs it.
        self._connected = True
        return self

    def _mount(self):
        if not NATIVE_PIPELINING and not self._mount_tried:
            self._mount_tried = True
            PodmanConnection._connect(self)

    @ensure_connect
    def exec_command(self, cmd, in_data=None, sudoable=False):
        """Runs `cmd` in the container; with `in_data` (a pipelined module), on its standard input."""
        node = self._root_node()
        if node is None and (NATIVE_PIPELINING or in_data is None):
            return super().exec_command(cmd, in_data=in_data, sudoable=sudoable)
        # ConnectionBase's bookkeeping only (the parent's would run the command).
        ConnectionBase.exec_command(self, cmd, in_data=in_data, sudoable=sudoable)
        argv = shlex.split(to_native(cmd, errors='surrogate_or_strict'))
        if node is not None:
            return node.run(argv, in_data)
        exec_args = ['exec', '-i']
        if self.user:
            exec_args.extend(('--user', self.user))
        return self._podman(exec_args, argv, in_data)

    def put_file(self, in_path, out_path):
        node = self._root_node()
        if node is None:
            self._mount()
            return super().put_file(in_path, out_path)
        ConnectionBase.put_file(self, in_path, out_path)
        with open(to_bytes(in_path, errors='surrogate_or_strict'), 'rb') as f:
            data = f.read()
        rc, _, stderr = node.run(['sh', '-c', 'cat > "$1"', 'put', out_path], data)
        if rc != 0:
            raise AnsibleError('Failed to copy %s to %s in container %s: %s' % (in_path, out_path, self._container_id, to_native(stderr)))
        return None

    def fetch_file(self, in_path, out_path):
        node = self._root_node()
        if node is None:
            self._mount()
            return super().fetch_file(in_path, out_path)
        ConnectionBase.fetch_file(self, in_path, out_path)
        rc, data, stderr = node.run(['cat', '--', in_path])
        if rc != 0:
            raise AnsibleError('Failed to fetch %s from container %s: %s' % (in_path, self._container_id, to_native(stderr)))
        with open(to_bytes(out_path, errors='surrogate_or_strict'), 'wb') as f:
            f.write(data)
        return None
