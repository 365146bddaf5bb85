/**
 * The combined playbooks/update.yml of a plan that rolls both phases out,
 * run by the real ansible-playbook of .venv: which hosts each play runs
 * together (its `serial` batches), where a failure stops it (its
 * `max_fail_percentage`), and what the next play gets. The playbook is the
 * generated one, unchanged; the two roles it includes are stand-ins (the
 * real ones update packages and containers, which this machine must not),
 * each a task that prints the hosts of the current batch
 * (`ansible_play_batch`), what the monolithic variable names were mapped to,
 * and fails or ends the host where the test asks. The hosts are aliases of
 * localhost (`ansible_connection=local`): no node is needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { loadPlanFile } from '../../src/plan/load.js';
import { computeWaves } from '../../src/rollout/waves.js';
import { collectionLayout, requireToolchain, runTool, VENV_BIN, type CollectionLayout } from '../support/ansible-toolchain.js';
import { ROOT } from '../support/paths.js';

const PLAN = join(ROOT, 'test', 'fixtures', 'plans', 'rollout-both-phases.yaml');
const plan = loadPlanFile(PLAN);
/** Seven nodes, in inventory order. */
const HOSTS = Array.from({ length: 7 }, (_, i) => `compute-${i}`);

let layout: CollectionLayout;
let work: string;

/**
 * A stand-in for a generated role: prints the play's current batch and the
 * role's variable mapped from the monolithic name; fails on the hosts in
 * `<role>_fail_on`, ends the play for those in `<role>_end_on` (as the real
 * role's rollout progress does, `meta: end_host`, on a node that completed
 * the phase under the same rollout id). Each task carries the tags a task of
 * the role's packages step carries (edpm_update, the role's, the step's).
 */
function standIn(role: string, mapped: string): string {
  const tags = ['edpm_update', role, `${role}_packages`];
  return stringify([
    { name: `Stand in for ${role}: end the play for this node`, 'ansible.builtin.meta': 'end_host', when: `inventory_hostname in (${role}_end_on | default([]))`, tags },
    { name: `Stand in for ${role}: report the batch`, 'ansible.builtin.debug': { msg: `RAN ${role} {{ inventory_hostname }} BATCH {{ ansible_play_batch | join(',') }} MAPPED {{ ${mapped} | default('unset') }}` }, tags },
    { name: `Stand in for ${role}: fail where asked`, 'ansible.builtin.fail': { msg: 'asked to fail' }, when: `inventory_hostname in (${role}_fail_on | default([]))`, tags },
  ]);
}

/** The two generated roles the combined playbook runs, one play each. */
type Role = 'edpm_update_system' | 'edpm_update_services';
const isRole = (name: string): name is Role => name === 'edpm_update_system' || name === 'edpm_update_services';

interface Run {
  readonly status: number | null;
  /** Per role: the batches as the role saw them, in order (each the hosts of ansible_play_batch). */
  readonly batches: Record<Role, string[][]>;
  /** Per role: the hosts that ran it (sorted: within a batch, hosts report in any order). */
  readonly ran: Record<Role, string[]>;
  /** Per role: the value each host saw of its mapped variable. */
  readonly mapped: Record<Role, Set<string>>;
  readonly output: string;
}

function runUpdate(extraVars: Record<string, unknown>, playbook = 'update.yml', selection: readonly string[] = []): Run {
  // edpm_service_types: as the node set's inventory gives it (the services role's defaults read it)
  const vars = { edpm_service_types: ['ovn', 'nova'], ...extraVars };
  const r = runTool('ansible-playbook', ['-i', join(work, 'inventory.ini'), '-e', JSON.stringify(vars), ...selection, join(layout.dir, 'playbooks', playbook)], work, layout.root);
  const batches: Record<Role, string[][]> = { edpm_update_system: [], edpm_update_services: [] };
  const ran: Record<Role, string[]> = { edpm_update_system: [], edpm_update_services: [] };
  const mapped: Record<Role, Set<string>> = { edpm_update_system: new Set(), edpm_update_services: new Set() };
  for (const m of r.output.matchAll(/"msg": "RAN (\S+) (\S+) BATCH (\S+) MAPPED (.*)"/gu)) {
    const [, role, host, batch, value] = m as unknown as [string, string, string, string, string];
    if (!isRole(role)) throw new Error(`a stand-in reported an unknown role ${role}:\n${r.output}`);
    ran[role].push(host);
    mapped[role].add(value);
    const last = batches[role].at(-1);
    if (last === undefined || last.join(',') !== batch) batches[role].push(batch.split(','));
  }
  for (const hosts of Object.values(ran)) hosts.sort((a, b) => Number(a.slice('compute-'.length)) - Number(b.slice('compute-'.length)));
  return { status: r.status, batches, ran, mapped, output: r.output };
}

beforeAll(() => {
  requireToolchain();
  layout = collectionLayout(compilePlan(plan), plan.collection);
  writeFileSync(join(layout.dir, 'roles', 'edpm_update_system', 'tasks', 'main.yml'), standIn('edpm_update_system', 'edpm_update_system_enable_kpatch'));
  writeFileSync(join(layout.dir, 'roles', 'edpm_update_services', 'tasks', 'main.yml'), standIn('edpm_update_services', 'edpm_update_services_running_services'));
  work = mkdtempSync(join(tmpdir(), 'rolegen-batches-'));
  const python = join(VENV_BIN, 'python');
  writeFileSync(join(work, 'inventory.ini'), `${HOSTS.map((h) => `${h} ansible_connection=local ansible_python_interpreter=${python}`).join('\n')}\n`);
});
afterAll(() => {
  rmSync(layout.root, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('the combined update.yml of a plan rolling both phases out, run by ansible-playbook', () => {
  it("runs each phase in its own rollout's batches, system then services, with the monolithic names mapped in each play", () => {
    const r = runUpdate({ edpm_update_enable_kpatch: true, edpm_update_running_services: ['ovn'] });
    expect(r.status, r.output).toBe(0);
    // update-system: canary 1, "50%" of 7 (3), the rest; update-services: canary 1, waves of 2, the rest
    expect(r.batches.edpm_update_system).toEqual([['compute-0'], ['compute-1', 'compute-2', 'compute-3'], ['compute-4', 'compute-5', 'compute-6']]);
    expect(r.batches.edpm_update_services).toEqual([['compute-0'], ['compute-1', 'compute-2'], ['compute-3', 'compute-4'], ['compute-5', 'compute-6']]);
    // the waves `edpm-rolegen rollout` writes for the same nodes are the same batches
    for (const [key, role] of [['updateSystem', 'edpm_update_system'], ['updateServices', 'edpm_update_services']] as const) {
      expect(computeWaves(HOSTS, plan.rollout[key]!).map((w) => [...w.nodes]), role).toEqual(r.batches[role]);
    }
    // every node finishes update-system before any starts update-services
    const order = [...r.output.matchAll(/"msg": "RAN (\S+) /gu)].map((m) => m[1]);
    expect(order.lastIndexOf('edpm_update_system')).toBeLessThan(order.indexOf('edpm_update_services'));
    expect([...r.mapped.edpm_update_system]).toEqual(['True']);
    expect([...r.mapped.edpm_update_services]).toEqual(["['ovn']"]);
  });

  it('takes the per-phase serial variables as the phase playbooks do', () => {
    const r = runUpdate({ edpm_update_system_serial: 4, edpm_update_services_serial: '100%' });
    expect(r.status, r.output).toBe(0);
    expect(r.batches.edpm_update_system).toEqual([HOSTS.slice(0, 4), HOSTS.slice(4)]);
    expect(r.batches.edpm_update_services).toEqual([HOSTS]);
  });

  it("tolerates update-system's budget (1 node of a wave) and leaves the failed node out of the services play", () => {
    const r = runUpdate({ edpm_update_system_fail_on: ['compute-2'] });
    expect(r.status).not.toBe(0);
    expect(r.ran.edpm_update_system).toEqual(HOSTS);
    expect(r.ran.edpm_update_services).toEqual(HOSTS.filter((h) => h !== 'compute-2'));
  });

  it("stops the run beyond update-system's budget: no later batch, no services play", () => {
    const r = runUpdate({ edpm_update_system_fail_on: ['compute-1', 'compute-2'] });
    expect(r.status).not.toBe(0);
    expect(r.ran.edpm_update_system).toEqual(['compute-0', 'compute-1', 'compute-2', 'compute-3']);
    expect(r.ran.edpm_update_services).toEqual([]);
  });

  it("stops update-services at its first failure (budget 0) in a wave", () => {
    const r = runUpdate({ edpm_update_services_fail_on: ['compute-3'] });
    expect(r.status).not.toBe(0);
    expect(r.ran.edpm_update_system).toEqual(HOSTS);
    expect(r.ran.edpm_update_services).toEqual(['compute-0', 'compute-1', 'compute-2', 'compute-3', 'compute-4']);
  });

  it('maps the monolithic names and includes the roles under a tag selection (an operator\'s ansibleTags); a role\'s tag skips it', () => {
    const legacy = { edpm_update_enable_kpatch: true, edpm_update_running_services: ['ovn'] };
    const all = runUpdate(legacy, 'update.yml', ['--tags', 'edpm_update']);
    expect(all.status, all.output).toBe(0);
    expect(all.ran.edpm_update_system).toEqual(HOSTS);
    expect(all.ran.edpm_update_services).toEqual(HOSTS);
    expect([...all.mapped.edpm_update_system]).toEqual(['True']);
    expect([...all.mapped.edpm_update_services]).toEqual(["['ovn']"]);
    const step = runUpdate(legacy, 'update.yml', ['--tags', 'edpm_update_system_packages']);
    expect(step.status, step.output).toBe(0);
    expect(step.ran.edpm_update_system).toEqual(HOSTS);
    expect([...step.mapped.edpm_update_system]).toEqual(['True']);
    expect(step.ran.edpm_update_services).toEqual([]);
    const skip = runUpdate(legacy, 'update.yml', ['--skip-tags', 'edpm_update_system']);
    expect(skip.status, skip.output).toBe(0);
    expect(skip.ran.edpm_update_system).toEqual([]);
    expect([...skip.mapped.edpm_update_services]).toEqual(["['ovn']"]);
  });

  it('runs update-services on a node whose update-system play ended early (the progress skip ends only its own play)', () => {
    const r = runUpdate({ edpm_update_system_end_on: ['compute-0'] });
    expect(r.status, r.output).toBe(0);
    expect(r.ran.edpm_update_system).toEqual(HOSTS.slice(1));
    expect(r.ran.edpm_update_services).toEqual(HOSTS);
  });
});

describe('the phase playbooks of the same plan: the failure budget in a run of its own', () => {
  it('update_system.yml lets one node of a wave fail (budget 1) and goes on; two stop it', () => {
    // batches [compute-0], [compute-1..3], [compute-4..6]: a failure in the second lets the third run, two do not
    const within = runUpdate({ edpm_update_system_fail_on: ['compute-2'] }, 'update_system.yml');
    expect(within.ran.edpm_update_system).toEqual(HOSTS);
    const beyond = runUpdate({ edpm_update_system_fail_on: ['compute-2', 'compute-3'] }, 'update_system.yml');
    expect(beyond.ran.edpm_update_system).toEqual(HOSTS.slice(0, 4));
    const canary = runUpdate({ edpm_update_system_fail_on: ['compute-0'] }, 'update_system.yml');
    expect(canary.ran.edpm_update_system).toEqual(['compute-0']);
  });

  it('update_services.yml with a budget given for one run (-e edpm_update_services_max_fail_percentage=50) lets one of a wave of two fail', () => {
    const r = runUpdate({ edpm_update_services_fail_on: ['compute-1'], edpm_update_services_max_fail_percentage: 50 }, 'update_services.yml');
    expect(r.ran.edpm_update_services).toEqual(HOSTS);
    const budget0 = runUpdate({ edpm_update_services_fail_on: ['compute-1'] }, 'update_services.yml');
    expect(budget0.ran.edpm_update_services).toEqual(['compute-0', 'compute-1', 'compute-2']);
  });
});
