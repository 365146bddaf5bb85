/**
 * Plans for tests: the built-in one, and variations of it built as data.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { parsePlan } from '../../src/plan/load.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { FileTree } from '../../src/model/file-tree.js';
import type { UpdatePlan } from '../../src/model/plan.js';
import { DEFAULT_PLAN } from './paths.js';

/** The built-in plan file as plain data. */
export function defaultPlanData(): Record<string, any> {
  return parse(readFileSync(DEFAULT_PLAN, 'utf8')) as Record<string, any>;
}

/** Validates plan data (as if read from a file named `name`). */
export function planFrom(data: unknown, name = 'test-plan.yaml'): UpdatePlan {
  return parsePlan(stringify(data), name);
}

/** The default plan, changed by `edit` before validation. */
export function editedPlan(edit: (data: Record<string, any>) => void): UpdatePlan {
  const data = defaultPlanData();
  edit(data);
  return planFrom(data);
}

/** Compiles plan data. */
export function compileData(data: unknown): FileTree {
  return compilePlan(planFrom(data));
}

/** A generated YAML file of a tree, parsed as Ansible would (YAML 1.1). */
export function yamlOf(tree: FileTree, path: string): any {
  const text = tree.get(path);
  if (text === undefined) throw new Error(`no file ${path} in the tree`);
  return parse(text, { version: '1.1' });
}

/** Every task of a task list, blocks flattened, with the blocks themselves. */
export function allTasks(tasks: any[]): any[] {
  return tasks.flatMap((t) => (Array.isArray(t.block) ? [t, ...allTasks(t.block)] : [t]));
}

/**
 * What the built-in plan and the plan defaults exclude from phase 1, written
 * out here (not taken from src/) so that a change of it shows in the tests.
 */
export const DEFAULT_SERVICES_EXCLUSIONS = ['kernel', 'kernel-core', 'openvswitch', 'openvswitch[0-9]*', 'rdo-openvswitch', 'rhoso-openvswitch'];
