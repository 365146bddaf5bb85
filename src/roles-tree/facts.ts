/**
 * Roles-tree facts: what a scan of a roles folder found, as plain data. The
 * rule, the service-type mapping, the audit and plan derivation read these;
 * only the scan touches the disk.
 */
import type { TaskFileNames } from '../model/task-files.js';
import type { Diagnostic } from '../core/diagnostics.js';

/** Where a task file manages containers: the first line that does, and what it uses there. */
export interface ContainerEvidence {
  readonly line: number;
  /** What the line uses, e.g. `edpm_container_manage`, `containers.podman`, `a quadlet`. */
  readonly what: string;
}

/** A task file of a role: its base name and the file name on disk (`.yml` or `.yaml`). */
export interface TaskFileFact {
  readonly base: string;
  readonly file: string;
  /**
   * Whether the file manages containers (see container-evidence.ts); read
   * only for roles with update entry points, absent for the others.
   */
  readonly containers?: ContainerEvidence | null;
}

/** One role folder with a valid name. */
export interface RoleFact {
  readonly name: string;
  /** Path of the role folder as given (root joined with the name). */
  readonly path: string;
  /** Task files in `tasks/`, sorted by base name. */
  readonly taskFiles: readonly TaskFileFact[];
}

/** Everything a scan found. */
export interface RolesTreeFacts {
  /** The roles folder, as given. */
  readonly root: string;
  /** Roles with valid names, sorted by name. */
  readonly roles: readonly RoleFact[];
  /** What the scan skipped and why (bad names, links that loop, files where folders belong). */
  readonly problems: readonly Diagnostic[];
}

/** The role that owns the Open vSwitch update tasks in edpm-ansible: phase 2's, never a container step. */
export { OVS_ROLE } from '../model/roles.js';

/** The update entry points: task files a minor update may include. */
export const ENTRY_POINTS = ['update', 'run', 'install'] as const;
export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** The entry points a role has, in the order update, run, install. */
export function entryPointsOf(role: RoleFact): EntryPoint[] {
  return ENTRY_POINTS.filter((e) => role.taskFiles.some((t) => t.base === e));
}

/** The first task file of a role that manages containers, with where; null when none does. */
export function containerEvidenceOf(role: RoleFact): { readonly file: string; readonly evidence: ContainerEvidence } | null {
  for (const t of role.taskFiles) if (t.containers) return { file: t.file, evidence: t.containers };
  return null;
}

/** The task file names of a scanned tree, for the compiler: what exists (`.yml` or `.yaml`), else `<base>.yml`. */
export function taskFileNamesOf(facts: RolesTreeFacts): TaskFileNames {
  const byRole = new Map(facts.roles.map((r) => [r.name, new Map(r.taskFiles.map((t) => [t.base, t.file]))]));
  return (role, base) => byRole.get(role)?.get(base) ?? `${base}.yml`;
}
