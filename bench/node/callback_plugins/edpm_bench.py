# Bench only (npm run bench:node -- --compare): counts, per playbook run, the
# tasks that reached the node and the wall time, and prints one line
#   EDPM-BENCH {"seconds": S, "tasks": N, "node_tasks": M, "slowest": [...]}
# at the end. A task "reaches the node" when it has a result (not skipped)
# and its action runs a module there: controller-side actions (assert,
# set_fact, fail, debug, include/import, validate_argument_spec, meta) and
# tasks delegated to localhost do not count. Each node task is one round
# trip through the connection. Tasks of the included service roles (the
# fixture collection's roles, osp.edpm.*: the same in both runs of a
# comparison) are also counted apart, so that the report can show the
# update role's own part.
from __future__ import annotations

import json
import time

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
    name: edpm_bench
    type: aggregate
    short_description: tasks that reached the node, and wall time (edpm-rolegen bench)
    description:
      - Prints one EDPM-BENCH JSON line at the end of the playbook.
"""

CONTROLLER_ACTIONS = {
    'assert', 'set_fact', 'fail', 'debug', 'include_tasks', 'import_tasks', 'include_role', 'import_role',
    'include_vars', 'validate_argument_spec', 'meta', 'add_host', 'group_by', 'set_stats', 'pause',
}


def _short(action):
    return action.rsplit('.', 1)[-1] if action else ''


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'edpm_bench'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super().__init__()
        self._start = None
        self._task_start = {}
        self._tasks = 0
        self._node_tasks = 0
        self._times = []
        self._all = []
        self._service_seconds = 0.0
        self._service_node_tasks = 0

    def v2_playbook_on_start(self, playbook):
        self._start = time.monotonic()

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._task_start[task._uuid] = time.monotonic()

    v2_playbook_on_handler_task_start = v2_playbook_on_task_start

    def _service_role(self, task, seconds, on_node):
        role = task._role.get_name() if task._role is not None else ''
        if '.' in role:
            self._service_seconds += seconds
            if on_node:
                self._service_node_tasks += 1

    def _result(self, result):
        task = result._task
        self._tasks += 1
        started = self._task_start.get(task._uuid, self._start)
        seconds = time.monotonic() - started
        self._all.append((round(seconds, 2), _short(task.action), task.get_name()))
        delegated = task.delegate_to not in (None, '') and str(task.delegate_to) in ('localhost', '127.0.0.1')
        on_node = _short(task.action) not in CONTROLLER_ACTIONS and not delegated
        self._service_role(task, seconds, on_node)
        if on_node:
            self._node_tasks += 1
            self._times.append((round(time.monotonic() - started, 2), task.get_name()))

    def v2_runner_on_skipped(self, result):
        task = result._task
        started = self._task_start.get(task._uuid, self._start)
        seconds = time.monotonic() - started
        self._all.append((round(seconds, 2), 'skipped', task.get_name()))
        self._service_role(task, seconds, False)

    v2_runner_on_ok = _result
    v2_runner_on_failed = lambda self, result, ignore_errors=False: self._result(result)

    def v2_playbook_on_stats(self, stats):
        seconds = time.monotonic() - (self._start or time.monotonic())
        self._times.sort(reverse=True)
        self._display.display('EDPM-BENCH ' + json.dumps({
            'seconds': round(seconds, 2),
            'tasks': self._tasks,
            'node_tasks': self._node_tasks,
            'service_role_seconds': round(self._service_seconds, 2),
            'service_role_node_tasks': self._service_node_tasks,
            'node_task_times': [[t, n] for t, n in self._times],
            'task_times': [list(x) for x in self._all],
        }))
