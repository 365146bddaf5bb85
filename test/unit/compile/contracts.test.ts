/**
 * The contracts the hand-written edpm_update_services / edpm_update_system
 * (edpm-ansible) give their users, as the generated roles keep them
 * (issue 13). What a node shows is proved by the Molecule scenario
 * update_services_contracts; this is what the generated files say.
 */
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { scanRolesTree } from '../../../src/roles-tree/scan.js';
import { taskFileNamesOf } from '../../../src/roles-tree/facts.js';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';
import { allTasks, editedPlan, tasksCalling, yamlOf } from '../../support/plans.js';
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRolegen } from '../../support/cli.js';
import { selectedByTags } from '../../../src/show/node-run.js';

const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));
const S = 'edpm_update_services';
const Y = 'edpm_update_system';
const includes = (t = tree) => yamlOf(t, `${S}/tasks/containers.yml`).filter((x: any) => x['ansible.builtin.include_role'] !== undefined);

describe('1. image-mode (bootc) hosts: no dnf in phase 1', () => {
  it('guards the package step and its assert with the bootc fact; the containers step is not guarded', () => {
    const main = yamlOf(tree, `${S}/tasks/main.yml`);
    const byFile = (f: string) => main.find((t: any) => t['ansible.builtin.import_tasks']?.file === f);
    expect(byFile('packages.yml').when).toContain('not (ansible_local.bootc | default(false) | bool)');
    expect(main.find((t: any) => t['ansible.builtin.assert']).when).toContain('not (ansible_local.bootc | default(false) | bool)');
    expect(JSON.stringify(byFile('containers.yml').when)).not.toContain('bootc');
  });
});

describe('2. tags', () => {
  it('every include carries edpm_<role>, and apply gives the included tasks the same tags', () => {
    for (const inc of includes()) {
      const role = inc['ansible.builtin.include_role'].name.replace(/^osp\.edpm\./u, '');
      expect(inc.tags).toEqual(['edpm_update', S, `${S}_containers`, role]);
      expect(inc['ansible.builtin.include_role'].apply.tags).toEqual(inc.tags);
    }
    // edpm_neutron_dhcp's run.yml had no tag in the hand-written list: it has them now.
    const dhcpRun = includes().find((i: any) => i.name.startsWith('Run edpm_neutron_dhcp run.yml'));
    expect(dhcpRun.tags).toContain('edpm_neutron_dhcp');
  });
  it('the inline Open vSwitch tasks carry edpm_ovs tags: update and ovs on the update, reload and ovs on the reload', () => {
    const step = yamlOf(tree, `${Y}/tasks/openvswitch.yml`);
    for (const t of step) expect(t.tags).toEqual(expect.arrayContaining(['ovs', `${Y}_openvswitch`]));
    const reload = step.find((t: any) => t.name.startsWith('Reload'));
    expect(reload.tags).toEqual(expect.arrayContaining(['reload', 'ovs']));
    expect(reload.tags).not.toContain('update');
    // Selected alone (--tags reload), the update's result is undefined: the reload runs when asked, it does not fail;
    // else only after the find-and-update task installed something (it reports changed then, and only then).
    expect(reload.when[0]).toMatch(/^edpm_update_system_ovs_update is not defined or edpm_update_system_ovs_update is changed$/u);
    const update = step.filter((t: any) => t !== reload);
    expect(update.length).toBeGreaterThan(0);
    for (const t of update) expect(t.tags).toEqual(expect.arrayContaining(['update', 'ovs']));
    // The check of the list and the query of the installed packages, which the update needs,
    // run under the same selection (--tags update, --tags ovs): the find-and-update task and its
    // check carry exactly the update's tags, the query alone and its check those of both steps.
    // (The query alone and its check are in tasks/query.yml, included by main.yml with their tags.)
    const prelude = [...yamlOf(tree, `${Y}/tasks/main.yml`), ...yamlOf(tree, `${Y}/tasks/query.yml`)].filter(
      (t: any) => t.tags.includes(`${Y}_openvswitch`) && !t['ansible.builtin.import_tasks'] && !t['ansible.builtin.include_tasks'],
    );
    expect(prelude.map((t: any) => t.name)).toEqual([
      'Check the Open vSwitch package list',
      'Find the Open vSwitch packages installed on the node and the pending updates; when one of them has one, download their updates, install them without their RPM scriptlets, enable the openvswitch service',
      'Check the Open vSwitch package list',
      'Find the Open vSwitch packages installed on the node and the pending updates',
    ]);
    for (const t of prelude) expect(t.tags).toEqual(expect.arrayContaining(['update', 'ovs']));
    const updateTags = ['edpm_update', Y, `${Y}_openvswitch`, 'update', 'ovs'];
    expect(prelude.slice(0, 2).map((t: any) => t.tags)).toEqual([updateTags, updateTags]);
    for (const t of prelude.slice(2)) expect(t.tags).toEqual([...updateTags.slice(0, 3), `${Y}_packages`, 'update', 'ovs']);
  });
  it('with the Open vSwitch tasks from a role, only that role\'s own tags select them', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks: ['update'] };
    });
    const t = compilePlan(plan);
    const tags = [...yamlOf(t, `${Y}/tasks/main.yml`), ...yamlOf(t, `${Y}/tasks/openvswitch.yml`)].flatMap((x: any) => x.tags);
    expect(tags).not.toContain('update');
    expect(tags).not.toContain('reload');
  });
  it('each role README lists the tags', () => {
    const readme = tree.get(`${S}/README.md`)!;
    for (const role of ['edpm_podman', 'edpm_nova', 'edpm_neutron_dhcp']) expect(readme).toContain(`| \`${role}\` |`);
    const system = tree.get(`${Y}/README.md`)!;
    for (const tag of ['update', 'ovs', 'reload']) expect(system).toContain(`| \`${tag}\` |`);
  });
});

describe('2b. every tag selection that runs a step also gathers the local facts', () => {
  // Every step reads ansible_local (the bootc guard): skipped, an image-mode host looks like a
  // package-mode one (`ansible_local.bootc | default(false)`), so dnf runs there and the bootc step
  // does not. The playbooks gather no facts by default. Selection as Ansible makes it (src/show's
  // model, held to ansible-playbook --list-tasks by test/toolchain/tag-selection.test.ts).
  for (const role of [S, Y]) {
    it(`${role}: --tags and --skip-tags of each of its tags`, () => {
      const files = [...tree.keys()].filter((f) => f.startsWith(`${role}/tasks/`));
      const tasks = files.flatMap((f) => allTasks(yamlOf(tree, f)));
      const gather = tasks.find((t: any) => t.name === 'Gather local facts');
      const others = tasks.filter((t: any) => t !== gather);
      const tags = [...new Set(others.flatMap((t: any) => t.tags ?? []))];
      expect(tags).toEqual(expect.arrayContaining(['edpm_update', role, `${role}_packages`]));
      for (const [only, skip] of tags.flatMap((t) => [[[t], []], [[], [t]]] as const)) {
        const runs = others.filter((t: any) => selectedByTags(t.tags ?? [], only, skip));
        if (runs.length > 0) expect(selectedByTags(gather.tags, only, skip), `--tags ${only.join()} --skip-tags ${skip.join()}: ${runs.map((t: any) => t.name).join('; ')}`).toBe(true);
      }
      // The role's own tags still skip it (with every other task).
      expect(selectedByTags(gather.tags, [], [role])).toBe(false);
    });
  }
});

describe('3. become per plan step', () => {
  it('reproduces the hand-written choices: apply.become only where the plan says', () => {
    const become = Object.fromEntries(
      includes().map((i: any) => [`${i['ansible.builtin.include_role'].name.split('.').pop()}:${i['ansible.builtin.include_role'].tasks_from}`, i['ansible.builtin.include_role'].apply.become === true]),
    );
    expect(become['edpm_nova:update.yml']).toBe(false);
    expect(become['edpm_nova:install.yml']).toBe(true);
    expect(become['edpm_frr:update.yml']).toBe(false);
    expect(become['edpm_iscsid:update.yml']).toBe(true);
    expect(become['edpm_podman:login.yml']).toBe(true);
    expect(Object.values(become).filter((b) => !b)).toHaveLength(7);
  });
  it('follows a plan that changes it', () => {
    const plan = editedPlan((d) => {
      d.updateServices.containerSteps[7].become = false;
    });
    const nova = includes(compilePlan(plan)).filter((i: any) => i.name.startsWith('Run edpm_nova'));
    expect(nova.map((i: any) => i['ansible.builtin.include_role'].apply)).toEqual([{ tags: nova[0].tags }, { tags: nova[1].tags }]);
  });
});

describe('4. a missing edpm_service_types', () => {
  it('has no fallback: argument validation fails on it, naming it, before any task', () => {
    expect(yamlOf(tree, `${S}/defaults/main.yml`).edpm_update_services_running_services).toBe('{{ edpm_service_types }}');
  });
  it('keeps that template out of the argument specs, which Ansible templates even when the variable is set', () => {
    const option = yamlOf(tree, `${S}/meta/argument_specs.yml`).argument_specs.main.options.edpm_update_services_running_services;
    expect(option).toMatchObject({ type: 'list', elements: 'str', required: false });
    expect(option.default).toBeUndefined();
  });
});

describe('5. essential packages that are not installed yet', () => {
  it('the installed ones brought to latest, then the missing ones installed (present) when that update found one', () => {
    const [update, install] = tasksCalling(yamlOf(tree, `${S}/tasks/packages.yml`), 'ansible.builtin.dnf');
    expect(update['ansible.builtin.dnf']).toMatchObject({ name: '{{ edpm_update_services_include_packages }}', state: 'latest', update_only: true, update_cache: true });
    expect(update.register).toBe('edpm_update_services_packages_update');
    expect(install['ansible.builtin.dnf']).toMatchObject({ name: '{{ edpm_update_services_include_packages }}', state: 'present', update_cache: false });
    expect(install['ansible.builtin.dnf'].exclude).toBe(update['ansible.builtin.dnf'].exclude);
    expect(install.when).toBe("edpm_update_services_packages_update.results | default([]) | select('search', 'not installed due to update_only specified') | list | length > 0");
  });
});

describe('6. an essential package the user excludes', () => {
  it('fails an assert before any change, naming both variables', () => {
    const main = yamlOf(tree, `${S}/tasks/main.yml`);
    const assertAt = main.findIndex((t: any) => t['ansible.builtin.assert']);
    const packagesAt = main.findIndex((t: any) => t['ansible.builtin.import_tasks']?.file === 'packages.yml');
    expect(assertAt).toBe(1);
    expect(packagesAt).toBeGreaterThan(assertAt);
    const msg = main[assertAt]['ansible.builtin.assert'].fail_msg;
    expect(msg).toContain('edpm_update_services_include_packages');
    expect(msg).toContain('edpm_update_services_exclude_packages');
    expect(msg).toContain('{{ edpm_update_services_refused_packages | join');
  });
});

describe('7. the combined update', () => {
  const playbook = yamlOf(tree, 'playbooks/update.yml');
  const tasks = playbook[0].tasks;
  it('runs edpm_update_system, then edpm_update_services, with include_role', () => {
    const runs = tasks.filter((t: any) => t['ansible.builtin.include_role']).map((t: any) => t['ansible.builtin.include_role'].name);
    expect(runs).toEqual(['osp.edpm.edpm_update_system', 'osp.edpm.edpm_update_services']);
  });
  it('maps the monolithic role variable names, a current name that is set winning', () => {
    const maps = tasks.filter((t: any) => t['ansible.builtin.set_fact']).map((t: any) => [Object.keys(t['ansible.builtin.set_fact'])[0], t.when[1].split(' ')[0]]);
    expect(maps).toEqual([
      ['edpm_update_system_enable_kpatch', 'edpm_update_enable_kpatch'],
      ['edpm_update_system_enable_packages_update', 'edpm_update_enable_packages_update'],
      ['edpm_update_services_enable_packages_update', 'edpm_update_enable_packages_update'],
      ['edpm_update_system_exclude_packages', 'edpm_update_exclude_packages'],
      ['edpm_update_services_exclude_packages', 'edpm_update_exclude_packages'],
      ['edpm_update_services_enable_containers_update', 'edpm_update_enable_containers_update'],
      ['edpm_update_services_running_services', 'edpm_update_running_services'],
    ]);
    for (const t of tasks.filter((x: any) => x['ansible.builtin.set_fact'])) expect(t.when[0]).toMatch(/ is not defined$/u);
  });
  it('has its OpenStackDataPlaneService, edpmServiceType update', () => {
    expect(yamlOf(tree, 'services/dataplane_v1beta1_openstackdataplaneservice_update.yaml')).toEqual({
      apiVersion: 'dataplane.openstack.org/v1beta1',
      kind: 'OpenStackDataPlaneService',
      metadata: { name: 'update' },
      spec: { playbook: 'osp.edpm.update', edpmServiceType: 'update' },
    });
  });
});

describe('8. bootc change reporting and kpatch at latest', () => {
  it('reports changed when the staged deployment differs from before', () => {
    const after = yamlOf(tree, `${Y}/tasks/bootc.yml`).find((t: any) => t.register === 'edpm_update_system_bootc_status_after');
    expect(after.changed_when).toBe('(edpm_update_system_bootc_status_after.stdout | from_json).status.staged != (edpm_update_system_bootc_status_before.stdout | from_json).status.staged');
  });
  it('brings kpatch and the live patch to their latest version', () => {
    const dnf = allTasks(yamlOf(tree, `${Y}/tasks/kpatch.yml`)).filter((t: any) => t['ansible.builtin.dnf']).map((t: any) => t['ansible.builtin.dnf']);
    expect(dnf).toContainEqual({ name: 'kpatch', state: 'latest', update_only: true });
    expect(dnf).toContainEqual({ name: "kpatch-patch = {{ ansible_facts['kernel'] }}", state: 'latest', update_only: true });
  });
});

describe('9. task files as they exist in the roles tree', () => {
  it('emits .yml without a roles tree, and the .yaml a tree has', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks: 'update' };
    });
    const plain = yamlOf(compilePlan(plan), `${Y}/tasks/openvswitch.yml`)[0];
    expect(plain['ansible.builtin.import_role'].tasks_from).toBe('update.yml');
    const facts = scanRolesTree(join(ROOT, 'test', 'fixtures', 'roles'));
    const withTree = compilePlan(plan, { taskFileNames: taskFileNamesOf(facts) });
    expect(yamlOf(withTree, `${Y}/tasks/openvswitch.yml`)[0]['ansible.builtin.import_role'].tasks_from).toBe('update.yaml');
    expect(includes(withTree).every((i: any) => i['ansible.builtin.include_role'].tasks_from.endsWith('.yml'))).toBe(true);
  });

  it('names them the same way in the README (steps table, flowchart) and in show --roles', async () => {
    // edpm-ansible's roles are not uniform: a role whose install task file is
    // install.yaml stands for those (edpm_ovs ships update.yaml).
    const dir = mkdtempSync(join(tmpdir(), 'rolegen-yaml-tree-'));
    try {
      cpSync(join(ROOT, 'test', 'fixtures', 'roles'), dir, { recursive: true });
      renameSync(join(dir, 'edpm_nova', 'tasks', 'install.yml'), join(dir, 'edpm_nova', 'tasks', 'install.yaml'));
      const plan = loadPlanFile(DEFAULT_PLAN);
      const built = compilePlan(plan, { taskFileNames: taskFileNamesOf(scanRolesTree(dir)) });
      const nova = includes(built).filter((i: any) => i['ansible.builtin.include_role'].name.endsWith('.edpm_nova'));
      expect(nova.map((i: any) => i['ansible.builtin.include_role'].tasks_from)).toEqual(['update.yml', 'install.yaml']);
      const readme = built.get(`${S}/README.md`)!;
      expect(readme).toMatch(/\| `nova` \| `[^`]+\.edpm_nova` \| update\.yml, install\.yaml \(become\) \|/u);
      expect(readme).toMatch(/nova: edpm_nova update\.yml, install\.yaml/u);
      expect(readme).not.toMatch(/edpm_nova[^\n]*install\.yml/u);
      const shown = await runRolegen(['show', '--services', 'nova', '--roles', dir]);
      expect(shown.status).toBe(0);
      expect(shown.stdout).toMatch(/edpm_nova install\.yaml with become/u);
      expect(shown.stdout).toMatch(/edpm_nova update\.yml/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
