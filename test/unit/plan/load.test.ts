import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError, formatDiagnostic } from '../../../src/core/diagnostics.js';
import { parsePlan } from '../../../src/plan/load.js';
import { DEFAULT_SERVICES_EXCLUSIONS, defaultPlanData } from '../../support/plans.js';

/** The diagnostics of plan text, formatted as the CLI prints them. */
function problems(text: string, file = 'plan.yaml'): string[] {
  try {
    parsePlan(text, file);
  } catch (err) {
    if (err instanceof InputError) return err.diagnostics.map(formatDiagnostic);
    throw err;
  }
  throw new Error('the plan was accepted');
}

const minimal = (steps: string): string => `updateServices:\n  containerSteps:\n${steps}`;

describe('plan loading: valid plans', () => {
  it('accepts the smallest plan and fills in the defaults', () => {
    const plan = parsePlan('updateServices:\n  containerSteps: []\n', 'p.yaml');
    expect(plan.collection).toBe('osp.edpm');
    expect(plan.updateServices.essentialPackages).toEqual(['openstack-selinux']);
    expect(plan.updateServices.alwaysExcludedPackages).toEqual(DEFAULT_SERVICES_EXCLUSIONS);
    expect(plan.updateServices.alwaysBefore).toEqual([{ role: 'edpm_podman', tasks: ['login'], become: ['login'] }]);
    expect(plan.ignoredRoles).toEqual([]);
    expect(plan.updateSystem.alwaysExcludedPackages).toEqual(['openvswitch', 'openvswitch[0-9]*', 'rdo-openvswitch', 'rhoso-openvswitch']);
    expect(plan.updateSystem.includePackages).toEqual(['*']);
    expect(plan.updateSystem.openvswitch.tasks).toEqual({ kind: 'inline' });
    expect(plan.updateSystem.openvswitch.packages).toEqual(['openvswitch']);
    expect(plan.updateSystem.openvswitch.downloadRetries).toBe(5);
    expect(plan.updateSystem.openvswitch.downloadDelay).toBe(5);
  });
});

describe('plan loading: errors carry file:line:col, the JSON path and what was expected', () => {
  it('reports YAML syntax errors at their position', () => {
    const [first] = problems('updateServices:\n  containerSteps: [\n', 'broken.yaml');
    expect(first).toMatch(/^broken\.yaml:\d+:\d+: error: invalid YAML: /);
  });

  it('reports a second document as such, not as advice to the parser\'s caller', () => {
    // It said "Source contains multiple documents; please use YAML.parseAllDocuments()".
    expect(problems('collection: osp.edpm\n---\nupdateServices:\n  containerSteps: []\n', 'two.yaml')).toEqual([
      'two.yaml:2:1: error: invalid YAML: a second document starts here (a --- line after content); a plan file is one YAML document: remove the --- line or split the file',
    ]);
  });

  it('reports duplicate keys', () => {
    expect(problems('updateServices:\n  containerSteps: []\n  containerSteps: []\n')[0]).toMatch(/^plan\.yaml:3:3: error: invalid YAML: .*[Uu]nique/);
  });

  it('reports a wrong type at the value', () => {
    expect(problems(minimal('    - serviceType: ovn\n      role: edpm_ovn\n      tasks: run\n'))).toEqual([
      'plan.yaml:5:14: error: /updateServices/containerSteps/0/tasks: expected a list, found "run"',
    ]);
  });

  it('reports an unknown key at the key, with a suggestion', () => {
    expect(problems(minimal('    - serviceType: ovn\n      role: edpm_ovn\n      task: [run]\n'))).toEqual([
      'plan.yaml:3:7: error: /updateServices/containerSteps/0: missing required key "tasks"',
      'plan.yaml:5:7: error: /updateServices/containerSteps/0/task: unknown key "task"; did you mean "tasks"?',
    ]);
  });

  it('reports a name that breaks its grammar with the rule', () => {
    const [line] = problems(minimal('    - serviceType: Nova\n      role: edpm_nova\n      tasks: [update]\n'));
    expect(line).toBe(
      'plan.yaml:3:20: error: /updateServices/containerSteps/0/serviceType: "Nova" is not valid: expected EDPM service type whose presence runs this step: lowercase letters and digits, words joined by single -',
    );
  });

  it('reports every problem, not only the first, in file order', () => {
    const lines = problems(minimal('    - serviceType: ovn\n      role: Edpm-Ovn\n      tasks: [run]\n    - serviceType: x y\n      role: edpm_x\n      tasks: []\n'));
    expect(lines.map((l) => l.split(': error: ')[0])).toEqual(['plan.yaml:4:13', 'plan.yaml:6:20', 'plan.yaml:8:14']);
  });

  it('rejects a plan that removes a mandatory exclusion, naming it', () => {
    const data = defaultPlanData();
    data.updateServices.alwaysExcludedPackages = ['kernel', 'openvswitch'];
    const text = stringify(data);
    const [line] = problems(text);
    expect(line).toMatch(/^plan\.yaml:\d+:\d+: error: \/updateServices\/alwaysExcludedPackages: must keep kernel, kernel-core, openvswitch; missing kernel-core/);
    const lineNo = Number(line!.split(':')[1]);
    expect(text.split('\n')[lineNo - 1]).toMatch(/^\s+- kernel$/);
  });

  it('lets a plan leave out the Open vSwitch stream and wrapper names, which only the default adds', () => {
    const data = defaultPlanData();
    data.updateServices.alwaysExcludedPackages = ['kernel', 'kernel-core', 'openvswitch'];
    data.updateSystem.alwaysExcludedPackages = ['openvswitch'];
    const plan = parsePlan(stringify(data), 'plan.yaml');
    expect(plan.updateServices.alwaysExcludedPackages).toEqual(['kernel', 'kernel-core', 'openvswitch']);
    expect(plan.updateSystem.alwaysExcludedPackages).toEqual(['openvswitch']);
  });

  it('rejects a phase 2 plan that removes openvswitch from its exclusions', () => {
    const data = defaultPlanData();
    data.updateSystem.alwaysExcludedPackages = ['kernel-debug'];
    expect(problems(stringify(data))[0]).toMatch(/\/updateSystem\/alwaysExcludedPackages: must keep openvswitch; missing openvswitch/);
  });

  it('rejects an empty Open vSwitch package list, naming the variable it is the default of', () => {
    const data = defaultPlanData();
    data.updateSystem.openvswitch.packages = [];
    const text = stringify(data);
    const [line, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^plan\.yaml:\d+:\d+: error: \/updateSystem\/openvswitch\/packages: the Open vSwitch package list \(default of edpm_ovs_packages\) is empty/);
    expect(text.split('\n')[Number(line!.split(':')[1]) - 1]).toMatch(/^\s+packages: \[\]$/);
  });

  it('rejects a glob in the Open vSwitch package list at the element: it would update every match without scriptlets', () => {
    const data = defaultPlanData();
    data.updateSystem.openvswitch.packages = ['openvswitch', '*'];
    const text = stringify(data);
    const [line, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^plan\.yaml:\d+:\d+: error: \/updateSystem\/openvswitch\/packages\/1: "\*" is a dnf glob: .*edpm_ovs_packages/);
    expect(text.split('\n')[Number(line!.split(':')[1]) - 1]).toMatch(/^\s+- "\*"$/);
    for (const glob of ['openvswitch*', 'openvswitch[0-9]', 'openvswitch3.?']) {
      data.updateSystem.openvswitch.packages = [glob];
      expect(problems(stringify(data))[0], glob).toMatch(/is a dnf glob/);
    }
  });

  it('rejects a package that is not Open vSwitch in the Open vSwitch package list', () => {
    const data = defaultPlanData();
    data.updateSystem.openvswitch.packages = ['kernel', 'rdo-openvswitch'];
    expect(problems(stringify(data))).toEqual([
      expect.stringMatching(/^plan\.yaml:\d+:\d+: error: \/updateSystem\/openvswitch\/packages\/0: "kernel" is not an Open vSwitch package: .*edpm_ovs_packages.*containing "openvswitch"$/),
    ]);
  });

  it('accepts the names Open vSwitch ships under', () => {
    const data = defaultPlanData();
    data.updateSystem.openvswitch.packages = ['openvswitch', 'rdo-openvswitch', 'rhoso-openvswitch', 'openvswitch3.3', 'python3-openvswitch3.3'];
    expect(parsePlan(stringify(data), 'plan.yaml').updateSystem.openvswitch.packages).toHaveLength(5);
  });

  it('takes the tasks of a role as a list or as one name', () => {
    for (const tasks of [['update'], 'update']) {
      const data = defaultPlanData();
      data.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks };
      expect(parsePlan(stringify(data), 'plan.yaml').updateSystem.openvswitch.tasks).toEqual({ kind: 'role', role: 'edpm_ovs', tasks: ['update'] });
    }
  });

  it('rejects the same role twice for one service type', () => {
    const lines = problems(minimal('    - {serviceType: ovn, role: edpm_ovn, tasks: [update]}\n    - {serviceType: ovn, role: edpm_ovn, tasks: [run]}\n'));
    expect(lines[0]).toMatch(/^plan\.yaml:4:7: error: \/updateServices\/containerSteps\/1: service type "ovn" already includes role "edpm_ovn"/);
  });

  it('reports positions in JSON plans too', () => {
    const text = '{\n  "updateServices": {\n    "containerSteps": [\n      {"serviceType": "ovn", "role": "edpm_ovn", "tasks": [1]}\n    ]\n  }\n}\n';
    expect(problems(text, 'plan.json')).toEqual([
      'plan.json:4:60: error: /updateServices/containerSteps/0/tasks/0: expected a string, found number 1',
    ]);
  });

  it('refuses alias bombs without expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`a${i}: &a${i} [${Array(10).fill(i === 1 ? '*a' : `*a${i - 1}`).join(',')}]`);
    const lines = problems(`${bomb.join('\n')}\nupdateServices: {containerSteps: []}\n`);
    expect(lines[0]).toBe('plan.yaml:12:12: error: alias number 101 of 110 here; the limit is 100 aliases in a plan');
  });

  it('says where aliases expand past the limit, and the limit', () => {
    const bomb = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
    expect(problems(`${bomb.join('\n')}\nupdateServices: {containerSteps: []}\n`)[0]).toBe(
      'plan.yaml:2:10: error: the aliases from here on expand to more than 100 copies of their anchors; the limit is 100',
    );
  });

  it('counts block sequences toward the nesting limit, and says the limit and where', () => {
    // `- - - x`: each entry opens one more list on the same line.
    expect(problems(`x:\n  ${'- '.repeat(70)}y\n`)[0]).toBe(
      'plan.yaml:2:129: error: collections nested 65 levels deep here; the limit is 64 levels (block indentation, "- " entries and [ ] { } all count)',
    );
    // One list a line, each indented one space further.
    const stairs = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}- `).join('\n');
    expect(problems(`${stairs}x\n`)[0]).toMatch(/^plan\.yaml:65:65: error: collections nested 65 levels deep here; the limit is 64 levels/);
    // Within the limit: parsed (and refused by the schema, not by the limit).
    expect(problems(`x:\n  ${'- '.repeat(30)}y\n`)[0]).not.toMatch(/nested/);
  });

  it('rejects NUL characters and deep nesting with a position', () => {
    expect(problems('updateServices:\n  containerSteps: []\n# \u0000\n')[0]).toBe('plan.yaml:3:3: error: plan contains a NUL character');
    expect(problems(`x: ${'['.repeat(200)}${']'.repeat(200)}\n`)[0]).toMatch(/^plan\.yaml:1:\d+: error: collections nested 65 levels deep here; the limit is 64 levels/);
  });
});
