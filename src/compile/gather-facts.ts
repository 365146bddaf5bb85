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

/**
 * More facts the first task gathers in the same round trip, on a condition
 * known only at run time (a role variable): a subset and the facts of it to
 * keep. A later task that needs them gathers them itself when they are
 * still undefined (the first task is skipped when the local facts are
 * there already).
 */
export interface MoreFacts {
  readonly subset: string;
  readonly facts: readonly string[];
  /** A Jinja test (of role variables only). */
  readonly when: string;
}

/**
 * The tags of the first task: `always` besides the role's own. Every step of
 * the roles reads `ansible_local` (the bootc guard), so a selection of one
 * step (`--tags edpm_update_system_packages`, `--tags ovs`) must still gather
 * it: without it, `ansible_local.bootc` is undefined, an image-mode host looks
 * like a package-mode one (dnf runs there) and the bootc step is skipped.
 * A step tag on this task instead would make `--skip-tags` of that step skip
 * it too; `always` is skipped only by `--skip-tags always` or a role tag.
 */
export function gatherLocalFactsTags(roleTags: readonly string[]): string[] {
  return [...roleTags, 'always'];
}

/**
 * Gathers the local facts (`ansible_local`) and the package manager when
 * the local facts are undefined; with `more`, also its subset when its
 * condition holds. `roleTags`: the role's own tags (see gatherLocalFactsTags).
 */
export function gatherLocalFactsTask(roleTags: readonly string[], more?: MoreFacts): Task {
  const subset = ['!all', '!min', 'local', 'pkg_mgr'];
  // Fixed names of ours (no plan value): a Jinja list literal.
  const gatherSubset = more === undefined ? subset : `{{ [${subset.map((s) => `'${s}'`).join(', ')}] + (['${more.subset}'] if ${more.when} else []) }}`;
  return task(
    'Gather local facts',
    'ansible.builtin.setup',
    { gather_subset: gatherSubset, filter: [...GATHERED_FACTS, ...(more?.facts ?? [])] },
    { when: 'ansible_local is not defined', become: true, tags: gatherLocalFactsTags(roleTags) },
  );
}

/** A Jinja test true on image-mode (bootc) hosts, from the local fact `bootc`. */
export const IS_BOOTC = 'ansible_local.bootc | default(false) | bool';

/** A Jinja test true on package-mode hosts, where dnf may run. */
export const IS_PACKAGE_MODE = `not (${IS_BOOTC})`;
