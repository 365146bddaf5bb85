/**
 * What a role module returns: every file-worth of one generated role (tasks,
 * handlers, internal vars, input variables, README steps and tags, Galaxy
 * meta, Molecule scenarios). compile-plan.ts turns it into files.
 */
import type { FileTree } from '../model/file-tree.js';
import type { PhaseEntryPoint } from '../model/roles.js';
import type { ReadmeSteps } from './role-readme.js';
import type { RoleVariable } from './role-variable.js';
import type { Origin } from './origin.js';
import type { Task } from './task.js';

/** A README row: a tag and what it selects. */
export interface TagRow {
  readonly name: string;
  readonly selects: string;
  /** Provenance: the plan entry the tag comes from, when it does (the README row points there). */
  readonly from?: Origin;
}

/** Everything that makes one role. */
export interface RoleParts {
  readonly phase: PhaseEntryPoint;
  readonly shortDescription: string;
  readonly description: readonly string[];
  readonly galaxyTags: readonly string[];
  /** `tasks/<file>.yml`, by file name. */
  readonly tasks: ReadonlyMap<string, Task[]>;
  readonly variables: readonly RoleVariable[];
  /** What the role does, as its README tells it. */
  readonly steps: ReadmeSteps;
  readonly tags: readonly TagRow[];
  /** Molecule scenarios, by name. */
  readonly scenarios: ReadonlyMap<string, FileTree>;
  /** `handlers/<file>.yml`, by file name. */
  readonly handlers: ReadonlyMap<string, Task[]>;
  /** `vars/main.yml`, when the role has internal variables. */
  readonly roleVars: Record<string, unknown> | null;
  /** The role's phases as a Mermaid flowchart (its lines, without the fence), shown in the README. */
  readonly diagram: readonly string[];
  /** Provenance: README lines holding this text, in order, come from this plan entry. */
  readonly readmeOrigins?: readonly { readonly text: string; readonly origin: Origin }[];
}
