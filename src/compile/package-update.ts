/**
 * The targeted dnf update both roles make: its input variables (enable,
 * include, exclude), the task-level variable holding the plan's
 * always-excluded packages, and the dnf task itself.
 */
import { recordListOrigins, type Origin } from './origin.js';
import { task, type Task } from './task.js';
import type { RoleVariable } from './role-variable.js';

/** Variable names of a role's package update (kept from the hand-written roles). */
export interface PackageUpdateVars {
  readonly enablePackages: string;
  readonly includePackages: string;
  readonly excludePackages: string;
  /** Task-level variable holding the plan's always-excluded packages. */
  readonly alwaysExcluded: string;
}

/** The package-update variable names of a role. */
export function packageUpdateVars(role: string): PackageUpdateVars {
  return {
    enablePackages: `${role}_enable_packages_update`,
    includePackages: `${role}_include_packages`,
    excludePackages: `${role}_exclude_packages`,
    alwaysExcluded: `${role}_always_excluded_packages`,
  };
}

/** A bool input variable that switches a step on or off. */
export function switchVariable(name: string, defaultValue: boolean, description: string): RoleVariable {
  return { name, type: 'bool', default: defaultValue, description: [description] };
}

/** The include and exclude list variables of a package update. */
export function packageListVariables(
  vars: PackageUpdateVars,
  include: { readonly default: readonly string[]; readonly description: string; readonly from: Origin },
  excludeDescription: readonly string[],
): RoleVariable[] {
  return [
    {
      name: vars.includePackages,
      type: 'list',
      elements: 'str',
      default: recordListOrigins([...include.default], include.from.pointer, include.from.rule),
      description: [include.description],
      from: include.from,
    },
    { name: vars.excludePackages, type: 'list', elements: 'str', default: [], description: [...excludeDescription] },
  ];
}

/**
 * The dnf task updating the included packages to their latest version,
 * never installing new ones, excluding the union of the given list
 * expressions (variable names or Jinja list expressions).
 */
export function dnfUpdateTask(
  name: string,
  vars: PackageUpdateVars,
  exclusions: readonly string[],
  taskVars: Record<string, unknown>,
  tags: readonly string[],
): Task {
  return task(
    name,
    'ansible.builtin.dnf',
    {
      name: `{{ ${vars.includePackages} }}`,
      state: 'latest',
      update_only: true,
      update_cache: true,
      exclude: `{{ (${exclusions.join(' + ')}) | unique }}`,
    },
    { vars: taskVars, become: true, tags },
  );
}
