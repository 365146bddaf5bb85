import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { checkImport, importRole } from '../../../src/import/import-role.js';
import { semanticDiff } from '../../../src/import/semantic-diff.js';
import { readServicesRole, roleInTree } from '../../../src/import/services-role-reader.js';
import { loadPlanFile, parsePlan } from '../../../src/plan/load.js';
import { runRolegen as rolegen } from '../../support/cli.js';
import { DEFAULT_PLAN, DIST_ROLES, ROOT } from '../../support/paths.js';

const HAND_WRITTEN = join(ROOT, 'test', 'fixtures', 'hand-written', 'edpm_update_services');
const UNREPRESENTABLE = join(ROOT, 'test', 'fixtures', 'hand-written', 'unrepresentable');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-import-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('import of a generated role', () => {
  it('gives back the plan it was compiled from, and --check finds nothing', () => {
    const reference = loadPlanFile(DEFAULT_PLAN);
    const imported = importRole(roleInTree(compilePlan(reference), 'edpm_update_services', join(DIST_ROLES, 'edpm_update_services')));
    const plan = parsePlan(imported.plan.text, 'imported.yaml');
    expect(plan.collection).toBe(reference.collection);
    expect(plan.updateServices).toEqual(reference.updateServices);
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checkImport(imported, 'imported.yaml')).toEqual([]);
  });
});

describe('import of the hand-written role (upstream shape)', () => {
  const imported = importRole(HAND_WRITTEN);
  const plan = parsePlan(imported.plan.text, 'imported.yaml');

  it('reads all 23 includes, in order, with their conditions, become and tags', () => {
    const facts = imported.facts;
    expect(facts.includes).toHaveLength(23);
    expect(facts.includes[0]).toMatchObject({ role: 'edpm_podman', tasksFrom: 'login', serviceType: null, become: true, tags: ['edpm_podman', 'edpm_update_services'] });
    // update.yml of frr without apply, run.yml with it; both quote styles; a one-item when list; tags in flow style
    expect(facts.includes.filter((i) => i.role === 'edpm_frr').map((i) => [i.tasksFrom, i.become])).toEqual([['update', false], ['run', true]]);
    expect(facts.includes.find((i) => i.role === 'edpm_ovn' && i.tasksFrom === 'run')).toMatchObject({ serviceType: 'ovn', tags: ['edpm_update_services', 'edpm_ovn'] });
    expect(facts.includes.find((i) => i.role === 'edpm_ovn_bgp_agent' && i.tasksFrom === 'update')).toMatchObject({ serviceType: 'ovn-bgp-agent', become: false });
    expect(facts.includes.filter((i) => !i.become)).toHaveLength(7);
    expect(facts.prune).toMatchObject({ images: true, volumes: true, become: true });
    expect(facts.alwaysExcluded?.packages).toEqual(['kernel', 'kernel-core', 'openvswitch']);
    expect(facts.essentialPackages?.packages).toEqual(['openstack-selinux']);
  });

  it('makes one step per role and service type, the login first, become per task file, nothing left out', () => {
    expect(imported.diagnostics).toEqual([]);
    expect(plan.updateServices.alwaysBefore).toEqual([{ role: 'edpm_podman', tasks: ['login'], become: ['login'] }]);
    // serviceType:role:task files:those with become (a step whose update.yml has no apply: become keeps it so)
    expect(plan.updateServices.containerSteps.map((s) => `${s.serviceType}:${s.role}:${s.tasks.join('+')}:${s.become.join('+')}`)).toEqual([
      'nova:edpm_iscsid:update:update',
      'ovn:edpm_ovn:update+run:update+run',
      'frr:edpm_frr:update+run:run',
      'ovn-bgp-agent:edpm_ovn_bgp_agent:update+run:run',
      'neutron-metadata:edpm_neutron_metadata:update+run:run',
      'neutron-ovn:edpm_neutron_ovn:update+run:run',
      'nova:edpm_multipathd:update:update',
      'nova:edpm_nova:update+install:install',
      'neutron-sriov:edpm_neutron_sriov:update+run:run',
      'neutron-dhcp:edpm_neutron_dhcp:update+run:run',
      'telemetry:edpm_telemetry:update+install:update+install',
      'telemetry-power-monitoring:edpm_telemetry_power_monitoring:update+install:update+install',
    ]);
    // written as the built-in plan writes it: true for all, a list for some
    expect(imported.plan.text).toContain('role: edpm_frr\n      tasks: [ update, run ]\n      become: [ run ]\n');
    expect(imported.plan.text).toContain('role: edpm_telemetry\n      tasks: [ update, install ]\n      become: true\n');
    expect(plan.updateServices.alwaysExcludedPackages).toEqual(['kernel', 'kernel-core', 'openvswitch']);
    expect(plan.updateServices.prune).toEqual({ images: true, volumes: true });
    // each step names the tasks it stands for
    expect(imported.plan.text).toContain(`# ${join(HAND_WRITTEN, 'tasks', 'containers.yml')}:32 "Update the ovn configuration", ${join(HAND_WRITTEN, 'tasks', 'containers.yml')}:41 "Update the ovn containers"`);
  });

  it('round trip: imported, compiled, the generated role has zero semantic differences (includes, order, conditions, become, tags, packages, prune)', () => {
    expect(checkImport(imported, 'imported.yaml')).toEqual([]);
    // the comparison reads what matters from both roles: the generated one carries the hand-written one's tags
    const generated = readServicesRole(roleInTree(compilePlan(plan), 'edpm_update_services', 'g'));
    expect(generated.includes.map((i) => `${i.role}:${i.tasksFrom}:${i.serviceType}:${i.become}`)).toEqual(
      imported.facts.includes.map((i) => `${i.role}:${i.tasksFrom}:${i.serviceType}:${i.become}`),
    );
    generated.includes.forEach((g, k) => expect(g.tags).toEqual(expect.arrayContaining([...imported.facts.includes[k]!.tags])));
  });
});

describe('semantic diff', () => {
  const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));
  const generated = readServicesRole(roleInTree(tree, 'edpm_update_services', 'g'));

  it('is empty for a role and itself, and names each kind of change', () => {
    expect(semanticDiff(generated, generated)).toEqual([]);
    const moved = { ...generated, includes: [generated.includes[2]!, generated.includes[1]!, ...generated.includes.slice(3), generated.includes[0]!] };
    // frr's update.yml: included without become in the built-in plan; here with it, and with one tag only
    expect(generated.includes[4]).toMatchObject({ role: 'edpm_frr', tasksFrom: 'update', become: false });
    const asRoot = { ...generated.includes[4]!, become: true, tags: ['edpm_update'] };
    const changed = { ...generated, includes: [...generated.includes.slice(0, 4), asRoot, ...generated.includes.slice(5, -1)], prune: null };
    expect(semanticDiff(generated, moved).map((d) => d.aspect)).toContain('order');
    const d = semanticDiff(generated, changed).map((x) => `${x.aspect}: ${x.message}`);
    expect(d).toContain('become: edpm_frr update.yml when frr runs: become false, then true');
    expect(d).toContain('tags: edpm_frr update.yml when frr runs: tags edpm_frr, edpm_update_services, edpm_update_services_containers missing');
    expect(d).toContain('include: edpm_telemetry install.yml when telemetry runs: missing');
    expect(d).toContain('prune: prune: missing');
  });
});

describe('import of constructs a plan cannot hold', () => {
  const imported = importRole(UNREPRESENTABLE);
  const file = join(UNREPRESENTABLE, 'tasks', 'containers.yml');

  it('reports each at its file:line and leaves it out', () => {
    const errors = imported.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}: ${d.message.split(':')[0]}`);
    expect(errors).toEqual([
      `${file}:22: task "Update ovn, both task files in a loop" has loop`,
      `${file}:30: task "Update frr in a block" is a block`,
      `${file}:54: task "Update the nova configuration when a site switch allows it"`,
      `${file}:77: task "Update the telemetry containers on the nodes a site picks"`,
      `${file}:80: task "Say where the update is" (ansible.builtin.debug) is neither an include of a service role nor the prune`,
      `${file}:104: edpm_podman logout.yml runs on every node after service steps; a plan runs its every-node steps (alwaysBefore) first; left out`,
    ]);
    expect(imported.diagnostics.find((d) => d.line === 54)?.message).toContain('site_allows_nova_update | bool');
    const warnings = imported.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.line}: ${d.message}`);
    expect(warnings).toContain('84: edpm_neutron_dhcp run.yml lacks tag(s) edpm_update_services, which the generated include carries (a plan step cannot drop them): selecting or skipping edpm_update_services now includes it');
    expect(warnings.some((w) => w.startsWith('92: tag(s) ') && w.includes('site_maintenance'))).toBe(true);
    expect(warnings).toContain('7: the role does not always exclude openvswitch; a plan must, so the imported plan adds it');
  });

  it('makes a plan of what is left, never a guess', () => {
    const plan = parsePlan(imported.plan.text, 'imported.yaml');
    expect(plan.updateServices.containerSteps).toEqual([
      { serviceType: 'nova', role: 'edpm_nova', tasks: ['install'], become: ['install'] },
      { serviceType: 'neutron-dhcp', role: 'edpm_neutron_dhcp', tasks: ['run'], become: ['run'] },
      { serviceType: 'neutron-sriov', role: 'edpm_neutron_sriov', tasks: ['run'], become: ['run'] },
    ]);
    expect(plan.updateServices.alwaysBefore).toEqual([{ role: 'edpm_podman', tasks: ['login'], become: ['login'] }]);
    expect(plan.updateServices.essentialPackages).toEqual(['openstack-selinux', 'podman']);
    expect(plan.updateServices.prune).toEqual({ images: false, volumes: false });
    expect(imported.plan.text).toContain('6 part(s) of the role could not be represented and are left out');
  });
});

describe('edpm-rolegen import', () => {
  it('prints the plan without --out; exit 1 and the report on stderr when parts are left out', async () => {
    const ok = await rolegen(['import', '--role', HAND_WRITTEN]);
    expect(ok.status).toBe(0);
    expect(parsePlan(ok.stdout, 'stdout').updateServices.containerSteps).toHaveLength(12);
    const bad = await rolegen(['import', '--role', UNREPRESENTABLE]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${join(UNREPRESENTABLE, 'tasks', 'containers.yml')}:22:3: error: task "Update ovn, both task files in a loop" has loop`);
    expect(bad.stderr).toMatch(/6 part\(s\) of the role could not be represented/);
    expect(parsePlan(bad.stdout, 'stdout').updateServices.containerSteps).toHaveLength(3);
  });

  it('writes --out, never over a file without --force; init --from-role is the same', async () => {
    const out = join(dir, 'plan.yaml');
    expect((await rolegen(['import', '--role', HAND_WRITTEN, '--out', out])).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    writeFileSync(out, 'mine\n');
    const refused = await rolegen(['import', '--role', HAND_WRITTEN, '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`${out}:1:1: error: the file exists; use --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect((await rolegen(['init', '--from-role', HAND_WRITTEN, '--out', out, '--force'])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(text);
    expect((await rolegen(['init', '--from-role', HAND_WRITTEN])).stdout).toBe(text);
    expect((await rolegen(['init'])).status).toBe(2);
  });

  it('--check prints nothing for an equivalent role, exit 0; the differences otherwise, exit 1', async () => {
    const built = join(dir, 'built');
    expect((await rolegen(['build', '--out', built])).status).toBe(0);
    const same = await rolegen(['import', '--role', join(built, 'edpm_update_services'), '--check']);
    expect(same.stdout).toBe('');
    expect(same.status).toBe(0);
    const role = join(dir, 'role');
    cpSync(join(built, 'edpm_update_services'), role, { recursive: true });
    const containers = join(role, 'tasks', 'containers.yml');
    // a hand edit the plan cannot follow: frr's run.yml tagged for a site's maintenance instead of edpm_frr
    const text = readFileSync(containers, 'utf8');
    const task = text.indexOf('- name: Run edpm_frr run.yml');
    const at = text.indexOf('  tags:\n', text.indexOf('  when:', task));
    writeFileSync(containers, text.slice(0, at) + text.slice(at).replace('    - edpm_frr\n', '    - site_frr_maintenance\n'));
    const line = text.slice(0, task).split('\n').length;
    const r = await rolegen(['import', '--role', role, '--check']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`${containers}:${line}: (generated)/edpm_update_services/tasks/containers.yml:${line}: tags: edpm_frr run.yml when frr runs: tags site_frr_maintenance missing; tags edpm_frr added\n`);
    expect(r.stderr).toContain(`${containers}:${line}:3: warning: tag(s) site_frr_maintenance of edpm_frr run.yml cannot be carried by a plan step`);
  });

  it('given the folder holding the role (a roles folder, a collection) or its tasks folder: names the role folder to give, exit 2, for init --from-role too', async () => {
    // edpm-ansible's layout: roles/edpm_update_services/ beside other roles, in a collection root with galaxy.yml
    const collection = join(dir, 'edpm-ansible');
    const roles = join(collection, 'roles');
    cpSync(HAND_WRITTEN, join(roles, 'edpm_update_services'), { recursive: true });
    cpSync(join(ROOT, 'test', 'fixtures', 'roles', 'edpm_ovn'), join(roles, 'edpm_ovn'), { recursive: true });
    writeFileSync(join(collection, 'galaxy.yml'), 'namespace: osp\nname: edpm\nversion: 0.0.1\n');
    const role = join(roles, 'edpm_update_services');
    const cases: [string, string][] = [
      [roles, `this is a roles folder: give the role folder inside it, ${role}`],
      [collection, `this folder holds the role under roles/ (a collection): give the role folder, ${role}`],
      [join(role, 'tasks'), `this is the tasks folder of a role: give the role folder, ${role}`],
    ];
    for (const [given, hint] of cases) {
      for (const args of [['import', '--role', given], ['init', '--from-role', given]]) {
        const r = await rolegen(args);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toBe(`${join(given, 'tasks', 'containers.yml')}:1:1: error: not an edpm_update_services role: no tasks/containers.yml; ${hint}\n`);
        expect(r.stdout).toBe('');
      }
    }
    // the folder it names is the role: the import then succeeds
    expect((await rolegen(['import', '--role', role])).status).toBe(0);
    // a folder that holds no such role: no hint
    const other = await rolegen(['import', '--role', join(roles, 'edpm_ovn')]);
    expect(other.stderr).toBe(`${join(roles, 'edpm_ovn', 'tasks', 'containers.yml')}:1:1: error: not an edpm_update_services role: no tasks/containers.yml\n`);
  });

  it('exit 2 with file:line:col on a missing folder or a task file that is not YAML', async () => {
    const missing = await rolegen(['import', '--role', join(dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`${join(dir, 'nope')}:1:1: error: cannot read the role folder: no such file or folder (ENOENT)\n`);
    const role = join(dir, 'broken');
    cpSync(HAND_WRITTEN, role, { recursive: true });
    writeFileSync(join(role, 'tasks', 'containers.yml'), '---\n- name: x\n  when: [unclosed\n');
    const broken = await rolegen(['import', '--role', role]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(new RegExp(`^${join(role, 'tasks', 'containers.yml')}:\\d+:\\d+: error: invalid YAML`));
    expect(existsSync(join(dir, 'plan.yaml'))).toBe(false);
  });
});
