/**
 * The first task of both roles: gather only local facts when none are there.
 */
import { task, type Task } from './task.js';

/** Gathers the local facts (`ansible_local`) when they are undefined. */
export function gatherLocalFactsTask(tags: readonly string[]): Task {
  return task(
    'Gather local facts',
    'ansible.builtin.setup',
    { gather_subset: ['!all', '!min', 'local'] },
    { when: 'ansible_local is not defined', become: true, tags },
  );
}
