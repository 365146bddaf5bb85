import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../../src/compile/compile-plan.js';
import { loadPlanFile } from '../../../../src/plan/load.js';
import { DEFAULT_PLAN } from '../../../support/paths.js';
import { allTasks, BUILT_IN_STEP_ORDER, DEFAULT_SERVICES_EXCLUSIONS, editedPlan, importOf, taskNamed, tasksCalling, yamlOf } from '../../../support/plans.js';

const role = 'edpm_update_services';

describe('edpm_update_services: the targeted package update', () => {
  it('always excludes kernel, kernel-core and openvswitch, plus the user list, with unique over the whole sum', () => {
    const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));
    const dnf = tasksCalling(yamlOf(tree, `${role}/tasks/packages.yml`), 'ansible.builtin.dnf').find((t: any) => t['ansible.builtin.dnf'].state === 'latest');
    expect(dnf['ansible.builtin.dnf'].update_only).toBe(true);
    // The update refreshes the metadata; the install of the missing ones, just after, does not again.
    expect(dnf['ansible.builtin.dnf'].update_cache).toBe(true);
    const install = tasksCalling(yamlOf(tree, `${role}/tasks/packages.yml`), 'ansible.builtin.dnf').find((t: any) => t['ansible.builtin.dnf'].state === 'present');
    expect(install['ansible.builtin.dnf'].update_cache).toBe(false);
    expect(dnf['ansible.builtin.dnf'].name).toBe('{{ edpm_update_services_include_packages }}');
    // By name and by Open vSwitch's stream and wrapper packages: dnf does not
    // exclude a package for what it provides.
    expect(dnf.vars.edpm_update_services_always_excluded_packages).toEqual(DEFAULT_SERVICES_EXCLUSIONS);
    // The fix of the precedence slip: unique applies to the concatenation, not to its last operand.
    expect(dnf['ansible.builtin.dnf'].exclude).toBe(
      '{{ (edpm_update_services_always_excluded_packages + edpm_update_services_exclude_packages) | unique }}',
    );
  });

  it('keeps the mandatory exclusions when a plan adds its own', () => {
    const plan = editedPlan((d) => {
      d.updateServices.alwaysExcludedPackages = ['kernel', 'kernel-core', 'openvswitch', 'tuned*'];
    });
    const dnf = tasksCalling(yamlOf(compilePlan(plan), `${role}/tasks/packages.yml`), 'ansible.builtin.dnf')[0];
    expect(dnf.vars.edpm_update_services_always_excluded_packages).toEqual(['kernel', 'kernel-core', 'openvswitch', 'tuned*']);
  });

  it('checks again at run time, before dnf, that the include list has exact names (the variable may be overridden with a glob)', () => {
    const tasks = yamlOf(compilePlan(loadPlanFile(DEFAULT_PLAN)), `${role}/tasks/packages.yml`);
    expect(Object.keys(tasks[0])).toContain('ansible.builtin.assert');
    expect(tasks[0]['ansible.builtin.assert'].that).toEqual(["edpm_update_services_include_packages | select('search', '[*?\\[]') | list | length == 0"]);
    expect(tasks[1]['ansible.builtin.dnf']).toBeDefined();
  });

  it('makes the essential packages the default of the include list', () => {
    const plan = editedPlan((d) => {
      d.updateServices.essentialPackages = ['openstack-selinux', 'podman'];
    });
    const defaults = yamlOf(compilePlan(plan), `${role}/defaults/main.yml`);
    expect(defaults.edpm_update_services_include_packages).toEqual(['openstack-selinux', 'podman']);
  });
});

describe('edpm_update_services: the container steps', () => {
  const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));
  const includes = yamlOf(tree, `${role}/tasks/containers.yml`).filter((t: any) => t['ansible.builtin.include_role'] !== undefined);

  it('includes every task file of every step in plan order, login first', () => {
    const order = includes.map((t: any) => `${t['ansible.builtin.include_role'].name}:${t['ansible.builtin.include_role'].tasks_from}`);
    expect(order).toEqual(BUILT_IN_STEP_ORDER.map((s) => `osp.edpm.${s.role}:${s.task}.yml`));
  });

  it('follows the plan when steps are reordered, and prunes last', () => {
    const plan = editedPlan((d) => {
      d.updateServices.containerSteps.reverse();
    });
    const tasks = yamlOf(compilePlan(plan), `${role}/tasks/containers.yml`);
    const roles = tasks
      .filter((t: any) => t['ansible.builtin.include_role'])
      .map((t: any) => t['ansible.builtin.include_role'].name as string);
    expect(roles.slice(0, 3)).toEqual(['osp.edpm.edpm_podman', 'osp.edpm.edpm_telemetry', 'osp.edpm.edpm_telemetry']);
    const prune = tasksCalling(tasks, 'containers.podman.podman_prune');
    expect(prune).toHaveLength(1);
    expect(tasks.indexOf(prune[0])).toBe(tasks.length - 1);
  });

  it('guards each service step by its service type, and never the login', () => {
    for (const t of includes) {
      const name = t['ansible.builtin.include_role'].name as string;
      if (name === 'osp.edpm.edpm_podman') expect(t.when).toBeUndefined();
      else expect(t.when).toMatch(/^'[a-z0-9-]+' in edpm_update_services_running_services$/);
    }
    const nova = includes.filter((t: any) => t.when === "'nova' in edpm_update_services_running_services");
    expect(nova.map((t: any) => t['ansible.builtin.include_role'].name)).toEqual([
      'osp.edpm.edpm_iscsid',
      'osp.edpm.edpm_multipathd',
      'osp.edpm.edpm_nova',
      'osp.edpm.edpm_nova',
    ]);
  });

  it("gives every included task file the include's tags, the role's own tag among them", () => {
    for (const t of includes) {
      expect(t['ansible.builtin.include_role'].apply.tags).toEqual(t.tags);
      expect(t.tags).toEqual(['edpm_update', role, `${role}_containers`, t['ansible.builtin.include_role'].name.split('.').pop()]);
    }
  });

  it('uses the plan collection in fully qualified role names', () => {
    const plan = editedPlan((d) => {
      d.collection = 'acme.edpm';
    });
    const tasks = yamlOf(compilePlan(plan), `${role}/tasks/containers.yml`);
    const names = tasks.filter((t: any) => t['ansible.builtin.include_role']).map((t: any) => t['ansible.builtin.include_role'].name);
    expect(names.every((n: string) => n.startsWith('acme.edpm.edpm_'))).toBe(true);
  });

  it('prunes images (not only dangling ones) and volumes, or only what the plan asks', () => {
    const pruneOf = (t: any) => taskNamed(yamlOf(t, `${role}/tasks/containers.yml`), /^Prune unused container/)['containers.podman.podman_prune'];
    const prune = pruneOf(tree);
    expect(prune).toEqual({ image: true, image_filters: { dangling_only: false }, volume: true });
    const noVolumes = editedPlan((d) => {
      d.updateServices.prune = { images: true, volumes: false };
    });
    const p2 = pruneOf(compilePlan(noVolumes));
    expect(p2).toEqual({ image: true, image_filters: { dangling_only: false } });
    const none = editedPlan((d) => {
      d.updateServices.prune = { images: false, volumes: false };
    });
    expect(tasksCalling(yamlOf(compilePlan(none), `${role}/tasks/containers.yml`), 'containers.podman.podman_prune')).toEqual([]);
  });
});

describe('edpm_update_services: main', () => {
  const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));
  const main = yamlOf(tree, `${role}/tasks/main.yml`);

  it('gathers only local facts and the package manager, and only when ansible_local is undefined', () => {
    const facts = taskNamed(main, 'Gather local facts');
    expect(facts['ansible.builtin.setup']).toEqual({ gather_subset: ['!all', '!min', 'local', 'pkg_mgr'], filter: ['ansible_local', 'ansible_pkg_mgr', 'gather_subset', 'module_setup'] });
    expect(facts.when).toBe('ansible_local is not defined');
    expect(main.indexOf(facts)).toBe(0);
  });

  it('gates the two steps by their enable variables', () => {
    expect(importOf(main, 'packages.yml').when).toEqual(['not (ansible_local.bootc | default(false) | bool)', 'edpm_update_services_enable_packages_update | bool']);
    expect(importOf(main, 'containers.yml').when).toBe('edpm_update_services_enable_containers_update | bool');
  });
});
