import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../../src/compile/compile-plan.js';
import { InputError, formatDiagnostic } from '../../../../src/core/diagnostics.js';
import type { UpdatePlan } from '../../../../src/model/plan.js';
import { loadPlanFile } from '../../../../src/plan/load.js';
import { globMatches } from '../../../../src/model/dnf-glob.js';
import { DEFAULT_PLAN } from '../../../support/paths.js';
import { allTasks, editedPlan, importOf, moduleOf, taskNamed, tasksCalling, yamlOf } from '../../../support/plans.js';

const role = 'edpm_update_system';
const QUERY = 'Find the Open vSwitch packages installed on the node and the pending updates';
const FIND_AND_UPDATE = `${QUERY}; when one of them has one, download their updates, install them without their RPM scriptlets, enable the openvswitch service`;
const PACKAGE_MODE = ['not (ansible_local.bootc | default(false) | bool)', 'edpm_update_system_enable_packages_update | bool'];
const UPDATE_TAGS = ['edpm_update', 'edpm_update_system', 'edpm_update_system_openvswitch', 'update', 'ovs'];
const QUERY_TAGS = ['edpm_update', 'edpm_update_system', 'edpm_update_system_openvswitch', 'edpm_update_system_packages', 'update', 'ovs'];
const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));

describe('edpm_update_system: order and gates', () => {
  const main = yamlOf(tree, `${role}/tasks/main.yml`);
  it('gathers local facts, then Open vSwitch, kpatch, every other package, bootc', () => {
    // With kpatch on, the running kernel's version in the same round trip (kpatch.yml reads it).
    expect(taskNamed(main, 'Gather local facts')['ansible.builtin.setup']).toEqual({
      gather_subset: "{{ ['!all', '!min', 'local', 'pkg_mgr'] + (['platform'] if edpm_update_system_enable_kpatch | bool else []) }}",
      filter: ['ansible_local', 'ansible_pkg_mgr', 'gather_subset', 'module_setup', 'ansible_kernel'],
    });
    const files = main.map((t: any) => (t['ansible.builtin.import_tasks'] ?? t['ansible.builtin.include_tasks'])?.file).filter((f: unknown) => f !== undefined);
    expect(files).toEqual(['query.yml', 'openvswitch.yml', 'kpatch.yml', 'packages.yml', 'bootc.yml']);
  });
  it('includes the steps most hosts skip (the query alone, kpatch, bootc): one condition, not a skipped task each', () => {
    expect(tasksCalling(main, 'ansible.builtin.include_tasks').map((t: any) => t['ansible.builtin.include_tasks'].file)).toEqual(['query.yml', 'kpatch.yml', 'bootc.yml']);
    // The included tasks carry the step's tags themselves (tags on an include do not reach them).
    for (const [file, tag] of [['query', 'edpm_update_system_packages'], ['kpatch', 'edpm_update_system_kpatch'], ['bootc', 'edpm_update_system_bootc']] as const) {
      for (const t of yamlOf(tree, `${role}/tasks/${file}.yml`)) expect(t.tags, t.name).toContain(tag);
    }
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

describe('edpm_update_system: the Open vSwitch packages, checked and found before any change', () => {
  const main = yamlOf(tree, `${role}/tasks/main.yml`);
  const alone = yamlOf(tree, `${role}/tasks/query.yml`);
  const check = taskNamed(main, 'Check the Open vSwitch package list');
  const findUpdate = taskNamed(main, FIND_AND_UPDATE);
  const queryInclude = importOf(main, 'query.yml');
  const [queryCheck, find] = alone;
  it('checks the list on the controller, then finds and updates in one task; else (not selected) includes the check and the query alone; no task of its own keeps what they found', () => {
    expect(moduleOf(check)).toBe('ansible.builtin.assert');
    expect(main.indexOf(check)).toBe(1);
    expect(main.indexOf(findUpdate)).toBe(2);
    expect(main.indexOf(queryInclude)).toBe(3);
    expect(main.indexOf(importOf(main, 'openvswitch.yml'))).toBe(4);
    expect(main.filter((t: any) => t['ansible.builtin.set_fact'] !== undefined)).toEqual([]);
    // The find-and-update task and its check: tagged exactly as the Open vSwitch update (it runs when an update would).
    for (const t of [check, findUpdate]) expect(t.tags).toEqual(UPDATE_TAGS);
    for (const t of [check, findUpdate]) expect(t.when).toEqual(PACKAGE_MODE);
    // The query alone and its check, in tasks/query.yml: included (one skipped task on the controller in a whole
    // run, not two) only when the find-and-update task was not selected; the include and both tasks tagged for
    // both steps that need them (--tags edpm_update_system_packages still finds what to exclude), so that a
    // selection that picks the include picks both tasks in it.
    expect(moduleOf(queryInclude)).toBe('ansible.builtin.include_tasks');
    expect(queryInclude.when).toEqual([...PACKAGE_MODE, 'edpm_update_system_ovs_update is not defined']);
    expect(alone.map((t: any) => t.name)).toEqual(['Check the Open vSwitch package list', QUERY]);
    for (const t of [queryInclude, queryCheck, find]) expect(t.tags).toEqual(QUERY_TAGS);
    for (const t of [queryCheck, find]) expect(t.when).toBeUndefined();
    const { when: _w, tags: _t, ...checkBody } = check;
    expect(queryCheck).toEqual({ ...checkBody, tags: queryCheck.tags });
  });
  it('stops, naming the variable, on an empty list, a glob or a package that is not Open vSwitch', () => {
    const that: string[] = check['ansible.builtin.assert'].that;
    expect(that).toContain('edpm_update_system_ovs_update_packages | length > 0');
    // The pattern the plan's own list was checked with at build time, no glob character in it.
    const pattern = /reject\('match', '([^']+)'\)/u.exec(that.join('\n'))![1]!;
    const re = new RegExp(pattern, 'u');
    for (const ok of ['openvswitch', 'rdo-openvswitch', 'openvswitch3.3', 'python3-openvswitch3.3']) expect(re.test(ok), ok).toBe(true);
    for (const bad of ['*', 'openvswitch*', 'openvswitch[0-9]*', 'openvswitch3.?', '-openvswitch', '--setopt=x', 'a b']) expect(re.test(bad), bad).toBe(false);
    expect(that).toContain("edpm_update_system_ovs_update_packages | reject('search', 'openvswitch') | list == []");
    expect(check['ansible.builtin.assert'].fail_msg).toMatch(/^edpm_ovs_packages \(else edpm_update_system_ovs_packages\) must name/);
  });
  it('finds them with a query that changes nothing, runs in check mode too, and gets the names as arguments', () => {
    expect(find.check_mode).toBe(false);
    expect(find.changed_when).toBe(false);
    expect(find.register).toBe('edpm_update_system_ovs_query');
    // It refreshes the dnf metadata: tried again like the download, inside the script (the retries and
    // the delay are its arguments, below), not by the task as a whole.
    for (const key of ['until', 'retries', 'delay']) expect(find[key], key).toBeUndefined();
    // What it found is read, as task variables, by the all-packages step (describe 'every other package').
    const packages = yamlOf(tree, `${role}/tasks/packages.yml`)[0];
    expect(packages.vars).toMatchObject({
      // From whichever ran: the find-and-update task, else the query alone.
      edpm_update_system_ovs_query_words:
        "{{ (edpm_update_system_ovs_update if edpm_update_system_ovs_update.stdout_lines is defined else edpm_update_system_ovs_query).stdout_lines | map('split') | list }}",
      edpm_update_system_ovs_installed_packages: "{{ edpm_update_system_ovs_query_words | selectattr(0, 'equalto', 'openvswitch') | map(attribute=1) | list }}",
      edpm_update_system_pending_updates: "{{ edpm_update_system_ovs_query_words | selectattr(0, 'equalto', 'update') | map(attribute=1) | list }}",
    });
    expect(find['ansible.builtin.command'].argv).toBe(
      "{{ ['sh', '-c', edpm_update_system_ovs_find_update_script, 'find-openvswitch', '/usr/lib/systemd/system/openvswitch.service', 'openvswitch', " +
        "edpm_update_system_ovs_download_retries | int | string, edpm_update_system_ovs_download_delay | int | string, 'query'] + edpm_update_system_ovs_update_packages }}",
    );
    // The same script as the find-and-update task's (mode query: no update), with no Jinja delimiters: it reaches the node as written.
    expect(find.vars.edpm_update_system_ovs_find_update_script).toBe(findUpdate.vars.edpm_update_system_ovs_find_update_script);
    expect(find.vars.edpm_update_system_ovs_find_update_script).not.toMatch(/\{\{|\{%|\{#/u);
  });
  it('finds and updates in one command that runs in check mode too (it updates only outside it), reports changed only when it installed, and is not tried again as a whole', () => {
    expect(findUpdate.check_mode).toBe(false);
    expect(findUpdate.register).toBe('edpm_update_system_ovs_update');
    expect(findUpdate.changed_when).toBe("'changed' in (edpm_update_system_ovs_update.stdout_lines | default([]))");
    // The refresh and the download are tried again inside the command; a failed install is not run twice.
    for (const key of ['until', 'retries', 'delay']) expect(findUpdate[key], key).toBeUndefined();
    expect(findUpdate.become).toBe(true);
    expect(findUpdate['ansible.builtin.command']).toEqual({
      argv:
        "{{ ['sh', '-c', edpm_update_system_ovs_find_update_script, 'find-update-openvswitch', '/usr/lib/systemd/system/openvswitch.service', 'openvswitch', " +
        "edpm_update_system_ovs_download_retries | int | string, edpm_update_system_ovs_download_delay | int | string, 'check' if ansible_check_mode else 'update'] + edpm_update_system_ovs_update_packages }}",
    });
    expect(findUpdate.vars.edpm_update_system_ovs_update_packages).toBe('{{ edpm_ovs_packages | default(edpm_update_system_ovs_packages) }}');
    expect(findUpdate.vars.edpm_update_system_ovs_find_update_script).not.toMatch(/\{\{|\{%|\{#/u);
  });
  it('honours edpm_ovs_packages, and the download settings of edpm_ovs, then of every EDPM role, then the plan', () => {
    const vars = yamlOf(tree, `${role}/vars/main.yml`);
    for (const t of [check, queryCheck, findUpdate, find]) expect(t.vars.edpm_update_system_ovs_update_packages).toBe('{{ edpm_ovs_packages | default(edpm_update_system_ovs_packages) }}');
    expect(vars.edpm_update_system_ovs_download_retries).toBe('{{ edpm_ovs_download_retries | default(edpm_download_retries) | default(5) }}');
    expect(vars.edpm_update_system_ovs_download_delay).toBe('{{ edpm_ovs_download_delay | default(edpm_download_delay) | default(5) }}');
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.downloadRetries = 2;
      d.updateSystem.openvswitch.downloadDelay = 7;
    });
    const edited = yamlOf(compilePlan(plan), `${role}/vars/main.yml`);
    expect(edited.edpm_update_system_ovs_download_retries).toBe('{{ edpm_ovs_download_retries | default(edpm_download_retries) | default(2) }}');
    expect(edited.edpm_update_system_ovs_download_delay).toBe('{{ edpm_ovs_download_delay | default(edpm_download_delay) | default(7) }}');
    const specs = yamlOf(tree, `${role}/meta/argument_specs.yml`).argument_specs.main.options;
    for (const name of ['edpm_ovs_packages', 'edpm_ovs_download_retries', 'edpm_ovs_download_delay', 'edpm_download_retries', 'edpm_download_delay']) {
      expect(specs[name], name).toBeDefined();
      expect(specs[name].default, name).toBeUndefined();
    }
  });
});

describe('edpm_update_system: a plan built in memory (library) with a bad Open vSwitch list', () => {
  const base = loadPlanFile(DEFAULT_PLAN);
  const withPackages = (packages: string[]): UpdatePlan => ({
    ...base,
    updateSystem: { ...base.updateSystem, openvswitch: { ...base.updateSystem.openvswitch, packages } },
  });
  const problemsOf = (plan: UpdatePlan): string[] => {
    try {
      compilePlan(plan);
    } catch (err) {
      if (err instanceof InputError) return err.diagnostics.map(formatDiagnostic);
      throw err;
    }
    return [];
  };
  it('is refused as bad input, naming the variable, like a plan file', () => {
    expect(problemsOf(withPackages(['*']))).toEqual([expect.stringMatching(/^\(plan\):1:1: error: \/updateSystem\/openvswitch\/packages\/0: "\*" is a dnf glob: .*edpm_ovs_packages/)]);
    expect(problemsOf(withPackages([]))[0]).toMatch(/^\(plan\):1:1: error: \/updateSystem\/openvswitch\/packages: the Open vSwitch package list \(default of edpm_ovs_packages\) is empty/);
    expect(problemsOf(withPackages(['openvswitch', 'kernel']))[0]).toMatch(/packages\/1: "kernel" is not an Open vSwitch package/);
    expect(problemsOf(withPackages(['rhoso-openvswitch']))).toEqual([]);
  });
});

describe('edpm_update_system: Open vSwitch first, without scriptlets', () => {
  const steps = yamlOf(tree, `${role}/tasks/openvswitch.yml`);
  const [preview, reload] = steps;
  const words = 'edpm_update_system_ovs_update_words';
  const installed = `${words} | selectattr(0, 'equalto', 'openvswitch') | map(attribute=1) | list`;
  const pending = `${words} | selectattr(0, 'equalto', 'update') | map(attribute=1) | list`;
  it('after the find-and-update task (tasks/main.yml): the check-mode preview, then the reload', () => {
    expect(steps.map(moduleOf)).toEqual(['ansible.builtin.dnf', 'ansible.builtin.systemd_service']);
    for (const s of steps) expect(s.become).toBe(true);
  });
  it('in check mode, where the find-and-update task updates nothing, shows what the update would bring with the dnf module, from what that task found', () => {
    expect(preview['ansible.builtin.dnf']).toEqual({
      name: `{{ ${installed} }}`,
      state: 'latest',
      update_only: true,
      download_only: true,
    });
    expect(preview.vars).toEqual({ [words]: "{{ edpm_update_system_ovs_update.stdout_lines | map('split') | list }}" });
    expect(preview.when).toEqual(['ansible_check_mode', `${installed} | intersect(${pending}) | length > 0`]);
    // Tagged as the find-and-update task, whose result it reads.
    expect(preview.tags).toEqual(UPDATE_TAGS);
  });
  it('reloads as edpm_ovs does, only after a change (or selected alone with --tags reload) and on request', () => {
    expect(reload['ansible.builtin.systemd_service']).toEqual({ name: 'openvswitch', daemon_reload: true, state: 'reloaded', masked: false });
    expect(reload.when).toEqual([
      'edpm_update_system_ovs_update is not defined or edpm_update_system_ovs_update is changed',
      'edpm_update_system_ovs_reload | bool',
    ]);
  });
  it('has no handlers: the steps run in order, before every other package', () => {
    expect([...tree.keys()].filter((p) => p.startsWith(`${role}/handlers/`))).toEqual([]);
  });
  it('imports a role instead when the plan says so, each of its task files, and still checks and finds the packages', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks: ['update'] };
    });
    const out = compilePlan(plan);
    expect(yamlOf(out, `${role}/tasks/openvswitch.yml`).map((t: any) => t['ansible.builtin.import_role'])).toEqual([
      { name: 'osp.edpm.edpm_ovs', tasks_from: 'update.yml' },
    ]);
    const main = yamlOf(out, `${role}/tasks/main.yml`);
    // The check and the query alone, tagged for both steps as before, with no condition on a task that is not there.
    expect(main.map((t: any) => t.name).slice(1, 4)).toEqual(['Check the Open vSwitch package list', QUERY, 'Update Open vSwitch first']);
    for (const t of main.slice(1, 3)) expect(t.when).toEqual(PACKAGE_MODE);
    expect(main.slice(1, 3).map((t: any) => t.tags)).toEqual(Array(2).fill(QUERY_TAGS.slice(0, 4)));
    expect(yamlOf(out, `${role}/tasks/packages.yml`)[0].vars.edpm_update_system_ovs_query_words).toBe("{{ edpm_update_system_ovs_query.stdout_lines | map('split') | list }}");
    expect(main.map((t: any) => t.name)).not.toContain(FIND_AND_UPDATE);
    const defaults = yamlOf(out, `${role}/defaults/main.yml`);
    expect(defaults.edpm_update_system_ovs_packages).toEqual(['openvswitch']);
    expect(defaults.edpm_update_system_ovs_reload_after_update).toBeUndefined();
  });
  it('uses the plan unit name and reload default', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.serviceName = 'ovsdb-server';
      d.updateSystem.openvswitch.reloadAfterUpdate = true;
    });
    const out = compilePlan(plan);
    const steps = yamlOf(out, `${role}/tasks/openvswitch.yml`);
    expect(tasksCalling(steps, 'ansible.builtin.systemd_service').map((t: any) => t['ansible.builtin.systemd_service'].name)).toEqual(['ovsdb-server']);
    expect(taskNamed(yamlOf(out, `${role}/tasks/main.yml`), FIND_AND_UPDATE.replace('openvswitch service', 'ovsdb-server service'))['ansible.builtin.command'].argv).toContain(
      "'find-update-openvswitch', '/usr/lib/systemd/system/ovsdb-server.service', 'ovsdb-server',",
    );
    expect(yamlOf(out, `${role}/defaults/main.yml`).edpm_update_system_ovs_reload_after_update).toBe(true);
    expect(taskNamed(yamlOf(out, `${role}/tasks/query.yml`), QUERY)['ansible.builtin.command'].argv).toContain(
      "'/usr/lib/systemd/system/ovsdb-server.service'",
    );
  });
});

describe('edpm_update_system: every other package', () => {
  const QUERY_RAN = '(edpm_update_system_ovs_update.stdout_lines is defined or edpm_update_system_ovs_query.stdout_lines is defined)';
  const exclusions =
    `edpm_update_system_always_excluded_packages + edpm_update_system_exclude_packages + (edpm_update_system_ovs_installed_packages if ${QUERY_RAN} else ['*openvswitch*']) + (edpm_update_system_kpatch_held_packages if edpm_update_system_enable_kpatch | bool else [])`;
  const exclude = `{{ (${exclusions}) | unique }}`;
  it('always excludes openvswitch, the Open vSwitch packages found on the node, the user list, and the kernel when kpatch is on', () => {
    const [dnf] = yamlOf(tree, `${role}/tasks/packages.yml`);
    expect(dnf['ansible.builtin.dnf'].name).toBe('{{ edpm_update_system_include_packages }}');
    expect(dnf.vars.edpm_update_system_always_excluded_packages).toEqual(['openvswitch', 'openvswitch[0-9]*', 'rdo-openvswitch', 'rhoso-openvswitch']);
    expect(dnf.vars.edpm_update_system_kpatch_held_packages).toEqual(['kernel', 'kernel-core', 'kernel-modules', 'kernel-modules-core', 'kernel-modules-extra']);
    // Every Open vSwitch package when the query did not run (skipped by tags).
    expect(dnf['ansible.builtin.dnf'].exclude).toBe(exclude);
  });
  /**
   * The packages of one EL9 kernel build and what each requires of its own
   * build, as the EL9 kernel.spec declares them (kernel_modules_package,
   * kernel_modules_core_package, kernel_modules_extra_package macros):
   * kernel-core provides kernel-uname-r and kernel-core-uname-r = KVERREL,
   * each modules package provides its own NAME-uname-r and requires
   * kernel-uname-r of the same KVERREL. A package whose new build requires a
   * held-back package's new build cannot be installed, and with EL9's
   * best=True dnf then fails the whole step ("cannot install the best update
   * candidate for package kernel-modules-..."; seen with dnf 4.14 on packages
   * of this shape).
   */
  const EL9_KERNEL_BUILD: Record<string, { provides: string[]; requires: string[] }> = {
    kernel: { provides: [], requires: ['kernel-core-uname-r', 'kernel-modules-uname-r', 'kernel-modules-core-uname-r'] },
    'kernel-core': { provides: ['kernel-uname-r', 'kernel-core-uname-r'], requires: [] },
    'kernel-modules-core': { provides: ['kernel-modules-core-uname-r'], requires: ['kernel-uname-r'] },
    'kernel-modules': { provides: ['kernel-modules-uname-r'], requires: ['kernel-uname-r', 'kernel-modules-core-uname-r'] },
    'kernel-modules-extra': { provides: ['kernel-modules-extra-uname-r'], requires: ['kernel-uname-r', 'kernel-modules-uname-r'] },
  };
  it.each([
    ['the built-in plan', tree],
    ['a plan that leaves kpatch.kernelPackages out (the compiler default)', compilePlan(editedPlan((d) => delete d.updateSystem.kpatch.kernelPackages))],
  ])('with kpatch on, %s holds back every package of the kernel build that requires a held-back one (else best=True fails the step)', (_, out) => {
    const held: string[] = yamlOf(out, `${role}/tasks/packages.yml`)[0].vars.edpm_update_system_kpatch_held_packages;
    const isHeld = (name: string): boolean => held.some((p) => globMatches(p, name));
    expect(isHeld('kernel-core')).toBe(true);
    const heldProvider = (cap: string): string | undefined => Object.keys(EL9_KERNEL_BUILD).find((n) => EL9_KERNEL_BUILD[n]!.provides.includes(cap) && isHeld(n));
    const blocked = Object.entries(EL9_KERNEL_BUILD)
      .filter(([name]) => !isHeld(name))
      .flatMap(([name, pkg]) => pkg.requires.filter((cap) => heldProvider(cap) !== undefined).map((cap) => `${name} requires ${cap} (${heldProvider(cap)}, held back)`));
    expect(blocked).toEqual([]);
  });
  it('runs only when the query saw a pending update it does not exclude, without a second refresh of the metadata', () => {
    const [dnf] = yamlOf(tree, `${role}/tasks/packages.yml`);
    expect(dnf.when).toBe(
      `(edpm_update_system_pending_updates if ${QUERY_RAN} else ['*']) | reject('match', edpm_update_system_excluded_pattern) | list | length > 0`,
    );
    expect(dnf.vars.edpm_update_system_excluded_pattern).toContain(exclusions);
    expect(dnf['ansible.builtin.dnf'].update_cache).toBe(`{{ not ${QUERY_RAN} }}`);
  });
  it('excludes the Open vSwitch packages found on the node when their tasks come from a role too', () => {
    const plan = editedPlan((d) => {
      d.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks: ['update'] };
    });
    // There the query alone finds them (no find-and-update task).
    expect(yamlOf(compilePlan(plan), `${role}/tasks/packages.yml`)[0]['ansible.builtin.dnf'].exclude).toBe(
      exclude.replace(QUERY_RAN, '(edpm_update_system_ovs_query.stdout_lines is defined)'),
    );
  });
  it('defaults to every package ("*")', () => {
    expect(yamlOf(tree, `${role}/defaults/main.yml`).edpm_update_system_include_packages).toEqual(['*']);
  });
});

describe('edpm_update_system: kpatch and bootc', () => {
  it('gathers the running kernel\'s version itself only when the first task did not (skipped: the local facts were there)', () => {
    const [gather] = yamlOf(tree, `${role}/tasks/kpatch.yml`);
    expect(gather['ansible.builtin.setup']).toEqual({ gather_subset: ['!all', '!min', 'platform'] });
    expect(gather.when).toBe("ansible_facts['kernel'] is not defined");
  });
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
