import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { readServicesRole, roleInTree } from '../../../src/import/services-role-reader.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { ansibleBool, globMatches, nodeRun, updateServicesRun, updateSystemRun, type RunStep } from '../../../src/show/node-run.js';
import { rolegenProcess } from '../../support/cli.js';

/** The bundled executable, in a child process: these tests also read what it prints relative to its working folder. */
const rolegen = rolegenProcess;
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';
import { defaultPlanData, planFrom } from '../../support/plans.js';

const PLANS = [DEFAULT_PLAN, join(ROOT, 'plans', 'examples', 'minimal.yaml'), join(ROOT, 'plans', 'examples', 'downstream.yaml')];
const includes = (steps: readonly RunStep[]) => steps.flatMap((s) => (s.kind === 'include' ? [s.journal] : []));

describe('show: what a node runs', () => {
  // The update_services Molecule scenario of each plan runs its own set of
  // service types and checks, on the node, the journal of the task files
  // that ran (data/scenario.yml, expect.journal); test/molecule ties the
  // journal the node actually logged to show. Here: show against the data.
  for (const planPath of PLANS) {
    it(`matches the update_services scenario's service set and journal for ${planPath.slice(ROOT.length)}`, () => {
      const plan = loadPlanFile(planPath);
      const data = parse(compilePlan(plan).get('edpm_update_services/molecule/update_services/data/scenario.yml')!) as Record<string, any>;
      const run = updateServicesRun(plan, {
        services: data.edpm_service_types,
        vars: { edpm_update_services_include_packages: data.edpm_update_services_include_packages, edpm_update_services_exclude_packages: data.edpm_update_services_exclude_packages },
        bootc: false,
      });
      expect(includes(run.steps)).toEqual(data.edpm_scenario.expect.journal);
      const packages = run.steps.find((s) => s.kind === 'packages');
      if (packages?.kind !== 'packages') throw new Error('no package step');
      const updated = packages.include.filter((p) => !packages.heldBack.includes(p));
      for (const p of data.edpm_scenario.expect.packages.updated) expect(updated).toContain(p);
      for (const p of ['kernel', 'kernel-core', 'openvswitch', 'edpm-fixture-pinned']) expect(packages.heldBack).toContain(p);
      expect(run.steps.at(-1)?.kind).toBe(data.edpm_scenario.expect.pruned ? 'prune' : 'include');
    });
  }

  it('follows the includes of the generated role, in order, for every service set', () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    const generated = readServicesRole(roleInTree(compilePlan(plan), 'edpm_update_services', 'g'));
    const types = [...new Set(plan.updateServices.containerSteps.map((s) => s.serviceType))];
    for (let mask = 0; mask < 1 << types.length; mask += 37) {
      const services = types.filter((_, i) => (mask & (1 << i)) !== 0);
      const expected = generated.includes.filter((i) => i.serviceType === null || services.includes(i.serviceType)).map((i) => `${i.role}:${i.tasksFrom}`);
      expect(includes(updateServicesRun(plan, { services, vars: {}, bootc: false }).steps)).toEqual(expected);
    }
  });

  it('honours the role variables: switches, running services, user exclusions, kpatch, Open vSwitch packages, bootc', () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    const off = updateServicesRun(plan, { services: ['nova'], vars: { edpm_update_services_enable_containers_update: 'no', edpm_update_services_enable_packages_update: false }, bootc: false });
    expect(off.steps.map((s) => s.kind)).toEqual(['facts', 'skipped', 'skipped']);
    const byVar = updateServicesRun(plan, { services: ['nova'], vars: { edpm_update_services_running_services: ['ovn'] }, bootc: false });
    expect(includes(byVar.steps)).toEqual(['edpm_podman:login', 'edpm_ovn:update', 'edpm_ovn:run']);
    const system = updateSystemRun(plan, { services: [], vars: { edpm_update_system_enable_kpatch: true, edpm_ovs_packages: ['openvswitch3.3'], edpm_update_system_exclude_packages: ['foo'] }, bootc: false });
    // the list check and the query of the installed Open vSwitch packages, then the inline step (tasks/main.yml, tasks/openvswitch.yml)
    expect(system.steps.map((s) => s.kind)).toEqual(['facts', 'openvswitch', 'openvswitch', 'kpatch', 'packages']);
    expect(system.steps[1]?.text).toContain('what provides openvswitch3.3 or owns /usr/lib/systemd/system/openvswitch.service, with their subpackages');
    expect(system.steps[2]?.text).toMatch(/download .* \(5 retries, 60 s apart\); when there are any, install them with dnf update --cacheonly --setopt=tsflags=noscripts .*then enable openvswitch$/u);
    const last = system.steps.at(-1);
    // the Open vSwitch packages are excluded as found on the node, not by the listed names
    expect(last?.kind === 'packages' && last.exclude).toEqual(['openvswitch', 'openvswitch[0-9]*', 'rdo-openvswitch', 'rhoso-openvswitch', 'foo', 'kernel', 'kernel-core']);
    expect(last?.text).toContain('kernel-core, the Open vSwitch packages found on the node');
    // edpm_ovs's names and the EDPM-wide download settings, as vars/main.yml resolves them
    const tuned = updateSystemRun(plan, { services: [], vars: { edpm_download_retries: 2, edpm_ovs_download_delay: 7, edpm_ovs_reload_after_update: 'yes' }, bootc: false });
    expect(tuned.steps[2]?.text).toMatch(/\(2 retries, 7 s apart\).*enable openvswitch and reload openvswitch$/u);
    // a list the role's check refuses: the role stops before any change
    for (const bad of [['*'], [], 'openvswitch', ['kernel']]) {
      const refused = updateSystemRun(plan, { services: [], vars: { edpm_ovs_packages: bad }, bootc: false });
      expect(refused.steps.map((s) => s.kind), JSON.stringify(bad)).toEqual(['facts', 'fail']);
      expect(refused.steps[1]?.text).toMatch(/^fail before any change: edpm_ovs_packages /u);
    }
    // Open vSwitch tasks from a role: one import per task file, in plan order
    const data = defaultPlanData();
    data.updateSystem = { ...(data.updateSystem ?? {}), openvswitch: { tasks: { role: 'edpm_ovs', tasks: ['download', 'update'] } } };
    const fromRole = updateSystemRun(planFrom(data), { services: [], vars: {}, bootc: false });
    expect(fromRole.steps.filter((s) => s.kind === 'openvswitch').map((s) => s.text).slice(1)).toEqual([
      'Open vSwitch: import osp.edpm.edpm_ovs download.yml',
      'Open vSwitch: import osp.edpm.edpm_ovs update.yml',
    ]);
    const bootc = nodeRun(plan, { services: [], vars: {}, bootc: true })[1]!;
    expect(bootc.steps.map((s) => s.kind)).toEqual(['facts', 'fail']);
  });

  it('reads booleans and globs as Ansible and dnf do', () => {
    expect(['yes', 'True', 'on', '1', 1, true].map(ansibleBool)).toEqual([true, true, true, true, true, true]);
    expect(['no', 'false', '0', 0, false, null, 'maybe'].map(ansibleBool)).toEqual([false, false, false, false, false, false, false]);
    expect(globMatches('openvswitch[0-9]*', 'openvswitch3.3')).toBe(true);
    expect(globMatches('openvswitch[0-9]*', 'openvswitch')).toBe(false);
    expect(globMatches('kernel', 'kernel-core')).toBe(false);
    expect(globMatches('kernel*', 'kernel-core')).toBe(true);
    expect(globMatches('a.b', 'axb')).toBe(false);
  });
});

describe('edpm-rolegen show', () => {
  it('prints each phase with the plan location of each step, and JSON', () => {
    const r = rolegen(['show', '--services', 'nova,ovn', '-e', 'edpm_update_services_exclude_packages=[foo]'], ROOT);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('update-services (edpm_update_services), service types: nova, ovn\n');
    expect(r.stdout).toMatch(/ 6\. include osp\.edpm\.edpm_ovn run\.yml with become \(service type ovn\)\n {6}from plans\/default\.yaml:\d+:\d+ \/updateServices\/containerSteps\/1\/tasks\/1\n/);
    expect(r.stdout).toContain('excluding kernel, kernel-core, openvswitch, *openvswitch*, foo\n');
    expect(r.stdout).toContain('find the installed Open vSwitch packages (rpm query, no change)');
    const j = rolegen(['show', '--services', 'nova,ovn', '--json', '-e', '{"edpm_update_system_enable_kpatch": true}']);
    const doc = JSON.parse(j.stdout);
    expect(doc.phases[0].steps.filter((s: any) => s.kind === 'include').map((s: any) => s.journal)).toEqual([
      'edpm_podman:login', 'edpm_iscsid:update', 'edpm_ovn:update', 'edpm_ovn:run', 'edpm_multipathd:update', 'edpm_nova:update', 'edpm_nova:install',
    ]);
    expect(doc.phases[1].steps.map((s: any) => s.kind)).toContain('kpatch');
  });

  it('exit 2 on a bad -e', () => {
    const r = rolegen(['show', '-e', 'not a pair']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('-e:1:1: error: "not a pair": expected key=value\n');
  });
});
