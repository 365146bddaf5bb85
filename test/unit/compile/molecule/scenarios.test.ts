import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../../src/compile/compile-plan.js';
import { loadPlanFile } from '../../../../src/plan/load.js';
import { DEFAULT_PLAN } from '../../../support/paths.js';
import { BUILT_IN_STEP_ORDER, editedPlan, yamlOf } from '../../../support/plans.js';

// What the compiler derives from a plan for the Molecule scenarios: the
// update_services expectations follow the plan's steps, and every scenario
// names the plan's collection. The scenarios themselves run in
// test/molecule/.
const SERVICES_DATA = 'edpm_update_services/molecule/update_services/data/scenario.yml';

describe('the update_services scenario data', () => {
  const data = yamlOf(compilePlan(loadPlanFile(DEFAULT_PLAN)), SERVICES_DATA);
  const expected = data.edpm_scenario.expect;

  it('runs some service types and leaves others out', () => {
    expect(data.edpm_service_types).toEqual(['ovn', 'neutron-metadata', 'nova', 'telemetry']);
    expect(expected.untouched).toContain('edpm_frr');
    expect(expected.untouched).not.toContain('edpm_nova');
  });

  it('expects the task files of the running steps in the order of the plan, login first', () => {
    const running = new Set(data.edpm_service_types);
    const runningSteps = BUILT_IN_STEP_ORDER.filter((s) => s.serviceType === null || running.has(s.serviceType));
    expect(expected.journal).toEqual(runningSteps.map((s) => `${s.role}:${s.task}`));
    expect(expected.journal[0]).toBe('edpm_podman:login');
  });

  it('follows a plan that reorders the steps and renders configuration after the container', () => {
    const plan = editedPlan((d) => {
      const steps = d.updateServices.containerSteps as { role: string; tasks: string[] }[];
      steps.reverse();
      steps.find((s) => s.role === 'edpm_ovn')!.tasks = ['run', 'update'];
    });
    const reordered = yamlOf(compilePlan(plan), SERVICES_DATA).edpm_scenario.expect;
    expect(reordered.journal.slice(0, 3)).toEqual(['edpm_podman:login', 'edpm_telemetry:update', 'edpm_telemetry:install']);
    expect(reordered.journal).toContain('edpm_ovn:run');
    expect(reordered.journal.indexOf('edpm_ovn:run')).toBeLessThan(reordered.journal.indexOf('edpm_ovn:update'));
    // The container started before its configuration was rendered again.
    expect(reordered.containers).toContainEqual({ name: 'edpm_ovn', config: 'v1' });
    expect(reordered.containers).toContainEqual({ name: 'edpm_telemetry', config: 'v2' });
  });

  it('asks for the excluded packages, so that the exclusion is what holds them back', () => {
    expect(data.edpm_update_services_include_packages).toEqual(expect.arrayContaining(['openstack-selinux', 'kernel', 'kernel-core', 'openvswitch']));
    expect(expected.packages.updated).toEqual(['openstack-selinux']);
    expect(expected.packages.unchanged).toEqual(expect.arrayContaining(['kernel', 'kernel-core', 'rdo-openvswitch', 'edpm-fixture-pinned']));
  });

  it('builds essential packages that have no fixture of their own from the generic spec', () => {
    const plan = editedPlan((d) => {
      d.updateServices.essentialPackages = ['openstack-selinux', 'tuned'];
    });
    const scenario = yamlOf(compilePlan(plan), SERVICES_DATA).edpm_scenario;
    expect(scenario.packages.generic).toEqual(['tuned']);
    expect(scenario.expect.packages.updated).toEqual(['openstack-selinux', 'tuned']);
  });
});

describe('every scenario', () => {
  it('names the collection of the plan', () => {
    const tree = compilePlan(editedPlan((d) => (d.collection = 'acme.edpm')));
    const data = [...tree.keys()].filter((p) => p.endsWith('/data/scenario.yml'));
    expect(data).toHaveLength(4);
    for (const path of data) expect(yamlOf(tree, path).edpm_scenario.collection, path).toBe('acme.edpm');
  });
});
