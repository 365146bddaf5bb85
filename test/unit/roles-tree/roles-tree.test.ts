import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { loadPlanFileWithSource, parsePlan, parsePlanWithSource } from '../../../src/plan/load.js';
import { auditRolesTree } from '../../../src/roles-tree/audit.js';
import { derivePlanText } from '../../../src/roles-tree/derive-plan.js';
import type { RoleFact } from '../../../src/roles-tree/facts.js';
import { scanRolesTree } from '../../../src/roles-tree/scan.js';
import { conventionalServiceType, serviceTypesOf } from '../../../src/roles-tree/service-type.js';
import { ruleSelection } from '../../../src/roles-tree/task-selection.js';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'roles');
const role = (name: string, ...bases: string[]): RoleFact => ({ name, path: `/r/${name}`, taskFiles: bases.map((base) => ({ base, file: `${base}.yml` })) });

describe('the task-selection rule', () => {
  it('with run.yml: update.yml if present, then run.yml', () => {
    expect(ruleSelection(role('a', 'install', 'run', 'update'))?.tasks).toEqual(['update', 'run']);
    expect(ruleSelection(role('a', 'run'))?.tasks).toEqual(['run']);
  });
  it('with update.yml and install.yml and no run.yml: update.yml, then install.yml', () => {
    expect(ruleSelection(role('edpm_nova', 'install', 'main', 'update'))?.tasks).toEqual(['update', 'install']);
  });
  it('with only update.yml: update.yml', () => {
    expect(ruleSelection(role('a', 'main', 'update'))?.tasks).toEqual(['update']);
  });
  it('no entry point, or install.yml alone: no part in the update', () => {
    expect(ruleSelection(role('a', 'main', 'configure'))).toBeNull();
    expect(ruleSelection(role('edpm_podman', 'install', 'login'))).toBeNull();
  });
});

describe('service types', () => {
  it('come from the plan when it uses the role', async () => {
    const plan = parsePlan('updateServices:\n  containerSteps:\n    - {serviceType: compute, role: edpm_nova, tasks: [update]}\n', 'p.yaml');
    expect(serviceTypesOf('edpm_nova', plan)).toEqual([{ name: 'compute', source: 'plan' }]);
  });
  it('are guessed by convention otherwise', () => {
    expect(conventionalServiceType('edpm_telemetry_power_monitoring')).toBe('telemetry-power-monitoring');
    expect(conventionalServiceType('edpm_swift')).toBe('swift');
    expect(conventionalServiceType('my_role')).toBeNull();
    expect(serviceTypesOf('edpm_swift', null)).toEqual([{ name: 'swift', source: 'guess' }]);
  });
});

describe('scanning the fixture tree', () => {
  const facts = scanRolesTree(FIXTURE);
  it('finds every role with its task files, .yaml included', () => {
    expect(facts.roles.map((r) => r.name)).toContain('edpm_telemetry_power_monitoring');
    expect(facts.roles.find((r) => r.name === 'edpm_ovs')?.taskFiles.map((t) => t.file)).toContain('update.yaml');
    expect(facts.roles.find((r) => r.name === 'edpm_nova')?.taskFiles.map((t) => t.base)).toEqual(['configure', 'install', 'main', 'update']);
    expect(facts.problems).toEqual([]);
  });
});

describe('the audit of the built-in plan against the fixture tree', () => {
  const { plan, source } = loadPlanFileWithSource(DEFAULT_PLAN);
  const report = auditRolesTree(scanRolesTree(FIXTURE), plan, source);
  const bySeverity = (s: string) => report.diagnostics.filter((d) => d.severity === s);

  it('has no errors', () => {
    expect(bySeverity('error')).toEqual([]);
  });
  it('warns about the two container services with update entry points that no step uses', () => {
    const warned = bySeverity('warning').map((d) => /role (\S+)/.exec(d.message)?.[1]);
    expect(warned).toEqual(['edpm_swift', 'edpm_telemetry_power_monitoring']);
    expect(bySeverity('warning')[0]!.file).toBe(join(FIXTURE, 'edpm_swift', 'tasks', 'update.yml'));
    expect(bySeverity('warning')[0]!.message).toMatch(/manages containers \(tasks\/run\.yml:7: edpm_container_standalone\) but no plan step uses it; service type swift \(a guess\), the rule would include \[update, run\]/);
  });
  it('only notes the roles with entry points whose task files manage no container (configure-os, run-os, a timer)', () => {
    const noted = bySeverity('note').filter((d) => /manage no container/.test(d.message)).map((d) => /role (\S+)/.exec(d.message)?.[1]);
    expect(noted).toEqual(['edpm_instanceha_monitoring', 'edpm_nftables', 'edpm_sshd', 'edpm_timezone', 'edpm_tuned']);
  });
  it('takes a role the plan uses for a container step even when its files manage no container (the plan says so)', () => {
    const iscsid = report.roles.find((r) => r.name === 'edpm_iscsid')!;
    expect(iscsid.containers).toBeNull();
    expect(iscsid.planSteps).toEqual(['/updateServices/containerSteps/0']);
    expect(report.diagnostics.filter((d) => d.message.includes('edpm_iscsid') && d.severity !== 'note')).toEqual([]);
    expect(report.diagnostics.some((d) => /role edpm_iscsid .*manage no container/.test(d.message))).toBe(false);
  });
  it('notes where the plan overrides the rule, at the plan position', () => {
    const notes = bySeverity('note').filter((d) => d.path.startsWith('/updateServices'));
    expect(notes.map((d) => d.path)).toEqual(['/updateServices/containerSteps/0/tasks', '/updateServices/containerSteps/6/tasks']);
    expect(notes[0]!.file).toBe(DEFAULT_PLAN);
    expect(notes[0]!.line).toBeGreaterThan(1);
  });
  it('reports each role with its entry points, rule, service types and plan steps', () => {
    const nova = report.roles.find((r) => r.name === 'edpm_nova')!;
    expect(nova).toMatchObject({ entryPoints: ['update', 'install'], rule: { tasks: ['update', 'install'] }, serviceTypes: [{ name: 'nova', source: 'plan' }], planSteps: ['/updateServices/containerSteps/7'] });
  });
});

describe('the audit with ignoredRoles', () => {
  it('says nothing of an ignored role, container service or not', () => {
    const text = 'ignoredRoles: [edpm_swift, edpm_sshd]\nupdateServices:\n  containerSteps: []\n';
    const { plan, source } = parsePlanWithSource(text, 'p.yaml');
    const report = auditRolesTree(scanRolesTree(FIXTURE), plan, source);
    const about = (role: string) => report.diagnostics.filter((d) => d.message.startsWith(`role ${role} `));
    expect(about('edpm_swift')).toEqual([]);
    expect(about('edpm_sshd')).toEqual([]);
    expect(about('edpm_telemetry_power_monitoring').map((d) => d.severity)).toEqual(['warning']);
    expect(report.roles.find((r) => r.name === 'edpm_swift')!.ignored).toBe(true);
  });
});

describe('scanning reads what the task files of roles with entry points do', () => {
  const facts = scanRolesTree(FIXTURE);
  const files = (name: string) => facts.roles.find((r) => r.name === name)!.taskFiles;
  it('records the first line that manages containers', () => {
    expect(files('edpm_ovn').find((t) => t.base === 'run')!.containers).toEqual({ line: 7, what: 'edpm_container_standalone' });
    expect(files('edpm_nova').find((t) => t.base === 'install')!.containers).toEqual({ line: 7, what: 'edpm_container_manage' });
    expect(files('edpm_ovn').find((t) => t.base === 'update')!.containers).toBeNull();
    expect(files('edpm_instanceha_monitoring').every((t) => t.containers === null)).toBe(true);
  });
  it('does not read the task files of roles without entry points', () => {
    expect(files('edpm_kernel').every((t) => t.containers === undefined)).toBe(true);
  });
});

describe('audit errors', () => {
  it('name the plan position and the missing path', () => {
    const text = 'updateServices:\n  containerSteps:\n    - {serviceType: ovn, role: edpm_ovn, tasks: [update, restart]}\n    - {serviceType: foo, role: edpm_foo, tasks: [run]}\n';
    const { plan, source } = parsePlanWithSource(text, 'p.yaml');
    const errors = auditRolesTree(scanRolesTree(FIXTURE), plan, source).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line}:${d.col} ${d.path}`)).toEqual([
      'p.yaml:3:58 /updateServices/containerSteps/0/tasks/1',
      'p.yaml:4:32 /updateServices/containerSteps/1/role',
    ]);
    expect(errors[0]!.message).toBe(`task file ${join(FIXTURE, 'edpm_ovn', 'tasks', 'restart.yml')} not found (edpm_ovn has configure.yml, install.yml, main.yml, run.yml, update.yml)`);
    expect(errors[1]!.message).toBe(`role edpm_foo not found: no folder ${join(FIXTURE, 'edpm_foo')}`);
  });
});

describe('init: a plan derived from the tree', () => {
  const { plan } = loadPlanFileWithSource(DEFAULT_PLAN);
  const text = derivePlanText(scanRolesTree(FIXTURE), plan);

  it('is valid against the schema and compiles', () => {
    const derived = parsePlan(text, 'derived.yaml');
    expect(compilePlan(derived).size).toBeGreaterThan(10);
  });
  it('keeps the built-in order and choices, and adds the missing roles with guessed types', () => {
    const derived = parsePlan(text, 'derived.yaml');
    const steps = derived.updateServices.containerSteps.map((s) => `${s.serviceType}:${s.role}:${s.tasks.join('+')}`);
    expect(steps.slice(0, 11)).toEqual(plan.updateServices.containerSteps.map((s) => `${s.serviceType}:${s.role}:${s.tasks.join('+')}`));
    expect(steps.slice(11)).toEqual(['swift:edpm_swift:update+run', 'telemetry-power-monitoring:edpm_telemetry_power_monitoring:update+install']);
  });
  it('keeps the built-in become choices; added roles run with become', () => {
    const derived = parsePlan(text, 'derived.yaml');
    expect(derived.updateServices.containerSteps.slice(0, 11).map((s) => s.become)).toEqual(plan.updateServices.containerSteps.map((s) => s.become));
    expect(derived.updateServices.containerSteps[11]!.become).toEqual(['update', 'run']);
    expect(text).toMatch(/role: edpm_frr\n\s+tasks: \[ update, run \]\n\s+become: \[ run \]\n/);
  });
  it('leaves out the roles whose task files manage no container, and says why', () => {
    const derived = parsePlan(text, 'derived.yaml');
    const roles = derived.updateServices.containerSteps.map((s) => s.role);
    for (const r of ['edpm_nftables', 'edpm_sshd', 'edpm_timezone', 'edpm_tuned', 'edpm_instanceha_monitoring']) {
      expect(roles).not.toContain(r);
      expect(text).toContain(`#   - ${r}: has update entry points, but its task files manage no container (not a container service)`);
    }
  });
  it('leaves out the reference plan\'s ignored roles', () => {
    const reference = parsePlan('ignoredRoles: [edpm_swift]\nupdateServices:\n  containerSteps: []\n', 'ref.yaml');
    const derived = parsePlan(derivePlanText(scanRolesTree(FIXTURE), reference), 'derived.yaml');
    expect(derived.ignoredRoles).toEqual(['edpm_swift']);
    const roles = derived.updateServices.containerSteps.map((s) => s.role);
    expect(roles).not.toContain('edpm_swift');
    expect(roles).toContain('edpm_telemetry_power_monitoring');
    expect(derivePlanText(scanRolesTree(FIXTURE), reference)).toContain('#   - edpm_swift: in ignoredRoles');
  });
  it('explains its choices in comments', () => {
    expect(text).toMatch(/# edpm_iscsid: the built-in plan includes \[update\] where the rule would choose \[update, run\]/);
    expect(text).toMatch(/# edpm_swift: has run\.yml: update\.yml, then run\.yml; manages containers \(tasks\/run\.yml:7: edpm_container_standalone\); not in the built-in plan: service type swift is a GUESS/);
  });
  it('is the same text every time', () => {
    expect(derivePlanText(scanRolesTree(FIXTURE), plan)).toBe(text);
  });
});

describe('odd roles trees', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rolegen-tree-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const addRole = (name: string, ...files: string[]) => {
    mkdirSync(join(dir, name, 'tasks'), { recursive: true });
    for (const f of files) writeFileSync(join(dir, name, 'tasks', f), '---\n[]\n');
  };

  it('skips, with a warning naming the path, roles Ansible would not accept and odd names', () => {
    addRole('edpm_ok', 'update.yml');
    for (const bad of ['Edpm-Bad', '1role', 'has space', 'new\nline', 'ünïcode', '{{ x }}']) addRole(bad, 'update.yml');
    const facts = scanRolesTree(dir);
    expect(facts.roles.map((r) => r.name)).toEqual(['edpm_ok']);
    expect(facts.problems).toHaveLength(6);
    for (const p of facts.problems) {
      expect(p.severity).toBe('warning');
      expect(p.message).toMatch(/^skipped ".*": not a role name Ansible accepts/);
      expect(p.message).not.toContain('\n');
    }
  });

  it('survives symbolic link loops and dangling links', () => {
    addRole('edpm_ok', 'run.yml');
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'edpm_dangling'));
    symlinkSync(dir, join(dir, 'edpm_ok', 'tasks', 'self'));
    const facts = scanRolesTree(dir);
    expect(facts.roles.map((r) => r.name)).toEqual(['edpm_ok']);
    expect(facts.problems.map((p) => p.message)).toEqual([
      'skipped: a symbolic link that cannot be followed (no such file or folder (ENOENT))',
      'skipped: a symbolic link that cannot be followed (too many levels of symbolic links (ELOOP))',
    ]);
  });

  it('reports files where folders belong', () => {
    writeFileSync(join(dir, 'edpm_file'), 'not a folder');
    mkdirSync(join(dir, 'edpm_tasks_file'));
    writeFileSync(join(dir, 'edpm_tasks_file', 'tasks'), 'not a folder');
    const facts = scanRolesTree(dir);
    expect(facts.roles.map((r) => r.name)).toEqual(['edpm_tasks_file']);
    expect(facts.problems.map((p) => p.message)).toEqual(['role edpm_tasks_file: tasks is not a folder']);
  });

  it('refuses a missing root, or a file as root, with an InputError', () => {
    expect(() => scanRolesTree(join(dir, 'missing'))).toThrow(/cannot read the roles folder: no such file or folder \(ENOENT\)/);
    writeFileSync(join(dir, 'file'), '');
    expect(() => scanRolesTree(join(dir, 'file'))).toThrow(/the roles path is not a folder/);
  });
});
