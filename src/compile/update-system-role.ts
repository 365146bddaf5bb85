/**
 * Phase 2, `edpm_update_system`: Open vSwitch first (without its RPM
 * scriptlets), then optional kpatch, then every other package; bootc hosts
 * switch or upgrade their image instead.
 */
import { posix } from 'node:path';
import type { UpdatePlan } from '../model/plan.js';
import { gatherLocalFactsTask } from './gather-facts.js';
import { openvswitchTasks, openvswitchVariables, OVS_VARS } from './openvswitch-tasks.js';
import type { RoleVariable } from './role-variable.js';
import { task, type Task } from './task.js';

export const UPDATE_SYSTEM_ROLE = 'edpm_update_system';
const P = UPDATE_SYSTEM_ROLE;

/** Variable names of the role (kept from the hand-written role). */
export const UPDATE_SYSTEM_VARS = {
  enableKpatch: `${P}_enable_kpatch`,
  enablePackages: `${P}_enable_packages_update`,
  includePackages: `${P}_include_packages`,
  excludePackages: `${P}_exclude_packages`,
  bootcImage: `${P}_bootc_os_container_image`,
  /** Task-level variables holding plan lists. */
  alwaysExcluded: `${P}_always_excluded_packages`,
  kpatchHeld: `${P}_kpatch_held_packages`,
  /** Registered results. */
  bootcStatusBefore: `${P}_bootc_status_before`,
  bootcStatusAfter: `${P}_bootc_status_after`,
} as const;
const V = UPDATE_SYSTEM_VARS;

/** Tags of every task, and of each step. */
export const UPDATE_SYSTEM_TAGS = {
  role: ['edpm_update', P],
  openvswitch: ['edpm_update', P, `${P}_openvswitch`],
  kpatch: ['edpm_update', P, `${P}_kpatch`],
  packages: ['edpm_update', P, `${P}_packages`],
  bootc: ['edpm_update', P, `${P}_bootc`],
} as const;
const T = UPDATE_SYSTEM_TAGS;

/** A Jinja test true on image-mode (bootc) hosts. */
const IS_BOOTC = 'ansible_local.bootc | default(false) | bool';

/** The role's input variables. */
export function updateSystemVariables(plan: UpdatePlan): RoleVariable[] {
  const s = plan.updateSystem;
  return [
    {
      name: V.enableKpatch,
      type: 'bool',
      default: s.kpatch.enabled,
      description: [
        'Whether to install kpatch and the live patch of the running kernel, and then hold back',
        `the kernel packages (${s.kpatch.kernelPackages.join(', ')}) from the update.`,
      ],
    },
    {
      name: V.enablePackages,
      type: 'bool',
      default: true,
      description: ['Whether to update packages (Open vSwitch first, then every other package) on package-mode hosts.'],
    },
    {
      name: V.includePackages,
      type: 'list',
      elements: 'str',
      default: [...s.includePackages],
      description: ['Packages updated to their latest version after Open vSwitch (names or dnf globs).'],
    },
    {
      name: V.excludePackages,
      type: 'list',
      elements: 'str',
      default: [],
      description: [
        'Packages never updated, in addition to those the plan always excludes',
        `(${s.alwaysExcludedPackages.join(', ')}) and the Open vSwitch packages.`,
      ],
    },
    {
      name: V.bootcImage,
      type: 'str',
      default: '',
      description: ['On bootc hosts, the OS container image to switch to. Required there: the role fails when it is empty.'],
    },
    ...openvswitchVariables(plan),
  ];
}

/** `tasks/<file>.yml` contents of the role, by file name. */
export function updateSystemTasks(plan: UpdatePlan): Map<string, Task[]> {
  const packageMode = `not (${IS_BOOTC})`;
  const main: Task[] = [
    gatherLocalFactsTask(T.role),
    task('Update Open vSwitch first', 'ansible.builtin.import_tasks', { file: 'openvswitch.yml' }, {
      when: [packageMode, `${V.enablePackages} | bool`],
      tags: T.openvswitch,
    }),
    task('Install kpatch and the live patch of the running kernel', 'ansible.builtin.import_tasks', { file: 'kpatch.yml' }, {
      when: [packageMode, `${V.enableKpatch} | bool`],
      tags: T.kpatch,
    }),
    task('Update every other package', 'ansible.builtin.import_tasks', { file: 'packages.yml' }, {
      when: [packageMode, `${V.enablePackages} | bool`],
      tags: T.packages,
    }),
    task('Switch or upgrade the bootc image', 'ansible.builtin.import_tasks', { file: 'bootc.yml' }, {
      when: IS_BOOTC,
      tags: T.bootc,
    }),
  ];
  return new Map([
    ['main', main],
    ['openvswitch', openvswitchTasks(plan, T.openvswitch)],
    ['kpatch', kpatchTasks()],
    ['packages', packagesTasks(plan)],
    ['bootc', bootcTasks(plan)],
  ]);
}

function kpatchTasks(): Task[] {
  return [
    task('Gather the version of the running kernel', 'ansible.builtin.setup', { gather_subset: ['!all', '!min', 'platform'] }, {
      when: "ansible_facts['kernel'] is not defined",
      become: true,
      tags: T.kpatch,
    }),
    task('Install kpatch (the package update brings it to its latest version)', 'ansible.builtin.dnf', { name: 'kpatch', state: 'present' }, {
      become: true,
      tags: T.kpatch,
    }),
    task(
      'Install the live patch of the running kernel when there is one',
      'ansible.builtin.dnf',
      { name: "kpatch-patch = {{ ansible_facts['kernel'] }}", state: 'present' },
      { failedWhen: false, become: true, tags: T.kpatch },
    ),
  ];
}

function packagesTasks(plan: UpdatePlan): Task[] {
  const s = plan.updateSystem;
  const exclusions: string[] = [V.alwaysExcluded, V.excludePackages];
  if (plan.updateSystem.openvswitch.tasks.kind === 'inline') exclusions.push(OVS_VARS.effectivePackages);
  const kpatch = `(${V.kpatchHeld} if ${V.enableKpatch} | bool else [])`;
  const vars: Record<string, unknown> = {
    [V.alwaysExcluded]: [...s.alwaysExcludedPackages],
    [V.kpatchHeld]: [...s.kpatch.kernelPackages],
  };
  return [
    task(
      'Update every other package to its latest version',
      'ansible.builtin.dnf',
      {
        name: `{{ ${V.includePackages} }}`,
        state: 'latest',
        update_only: true,
        update_cache: true,
        exclude: `{{ (${exclusions.join(' + ')} + ${kpatch}) | unique }}`,
      },
      { vars, become: true, tags: T.packages },
    ),
  ];
}

function bootcTasks(plan: UpdatePlan): Task[] {
  const flag = plan.updateSystem.bootc.rebootRequiredFile;
  const statusOf = (register: string) => `(${register}.stdout | from_json)`;
  const target = `${statusOf(V.bootcStatusBefore)}.spec.image.image | default('')`;
  const staged = `${statusOf(V.bootcStatusAfter)}.status.staged is not none`;
  const statusTask = (name: string, register: string) =>
    task(name, 'ansible.builtin.command', { argv: ['bootc', 'status', '--format', 'json'] }, {
      register,
      checkMode: false,
      changedWhen: false,
      become: true,
      tags: T.bootc,
    });
  return [
    task('Fail when no bootc image is given', 'ansible.builtin.fail', {
      msg: `${V.bootcImage} is empty: set it to the OS container image this bootc host must run`,
    }, { when: `${V.bootcImage} | length == 0`, tags: T.bootc }),
    statusTask('Read the bootc status before the update', V.bootcStatusBefore),
    task('Switch the host to the bootc image', 'ansible.builtin.command', {
      argv: ['bootc', 'switch', `{{ ${V.bootcImage} }}`],
    }, { changedWhen: true, when: `${target} != ${V.bootcImage}`, become: true, tags: T.bootc }),
    task('Upgrade the host to the newest build of its bootc image', 'ansible.builtin.command', {
      argv: ['bootc', 'upgrade'],
    }, { changedWhen: false, when: `${target} == ${V.bootcImage}`, become: true, tags: T.bootc }),
    statusTask('Read the bootc status after the update', V.bootcStatusAfter),
    task('Create the reboot-required folder', 'ansible.builtin.file', {
      path: posix.dirname(flag),
      state: 'directory',
      mode: '0755',
    }, { when: staged, become: true, tags: T.bootc }),
    task('Flag that the staged bootc deployment needs a reboot', 'ansible.builtin.copy', {
      dest: flag,
      content: 'A bootc deployment is staged: reboot to run it.\n',
      mode: '0644',
    }, { when: staged, become: true, tags: T.bootc }),
  ];
}
