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
  /** Task-level variables of the assert that no included package is excluded. */
  readonly exclusionPattern: string;
  readonly refusedPackages: string;
  /** Registered result of the update of the installed ones (what it found not installed). */
  readonly updateResult: string;
}

/** The package-update variable names of a role. */
export function packageUpdateVars(role: string): PackageUpdateVars {
  return {
    enablePackages: `${role}_enable_packages_update`,
    includePackages: `${role}_include_packages`,
    excludePackages: `${role}_exclude_packages`,
    alwaysExcluded: `${role}_always_excluded_packages`,
    exclusionPattern: `${role}_exclusion_pattern`,
    refusedPackages: `${role}_refused_packages`,
    updateResult: `${role}_packages_update`,
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
 * expressions (variable names or Jinja list expressions); with a condition,
 * without refreshing the metadata when a task before it just did
 * (`updateCache`, true by default, may be a Jinja expression), and its
 * result registered (`register`: what it found not installed).
 */
export function dnfUpdateTask(
  name: string,
  vars: PackageUpdateVars,
  exclusions: readonly string[],
  taskVars: Record<string, unknown>,
  tags: readonly string[],
  options: { readonly when?: string; readonly updateCache?: boolean | string; readonly register?: string } = {},
): Task {
  const { when, updateCache = true, register } = options;
  return task(
    name,
    'ansible.builtin.dnf',
    {
      name: `{{ ${vars.includePackages} }}`,
      state: 'latest',
      update_only: true,
      update_cache: updateCache,
      exclude: `{{ (${exclusions.join(' + ')}) | unique }}`,
    },
    { vars: taskVars, ...(register === undefined ? {} : { register }), ...(when === undefined ? {} : { when }), become: true, tags },
  );
}

/**
 * What ansible-core's dnf module (and dnf5 module) adds to `results` for each
 * name that `state: latest, update_only: true` left alone because no package
 * of that name is installed ("Packages providing NAME not installed due to
 * update_only specified", the same text in ansible-core 2.16 to 2.21; the
 * matrix's toolchain test reads it in each core's modules).
 */
export const DNF_UPDATE_ONLY_NOT_INSTALLED = 'not installed due to update_only specified';

/** A Jinja test on a registered dnf `update_only` result: it left a name alone because nothing of that name is installed. */
export function updateOnlyFoundMissing(register: string): string {
  return `${register}.results | default([]) | select('search', '${DNF_UPDATE_ONLY_NOT_INSTALLED}') | list | length > 0`;
}

/**
 * The dnf task installing the included packages that are not installed yet,
 * at the newest version dnf finds (what `state: latest` did for them in the
 * hand-written roles), with the same exclusions; with a condition, and
 * without refreshing the metadata when a task before it just did.
 */
export function dnfInstallMissingTask(
  name: string,
  vars: PackageUpdateVars,
  exclusions: readonly string[],
  taskVars: Record<string, unknown>,
  tags: readonly string[],
  options: { readonly when?: string; readonly updateCache?: boolean } = {},
): Task {
  const { when, updateCache = true } = options;
  return task(
    name,
    'ansible.builtin.dnf',
    {
      name: `{{ ${vars.includePackages} }}`,
      state: 'present',
      update_cache: updateCache,
      exclude: `{{ (${exclusions.join(' + ')}) | unique }}`,
    },
    { vars: taskVars, ...(when === undefined ? {} : { when }), become: true, tags },
  );
}

/**
 * A Jinja expression: one regular expression matching, whole, any name that
 * one of the given dnf exclusion globs (`*`, `?`, `[...]`) matches.
 */
export function exclusionPattern(exclusions: readonly string[]): string {
  const globs = String.raw`map('regex_escape') | map('regex_replace', '\\\*', '.*') | map('regex_replace', '\\\?', '.') | map('regex_replace', '\\([][-])', '\1')`;
  return `{{ '(?:' ~ ((${exclusions.join(' + ')}) | ${globs} | join('|')) ~ ')$' }}`;
}

/**
 * An assert, before any change, that no included package is excluded: dnf
 * would fail on it ("All matches were filtered out by exclude filtering")
 * after the earlier steps had run. Names both variables and the packages.
 */
export function excludedPackagesAssertTask(
  name: string,
  vars: PackageUpdateVars,
  exclusions: readonly string[],
  taskVars: Record<string, unknown>,
  alwaysExcludedWording: string,
  keywords: { readonly when: readonly string[]; readonly tags: readonly string[] },
): Task {
  const excluded = vars.refusedPackages;
  const pattern = vars.exclusionPattern;
  return task(
    name,
    'ansible.builtin.assert',
    {
      that: [`${excluded} | length == 0`],
      fail_msg:
        `${vars.includePackages} asks for {{ ${excluded} | join(', ') }}, which ${vars.excludePackages} ` +
        `or ${alwaysExcludedWording} ({{ ${vars.alwaysExcluded} | join(', ') }}) exclude: dnf would fail on them ` +
        '(All matches were filtered out by exclude filtering). Remove each from one of the two lists.',
      quiet: true,
    },
    {
      vars: { ...taskVars, [pattern]: exclusionPattern(exclusions), [excluded]: `{{ ${vars.includePackages} | select('match', ${pattern}) | list }}` },
      when: keywords.when,
      tags: keywords.tags,
    },
  );
}
