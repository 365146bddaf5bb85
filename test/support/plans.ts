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
export const DEFAULT_SERVICES_EXCLUSIONS = ['kernel', 'kernel-core', 'openvswitch', '*openvswitch*'];

/**
 * The built-in plan's update_services steps in order (role, task file,
 * service type or null for the steps every node runs), written out once
 * here for every test that checks an order derived from it.
 */
export const BUILT_IN_STEP_ORDER: readonly { role: string; task: string; serviceType: string | null }[] = [
  ['edpm_podman', 'login', null],
  ['edpm_iscsid', 'update', 'nova'],
  ['edpm_ovn', 'update', 'ovn'],
  ['edpm_ovn', 'run', 'ovn'],
  ['edpm_frr', 'update', 'frr'],
  ['edpm_frr', 'run', 'frr'],
  ['edpm_ovn_bgp_agent', 'update', 'ovn-bgp-agent'],
  ['edpm_ovn_bgp_agent', 'run', 'ovn-bgp-agent'],
  ['edpm_neutron_metadata', 'update', 'neutron-metadata'],
  ['edpm_neutron_metadata', 'run', 'neutron-metadata'],
  ['edpm_neutron_ovn', 'update', 'neutron-ovn'],
  ['edpm_neutron_ovn', 'run', 'neutron-ovn'],
  ['edpm_multipathd', 'update', 'nova'],
  ['edpm_nova', 'update', 'nova'],
  ['edpm_nova', 'install', 'nova'],
  ['edpm_neutron_sriov', 'update', 'neutron-sriov'],
  ['edpm_neutron_sriov', 'run', 'neutron-sriov'],
  ['edpm_neutron_dhcp', 'update', 'neutron-dhcp'],
  ['edpm_neutron_dhcp', 'run', 'neutron-dhcp'],
  ['edpm_telemetry', 'update', 'telemetry'],
  ['edpm_telemetry', 'install', 'telemetry'],
].map(([role, task, serviceType]) => ({ role: role!, task: task!, serviceType: serviceType ?? null }));

/** The module a task calls (its one fully qualified key). */
export function moduleOf(task: any): string {
  const modules = Object.keys(task).filter((k) => k.includes('.'));
  if (modules.length !== 1) throw new Error(`task ${JSON.stringify(task.name)} calls ${modules.length} modules`);
  return modules[0]!;
}

/** The one task of a list with this name; fails loudly when there is none or more. */
export function taskNamed(tasks: any[], name: string | RegExp): any {
  const found = tasks.filter((t) => (typeof name === 'string' ? t.name === name : name.test(String(t.name))));
  if (found.length !== 1) throw new Error(`${found.length} tasks named ${String(name)} in ${JSON.stringify(tasks.map((t) => t.name))}`);
  return found[0];
}

/** The tasks of a list that call a module. */
export function tasksCalling(tasks: any[], module: string): any[] {
  return tasks.filter((t) => t[module] !== undefined);
}

/** The one task of a main.yml that imports (or includes) a task file. */
export function importOf(main: any[], file: string): any {
  const found = main.filter((t) => (t['ansible.builtin.import_tasks'] ?? t['ansible.builtin.include_tasks'])?.file === file);
  if (found.length !== 1) throw new Error(`${found.length} tasks import or include ${file}`);
  return found[0];
}
