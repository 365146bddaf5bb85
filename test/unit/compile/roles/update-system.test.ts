import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../../src/compile/compile-plan.js';
import { loadPlanFile } from '../../../../src/plan/load.js';
import { DEFAULT_PLAN } from '../../../support/paths.js';
import { allTasks, editedPlan, importOf, moduleOf, taskNamed, tasksCalling, yamlOf } from '../../../support/plans.js';

const role = 'edpm_update_system';
const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));

describe('edpm_update_system: order and gates', () => {
  const main = yamlOf(tree, `${role}/tasks/main.yml`);
  it('gathers local facts, then Open vSwitch, kpatch, every other package, bootc', () => {
    expect(taskNamed(main, 'Gather local facts')['ansible.builtin.setup'].gather_subset).toEqual(['!all', '!min', 'local']);
    expect(tasksCalling(main, 'ansible.builtin.import_tasks').map((t: any) => t['ansible.builtin.import_tasks'].file)).toEqual([
      'openvswitch.yml',
      'kpatch.yml',
      'packages.yml',
      'bootc.yml',
    ]);
  });
  it('runs package steps only on package-mode hosts and bootc only on bootc hosts', () => {
    const bootc = 'ansible_local.bootc | default(false) | bool';
    const packageMode = `not (${bootc})`;
    expect(importOf(main, 'openvswitch.yml').when).toEqual([packageMode, 'edpm_update_system_enable_packages_update | bool']);
    expect(importOf(main, 'kpatch.yml').when).toEqual([packageMode, 'edpm_update_system_enable_kpatch | bool']);
    expect(importOf(main, 'packages.yml').when).toEqual([packageMode, 'edpm_update_system_enable_packages_update | bool']);
    expect(importOf(main, 'bootc.yml').when).toBe(bootc);
  });
});

describe('edpm_update_system: Open vSwitch first, without scriptlets', () => {
  const ovsTasks = yamlOf(tree, `${role}/tasks/openvswitch.yml`);
  const check = taskNamed(ovsTasks, /^Check whether the Open vSwitch packages have updates/);
  const flush = tasksCalling(ovsTasks, 'ansible.builtin.meta')[0];
  const handlers = yamlOf(tree, `${role}/handlers/main.yml`);
  const steps = yamlOf(tree, `${role}/handlers/openvswitch_update.yml`);
  const download = tasksCalling(steps, 'ansible.builtin.dnf')[0];
  const install = tasksCalling(steps, 'ansible.builtin.command')[0];
  const systemd = tasksCalling(steps, 'ansible.builtin.systemd_service').map((t: any) => t['ansible.builtin.systemd_service']);
  const reload = steps.find((t: any) => t['ansible.builtin.systemd_service']?.state === 'reloaded');
  it('checks in check mode and, when dnf would update, runs the update at once through a flushed handler', () => {
    expect(moduleOf(check)).toBe('ansible.builtin.dnf');
    expect(check.check_mode).toBe(true);
    expect(check['ansible.builtin.dnf']).toMatchObject({ state: 'latest', update_only: true, update_cache: true });
    // The handler the check notifies runs the update, and the flush comes after the check.
    expect(taskNamed(handlers, check.notify)['ansible.builtin.include_tasks']).toEqual({ file: 'openvswitch_update.yml' });
    expect(flush['ansible.builtin.meta']).toBe('flush_handlers');
    expect(ovsTasks.indexOf(flush)).toBeGreaterThan(ovsTasks.indexOf(check));
  });
  it('downloads with retries, installs with noscripts, enables, reloads on request', () => {
    expect(steps.map(moduleOf)).toEqual([
      'ansible.builtin.dnf',
      'ansible.builtin.command',
      'ansible.builtin.systemd_service',
      'ansible.builtin.systemd_service',
    ]);
    expect(download['ansible.builtin.dnf'].download_only).toBe(true);
    expect(download.retries).toBe(3);
    expect(systemd).toContainEqual({ name: 'openvswitch', enabled: true });
    expect(reload['ansible.builtin.systemd_service']).toEqual({ name: 'openvswitch', state: 'reloaded' });
    expect(reload.when).toBe('edpm_update_system_ovs_reload | bool');
    for (const s of steps) expect(s.become).toBe(true);
  });
  it('passes package names to dnf as argv elements after --, never through a shell', () => {
    const cmd = install['ansible.builtin.command'];
    expect(Object.keys(cmd)).toEqual(['argv']);
    expect(cmd.argv).toBe(
      "{{ ['dnf', 'update', '-y', '--cacheonly', '--setopt=tsflags=noscripts', '--'] + edpm_update_system_ovs_update_packages }}",
    );
  });
  it('honours edpm_ovs_packages and skips the step when the list is empty', () => {
    const vars = yamlOf(tree, `${role}/vars/main.yml`);
    expect(vars.edpm_update_system_ovs_update_packages).toBe('{{ edpm_ovs_packages | default(edpm_update_system_ovs_packages) }}');
    expect(check.when).toBe('edpm_update_system_ovs_update_packages | length > 0');
  });
  it('imports a role instead when the plan says so, with no handler', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks: 'update' };
    });
    const out = compilePlan(plan);
    const [imp] = yamlOf(out, `${role}/tasks/openvswitch.yml`);
    expect(imp['ansible.builtin.import_role']).toEqual({ name: 'osp.edpm.edpm_ovs', tasks_from: 'update.yml' });
    expect(out.has(`${role}/handlers/main.yml`)).toBe(false);
  });
  it('uses the plan unit name and reload default', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.serviceName = 'ovsdb-server';
      d.updateSystem.openvswitch.reloadAfterUpdate = true;
    });
    const out = compilePlan(plan);
    const units = tasksCalling(yamlOf(out, `${role}/handlers/openvswitch_update.yml`), 'ansible.builtin.systemd_service');
    expect(units.map((t: any) => t['ansible.builtin.systemd_service'].name)).toEqual(['ovsdb-server', 'ovsdb-server']);
    expect(yamlOf(out, `${role}/defaults/main.yml`).edpm_update_system_ovs_reload_after_update).toBe(true);
  });
});

describe('edpm_update_system: every other package', () => {
  it('always excludes openvswitch, the OVS packages, the user list, and the kernel when kpatch is on', () => {
    const [dnf] = yamlOf(tree, `${role}/tasks/packages.yml`);
    expect(dnf['ansible.builtin.dnf'].name).toBe('{{ edpm_update_system_include_packages }}');
    expect(dnf.vars.edpm_update_system_always_excluded_packages).toEqual(['openvswitch', 'openvswitch[0-9]*', 'rdo-openvswitch', 'rhoso-openvswitch']);
    expect(dnf.vars.edpm_update_system_kpatch_held_packages).toEqual(['kernel', 'kernel-core']);
    expect(dnf['ansible.builtin.dnf'].exclude).toBe(
      '{{ (edpm_update_system_always_excluded_packages + edpm_update_system_exclude_packages + edpm_update_system_ovs_update_packages + (edpm_update_system_kpatch_held_packages if edpm_update_system_enable_kpatch | bool else [])) | unique }}',
    );
  });
  it('defaults to every package ("*")', () => {
    expect(yamlOf(tree, `${role}/defaults/main.yml`).edpm_update_system_include_packages).toEqual(['*']);
  });
});

describe('edpm_update_system: kpatch and bootc', () => {
  it('installs kpatch, then tolerates a missing kpatch-patch for the running kernel', () => {
    const tasks = yamlOf(tree, `${role}/tasks/kpatch.yml`);
    const dnf = tasksCalling(tasks, 'ansible.builtin.dnf');
    const kpatch = dnf.find((t: any) => t['ansible.builtin.dnf'].name === 'kpatch');
    const patch = dnf.find((t: any) => String(t['ansible.builtin.dnf'].name).startsWith('kpatch-patch'));
    expect(kpatch['ansible.builtin.dnf']).toEqual({ name: 'kpatch', state: 'present' });
    expect(patch['ansible.builtin.dnf'].name).toBe("kpatch-patch = {{ ansible_facts['kernel'] }}");
    expect(patch.failed_when).toBe(false);
    expect(dnf.indexOf(patch)).toBeGreaterThan(dnf.indexOf(kpatch));
  });
  it('fails first when the image is empty, and flags a staged deployment', () => {
    const tasks = allTasks(yamlOf(tree, `${role}/tasks/bootc.yml`));
    const [fail] = tasksCalling(tasks, 'ansible.builtin.fail');
    expect(tasks.indexOf(fail)).toBe(0);
    expect(fail.when).toBe('edpm_update_system_bootc_os_container_image | length == 0');
    const flag = tasks.find((t: any) => t['ansible.builtin.copy']);
    expect(flag['ansible.builtin.copy'].dest).toBe('/var/lib/openstack/reboot_required/bootc_reboot');
    expect(flag.when).toContain('.status.staged is not none');
    const commands = tasks.filter((t: any) => t['ansible.builtin.command']).map((t: any) => t['ansible.builtin.command'].argv.slice(0, 2).join(' '));
    expect(commands).toEqual(['bootc status', 'bootc switch', 'bootc upgrade', 'bootc status']);
  });
  it('puts the reboot flag where the plan says, inside the folder edpm_reboot reads', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.bootc.rebootRequiredFile = '/var/lib/openstack/reboot_required/image_mode';
    });
    const tasks = yamlOf(compilePlan(plan), `${role}/tasks/bootc.yml`);
    expect(tasks.find((t: any) => t['ansible.builtin.copy'])['ansible.builtin.copy'].dest).toBe('/var/lib/openstack/reboot_required/image_mode');
  });
  it('makes the reboot-required folder only when it is missing: never changes the mode of a folder that exists', () => {
    const tasks = yamlOf(compilePlan(editedPlan(() => {})), `${role}/tasks/bootc.yml`);
    const stat = tasks.findIndex((t: any) => t['ansible.builtin.stat']);
    const make = tasks.findIndex((t: any) => t['ansible.builtin.file']);
    expect(stat).toBeGreaterThan(-1);
    expect(make).toBe(stat + 1);
    expect(tasks[stat]['ansible.builtin.stat'].path).toBe('/var/lib/openstack/reboot_required');
    expect(tasks[stat].register).toBe('edpm_update_system_reboot_required_folder');
    expect(tasks[make]['ansible.builtin.file']).toEqual({ path: '/var/lib/openstack/reboot_required', state: 'directory', mode: '0755' });
    expect(tasks[make].when).toContain('not edpm_update_system_reboot_required_folder.stat.exists');
  });
  it('sets the kpatch default from the plan', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.kpatch.enabled = true;
    });
    expect(yamlOf(compilePlan(plan), `${role}/defaults/main.yml`).edpm_update_system_enable_kpatch).toBe(true);
  });
});
