/**
 * Runs the real Ansible tools of the project virtualenv (.venv) on generated
 * trees laid out as a collection, so that fully qualified names resolve.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileTree } from '../../src/model/file-tree.js';
import type { UpdatePlan } from '../../src/model/plan.js';
import { writeTree } from '../../src/write/write-tree.js';
import { ROOT } from './paths.js';

/** The virtualenv's bin folder. */
export const VENV_BIN = join(ROOT, '.venv', 'bin');

/**
 * The bin folder of the virtualenv of an ansible-core of the matrix
 * (`.venv-core2.16`, made by `bash scripts/python-env.sh 2.16`), or of the
 * pinned toolchain (`.venv`) for the pinned version.
 */
export function venvBinOf(core: string, pinned: string): string {
  return core === pinned ? VENV_BIN : join(ROOT, `.venv-core${core}`, 'bin');
}

/** Fails with a clear message when the toolchain is missing (the test command creates it). */
export function requireToolchain(): void {
  if (!existsSync(join(VENV_BIN, 'ansible-lint'))) {
    throw new Error('the Python toolchain is missing: run `bash scripts/python-env.sh` (npm test does it)');
  }
}

/** A generated tree laid out as `<root>/ansible_collections/<ns>/<name>/{roles,playbooks}`. */
export interface CollectionLayout {
  /** The folder to put on ANSIBLE_COLLECTIONS_PATH. */
  readonly root: string;
  /** The collection folder. */
  readonly dir: string;
}

/** A service role a layout stands in for: its name and the task files the generated roles include from it. */
export interface StubRole {
  readonly role: string;
  readonly tasks: readonly string[];
}

/**
 * Do-nothing stand-ins for every role the plan's tasks include (the service
 * roles of its steps, and edpm_ovs when the Open vSwitch step includes it),
 * so that every role resolves.
 */
export function stubsOf(plan: UpdatePlan): StubRole[] {
  const ovs = plan.updateSystem.openvswitch.tasks;
  return [...plan.updateServices.alwaysBefore, ...plan.updateServices.containerSteps, ...(ovs.kind === 'role' ? [{ role: ovs.role, tasks: ovs.tasks }] : [])];
}

/**
 * Lays a compiled tree out as a collection: the two roles under `roles/`,
 * the playbooks under `playbooks/`. With `stubs`, adds do-nothing service
 * roles with those task files, for tools that resolve every role.
 */
export function collectionLayout(tree: FileTree, collection: string, stubs: readonly StubRole[] = []): CollectionLayout {
  const root = mkdtempSync(join(tmpdir(), 'rolegen-col-'));
  const [ns, name] = collection.split('.') as [string, string];
  const dir = join(root, 'ansible_collections', ns, name);
  const built = join(root, 'built');
  writeTree(built, tree);
  mkdirSync(join(dir, 'roles'), { recursive: true });
  for (const role of ['edpm_update_services', 'edpm_update_system']) cpSync(join(built, role), join(dir, 'roles', role), { recursive: true });
  cpSync(join(built, 'playbooks'), join(dir, 'playbooks'), { recursive: true });
  for (const stub of stubs) {
    const tasks = join(dir, 'roles', stub.role, 'tasks');
    mkdirSync(tasks, { recursive: true });
    for (const file of [...stub.tasks, 'main']) {
      writeFileSync(join(tasks, `${file}.yml`), `---\n- name: Stand in for ${stub.role} ${file}\n  ansible.builtin.debug:\n    msg: ${stub.role} ${file}\n`);
    }
  }
  return { root, dir };
}

/** What a tool printed and returned. */
export interface ToolRun {
  readonly status: number | null;
  readonly output: string;
  readonly seconds: number;
}

/** Runs a tool of the virtualenv (default: `.venv`) in `cwd` with the collection on the path. */
export function runTool(tool: string, args: readonly string[], cwd: string, collectionsPath?: string, extraEnv: Record<string, string> = {}, bin = VENV_BIN): ToolRun {
  const start = process.hrtime.bigint();
  const r = spawnSync(join(bin, tool), args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      ANSIBLE_NOCOLOR: '1',
      NO_COLOR: '1',
      ANSIBLE_FORCE_COLOR: '0',
      ANSIBLE_COLLECTIONS_PATH: collectionsPath ?? '',
      ANSIBLE_LOCALHOST_WARNING: 'false',
      ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
      ...extraEnv,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
