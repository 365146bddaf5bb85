/**
 * The first task of both roles: gather only local facts when none are there,
 * with the package manager in the same round trip; and what they tell:
 * whether the host is an image-mode (bootc) host.
 */
import { task, type Task } from './task.js';

/**
 * The facts the first task keeps: the local facts, the package manager,
 * and the two facts every `setup` run sets (`gather_subset`, `module_setup`,
 * which the hand-written roles' local-facts gathering set too).
 *
 * Why the package manager: `ansible.builtin.dnf` (an action plugin since
 * ansible-core 2.15) picks its backend from the `pkg_mgr` fact and, when
 * that fact is unknown, first runs `setup` on the node to learn it: one more
 * module run inside the first dnf task of a play that gathered no facts (the
 * hand-written roles pay it in their first dnf task, which then sets the
 * fact). Gathered here, it costs nothing more (its collector reads the
 * distribution facts, filtered out of what is kept), and the backend is still
 * chosen on the node, as before.
 */
export const GATHERED_FACTS = ['ansible_local', 'ansible_pkg_mgr', 'gather_subset', 'module_setup'] as const;

/** Gathers the local facts (`ansible_local`) and the package manager when the local facts are undefined. */
export function gatherLocalFactsTask(tags: readonly string[]): Task {
  return task(
    'Gather local facts',
    'ansible.builtin.setup',
    { gather_subset: ['!all', '!min', 'local', 'pkg_mgr'], filter: [...GATHERED_FACTS] },
    { when: 'ansible_local is not defined', become: true, tags },
  );
}

/** A Jinja test true on image-mode (bootc) hosts, from the local fact `bootc`. */
export const IS_BOOTC = 'ansible_local.bootc | default(false) | bool';

/** A Jinja test true on package-mode hosts, where dnf may run. */
export const IS_PACKAGE_MODE = `not (${IS_BOOTC})`;
