/**
 * The first task of both roles: gather only local facts when none are there;
 * and what they tell: whether the host is an image-mode (bootc) host.
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

/** A Jinja test true on image-mode (bootc) hosts, from the local fact `bootc`. */
export const IS_BOOTC = 'ansible_local.bootc | default(false) | bool';

/** A Jinja test true on package-mode hosts, where dnf may run. */
export const IS_PACKAGE_MODE = `not (${IS_BOOTC})`;
