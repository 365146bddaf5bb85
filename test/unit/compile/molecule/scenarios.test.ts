import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePlan } from '../../../../src/compile/compile-plan.js';
import { contractsSkipTags } from '../../../../src/compile/molecule/contracts-scenario-data.js';
import type { FileTree } from '../../../../src/model/file-tree.js';
import type { UpdatePlan } from '../../../../src/model/plan.js';
import { loadPlanFile } from '../../../../src/plan/load.js';
import { DEFAULT_PLAN, ROOT } from '../../../support/paths.js';
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

  it('asks for the essential packages only (an excluded one fails the role), and expects the excluded ones unchanged', () => {
    const ovs = ['rdo-openvswitch', 'openvswitch3.1', 'python3-openvswitch3.1'];
    expect(data.edpm_update_services_include_packages).toEqual(['openstack-selinux']);
    expect(expected.packages.updated).toEqual(['openstack-selinux']);
    expect(expected.packages.unchanged).toEqual(expect.arrayContaining(['kernel', 'kernel-core', ...ovs, 'edpm-fixture-pinned']));
    // rdo-openvswitch 3.1 with a stream-pinned subpackage: its update changes the stream.
    expect(data.edpm_scenario.openvswitch).toEqual({ service_enabled_before: true, shape: 'rdo-stream' });
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

const SYSTEM = 'edpm_update_system/molecule';
/** The platform groups of a scenario's molecule.yml: the nodes the data must describe. */
const platformGroups = (tree: FileTree, scenario: string): string[] =>
  (yamlOf(tree, `${SYSTEM}/${scenario}/molecule.yml`).platforms as { groups: string[] }[]).flatMap((p) => p.groups);

describe('the update-system scenario data', () => {
  const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));
  const system = yamlOf(tree, `${SYSTEM}/update_system/data/scenario.yml`);
  const kpatch = yamlOf(tree, `${SYSTEM}/update_system_kpatch/data/scenario.yml`);

  it('describes every node of the scenario, one per Open vSwitch shape, all five shapes over the two scenarios', () => {
    expect(Object.keys(system.edpm_scenario_nodes)).toEqual(platformGroups(tree, 'update_system'));
    expect(Object.keys(kpatch.edpm_scenario_nodes)).toEqual(platformGroups(tree, 'update_system_kpatch'));
    const shapes = [system, kpatch].flatMap((d) => Object.values(d.edpm_scenario_nodes).map((n: any) => n.openvswitch.shape));
    expect(shapes.sort()).toEqual(['plain', 'rdo-build', 'rdo-stream', 'rhoso-build', 'rhoso-stream']);
  });

  it('expects each shape updated without scriptlets, the service enabled, and phase 1 leaving every Open vSwitch package alone', () => {
    const build = system.edpm_scenario_nodes.rdo_build;
    expect(build.expect.packages.updated).toEqual(expect.arrayContaining(['openvswitch3.3', 'python3-openvswitch3.3', 'openvswitch3.3-devel']));
    expect(build.expect.packages.unchanged).toContain('rdo-openvswitch');
    // Phase 1 asks for its essential package only: asking it for an excluded one fails before any change.
    expect(build.phase1.include_packages).toEqual(['openstack-selinux']);
    expect(build.expect.phase1_unchanged).toEqual(expect.arrayContaining(['rdo-openvswitch', 'openvswitch3.3', 'python3-openvswitch3.3']));
    expect(build.expect.scriptlets_skipped).toEqual(expect.arrayContaining(build.expect.phase1_unchanged));
    const stream = system.edpm_scenario_nodes.rhoso_stream;
    expect(stream.expect.packages.removed).toEqual(['openvswitch3.1', 'python3-openvswitch3.1']);
    expect(stream.expect.packages.installed).toEqual(['openvswitch3.3', 'python3-openvswitch3.3']);
    expect(stream.expect.updated_before.saw).toEqual({ 'rhoso-openvswitch': '3.3-1', 'openvswitch3.3': '3.3.0-2' });
    expect(system.edpm_scenario.expect.openvswitch_enabled).toBe(true);
    expect(system.edpm_scenario.openvswitch.service_enabled_before).toBe(false);
    expect(system.edpm_scenario.expect.openvswitch_guard).toEqual({ task: 'Check the Open vSwitch package list', message: 'edpm_ovs_packages' });
  });

  it('runs kpatch in the kpatch scenario only, with its expectations', () => {
    expect(system.edpm_update_system_enable_kpatch).toBe(false);
    expect(kpatch.edpm_update_system_enable_kpatch).toBe(true);
    const node = kpatch.edpm_scenario_nodes.rdo_stream.expect.packages;
    expect(node.installed).toEqual(expect.arrayContaining(['kpatch', 'openvswitch3.3']));
    expect(node.unchanged).toEqual(expect.arrayContaining(['kernel', 'kernel-core']));
    expect(system.edpm_scenario_nodes.plain.expect.packages.installed_beside).toEqual(['kernel', 'kernel-core']);
  });

  it('follows a plan that adds a package to the all-packages exclusions: installed, and expected unchanged on every node', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.alwaysExcludedPackages.push('tuned', 'kernel-rt*');
    });
    for (const scenario of ['update_system', 'update_system_kpatch']) {
      const data = yamlOf(compilePlan(plan), `${SYSTEM}/${scenario}/data/scenario.yml`);
      expect(data.edpm_scenario.packages.generic).toEqual(['tuned']);
      for (const node of Object.values(data.edpm_scenario_nodes) as any[]) expect(node.expect.packages.unchanged).toContain('tuned');
    }
    expect(system.edpm_scenario.packages.generic).toEqual([]);
  });

  it('follows a plan that takes the Open vSwitch tasks from a role: its task files ran, Open vSwitch left alone by the rest', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks: ['update'] };
    });
    const data = yamlOf(compilePlan(plan), `${SYSTEM}/update_system/data/scenario.yml`);
    expect(data.edpm_scenario.fixture_roles).toEqual(['edpm_ovs']);
    expect(data.edpm_scenario.expect.journal).toEqual(['edpm_ovs:update']);
    expect(data.edpm_scenario.expect.openvswitch_enabled).toBe(false);
    const build = data.edpm_scenario_nodes.rdo_build.expect;
    expect(build.packages.unchanged).toEqual(expect.arrayContaining(build.phase1_unchanged));
    expect(build.packages.updated).toEqual(['openstack-selinux', 'edpm-fixture-tools', 'edpm-fixture-libs']);
    expect(build.updated_before).toBeUndefined();
  });
});

describe('every scenario', () => {
  it('names the collection of the plan', () => {
    const tree = compilePlan(editedPlan((d) => (d.collection = 'acme.edpm')));
    const data = [...tree.keys()].filter((p) => p.endsWith('/data/scenario.yml'));
    expect(data).toHaveLength(5);
    for (const path of data) expect(yamlOf(tree, path).edpm_scenario.collection, path).toBe('acme.edpm');
  });
});

describe('the update_services_contracts molecule.yml', () => {
  const MOLECULE = 'edpm_update_services/molecule/update_services_contracts/molecule.yml';
  const template = readFileSync(join(ROOT, 'templates/molecule/update_services_contracts/molecule.yml'), 'utf8').split('\n');

  it('is the fixed text with only its skip-tags option set from the plan, whether the plan has a role to skip or not', () => {
    const noneToSkip = editedPlan((d) => {
      // Every step starts a container: no role fits the skipped-role contract.
      for (const step of d.updateServices.containerSteps as { tasks: string[] }[]) if (!step.tasks.includes('run')) step.tasks.push('run');
    });
    const cases: [UpdatePlan, string][] = [
      [loadPlanFile(DEFAULT_PLAN), 'molecule-notest,notest,edpm_iscsid'],
      [noneToSkip, 'molecule-notest,notest'],
    ];
    for (const [plan, skipTags] of cases) {
      expect(contractsSkipTags(plan)).toBe(skipTags);
      const text = compilePlan(plan).get(MOLECULE)!;
      expect(parse(text).provisioner.options['skip-tags']).toBe(skipTags);
      const lines = text.split('\n');
      expect(lines.filter((line, i) => line !== template[i])).toEqual([`    skip-tags: ${skipTags}`]);
    }
  });
});

describe('the rollout scenarios data', () => {
  const tree = compilePlan(loadPlanFile(join(ROOT, 'plans', 'examples', 'rollout.yaml')));
  const rollout = yamlOf(tree, 'edpm_update_services/molecule/update_services_rollout/data/scenario.yml').edpm_scenario.rollout;
  const resume = yamlOf(tree, 'edpm_update_services/molecule/update_services_rollout_resume/data/scenario.yml').edpm_scenario.rollout;
  const record = (parse(tree.get('edpm_update_services/tasks/main.yml')!) as any[])
    .flatMap((t) => t.block ?? [t])
    .find((t) => t['ansible.builtin.copy']?.dest?.endsWith('.fact'))['ansible.builtin.copy'];

  it('gives the resume scenario the same waves, failing node and rollout as the rollout scenario, and the nodes of the waves before the failing one as completed', () => {
    const { completed_nodes: completed, ...rest } = resume;
    expect(rest).toEqual(rollout);
    expect(rollout.completed_nodes).toBeUndefined();
    expect(completed).toEqual(rollout.waves.slice(0, rollout.failing_wave_index).flatMap((w: any) => w.nodes));
    expect(completed).toEqual([0, 1, 2]);
  });

  it("describes the progress record the role writes: its file, and each field's value in the role's record", () => {
    expect(rollout.progress.file).toBe(record.dest);
    const fields = record.content.match(/^\{\{ \{(.*)\} \| to_nice_json \}\}\n$/u)[1].split(', ').map((f: string) => f.replace(/: .*$/su, '').replaceAll("'", ''));
    expect(Object.keys(rollout.progress.record).sort()).toEqual(fields.sort());
    expect(record.content).toContain(`'phase': '${rollout.progress.record.phase}'`);
    expect(record.content).toContain(`'plan': '${rollout.progress.record.plan}'`);
    expect(record.content).toContain(`strftime('${rollout.progress.record.completed_at}')`);
    expect(rollout.progress.record.rollout_id).toBe(rollout.id);
  });
});
