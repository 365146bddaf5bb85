/**
 * Phase 2, `edpm_update_system`, the whole role: Open vSwitch first (without
 * its RPM scriptlets, see update-system-openvswitch.ts), then optional
 * kpatch, then every other package; bootc hosts switch or upgrade their
 * image instead. Its tasks, handlers, vars, input variables, README steps
 * and tags, meta and Molecule scenarios are all made here.
 */
import { posix } from 'node:path';
import type { UpdatePlan } from '../../model/plan.js';
import { OVS_TASK_TAGS, roleTags, stepTag, UPDATE_SYSTEM_PHASE, UPDATE_SYSTEM_ROLE } from '../../model/roles.js';
import { compileContext, type CompileContext } from '../compile-context.js';
import { gatherLocalFactsTask, IS_BOOTC, IS_PACKAGE_MODE } from '../gather-facts.js';
import { GENERATED_HEADER } from '../generated-header.js';
import { roleScenarios } from '../molecule/scenarios.js';
import { recordListOrigins } from '../origin.js';
import { dnfUpdateTask, exclusionPattern, packageListVariables, packageUpdateVars, switchVariable } from '../package-update.js';
import type { RoleParts } from '../role-parts.js';
import { diagramNode, roleTagRows, type ReadmeSteps } from '../role-readme.js';
import type { RoleVariable } from '../role-variable.js';
import { task, type Task } from '../task.js';
import {
  installedOpenvswitchExpression,
  addOpenvswitchFindingsVars,
  openvswitchPreludeTasks,
  openvswitchQueryRan,
  pendingUpdatesExpression,
  openvswitchReadmeData,
  openvswitchRoleVars,
  openvswitchTasks,
  openvswitchVariables,
  OVS_QUERY_TASK_FILE,
} from './update-system-openvswitch.js';

const P = UPDATE_SYSTEM_ROLE;

/** Variable names of the role (kept from the hand-written role). */
export const UPDATE_SYSTEM_VARS = {
  ...packageUpdateVars(P),
  enableKpatch: `${P}_enable_kpatch`,
  bootcImage: `${P}_bootc_os_container_image`,
  /** Task-level variable holding the kernel packages kpatch holds back. */
  kpatchHeld: `${P}_kpatch_held_packages`,
  /** Task-level variable: one regular expression matching every excluded name. */
  excludedPattern: `${P}_excluded_pattern`,
  /** Registered results. */
  bootcStatusBefore: `${P}_bootc_status_before`,
  bootcStatusAfter: `${P}_bootc_status_after`,
  rebootFolder: `${P}_reboot_required_folder`,
} as const;
const V = UPDATE_SYSTEM_VARS;

/**
 * The README's flowchart: facts, then the package-mode steps (the check of
 * the Open vSwitch list and the query of the installed Open vSwitch
 * packages, the Open vSwitch step, kpatch, every other package) or the bootc ones.
 */
function phaseDiagram(plan: UpdatePlan): string[] {
  const ovs = plan.updateSystem.openvswitch.tasks;
  const ovsLabel =
    ovs.kind === 'role'
      ? `Update Open vSwitch with ${ovs.role} ${ovs.tasks.map((t) => `${t}.yml`).join(', ')}`
      : 'Update the Open vSwitch packages found first, without scriptlets';
  return [
    'flowchart TD',
    `  ${diagramNode('facts', 'Gather local facts')} --> ${diagramNode('bootc', 'bootc host', 'decision')}`,
    `  bootc -- no --> ${diagramNode('find', 'Check the Open vSwitch list, find the installed Open vSwitch packages and the pending updates')}`,
    `  find --> ${diagramNode('ovs', ovsLabel)}`,
    `  ovs --> ${diagramNode('kpatch', 'Install kpatch (when enabled)')}`,
    `  kpatch --> ${diagramNode('packages', 'Update every other package, Open vSwitch excluded')}`,
    `  bootc -- yes --> ${diagramNode('image', 'Switch or upgrade the bootc image')}`,
    `  image --> ${diagramNode('reboot', 'Flag the reboot when a deployment is staged')}`,
  ];
}

/** Tags of every task, and of each step. */
export const UPDATE_SYSTEM_TAGS = {
  role: roleTags(P),
  openvswitch: roleTags(P, 'openvswitch'),
  /** The check of the Open vSwitch package list and the query of the installed ones: both steps need them. */
  openvswitchPackages: [...roleTags(P, 'openvswitch'), stepTag(P, 'packages')],
  /** The Open vSwitch update of the inline step (edpm_ovs's tags too): the find-and-update task carries them. */
  openvswitchUpdate: [...roleTags(P, 'openvswitch'), ...OVS_TASK_TAGS.update],
  kpatch: roleTags(P, 'kpatch'),
  packages: roleTags(P, 'packages'),
  bootc: roleTags(P, 'bootc'),
} as const;
const T = UPDATE_SYSTEM_TAGS;

/** The role's Molecule scenarios. */
export const UPDATE_SYSTEM_SCENARIOS: readonly string[] = ['update_system', 'update_system_kpatch', 'update_system_bootc'];

/** Everything of the role, for a plan. */
export function updateSystemRole(plan: UpdatePlan, context: CompileContext = compileContext({})): RoleParts {
  return {
    phase: UPDATE_SYSTEM_PHASE,
    shortDescription: 'Update the system packages of an EDPM node, Open vSwitch first',
    description: [
      'Updates Open vSwitch without its RPM scriptlets, then every other package of an EDPM node,',
      'optionally with kpatch; on bootc hosts, switches or upgrades the OS image instead.',
      'Independent of edpm_update_services; a new kernel needs a reboot.',
    ],
    galaxyTags: ['edpm', 'update', 'openstack', 'openvswitch'],
    tasks: updateSystemTasks(plan, context),
    variables: updateSystemVariables(plan),
    scenarios: roleScenarios(plan, UPDATE_SYSTEM_SCENARIOS, GENERATED_HEADER),
    handlers: new Map(),
    roleVars: openvswitchRoleVars(plan),
    steps: readmeSteps(plan, context),
    diagram: phaseDiagram(plan),
    readmeOrigins: [
      {
        text: ' --> ovs["',
        origin: plan.updateSystem.openvswitch.tasks.kind === 'role'
          ? { pointer: '/updateSystem/openvswitch/tasks', rule: "the Open vSwitch step of the README flowchart: the plan's Open vSwitch role and task files" }
          : { pointer: '/updateSystem/openvswitch', rule: 'the Open vSwitch step of the README flowchart: the inline step' },
      },
      ...(plan.updateSystem.openvswitch.tasks.kind === 'role'
        ? [{ text: '**Updates Open vSwitch first**', origin: { pointer: '/updateSystem/openvswitch/tasks', rule: "the README's Open vSwitch step: the plan's Open vSwitch role and task files" } }]
        : []),
    ],
    tags: [
      ...roleTagRows(P),
      { name: stepTag(P, 'openvswitch'), selects: 'the Open vSwitch step' },
      { name: stepTag(P, 'kpatch'), selects: 'the kpatch step' },
      { name: stepTag(P, 'packages'), selects: 'the update of every other package' },
      { name: stepTag(P, 'bootc'), selects: 'the bootc steps' },
      ...(plan.updateSystem.openvswitch.tasks.kind === 'inline'
        ? [
            { name: OVS_TASK_TAGS.update[0], selects: "the Open vSwitch package update (edpm_ovs's tag)" },
            { name: OVS_TASK_TAGS.reload[0], selects: "the reload of the Open vSwitch service (edpm_ovs's tag): `--skip-tags reload` updates without reloading" },
            { name: OVS_TASK_TAGS.update[1], selects: "the whole Open vSwitch step (edpm_ovs's tag)" },
          ]
        : []),
    ],
  };
}

/** The role's input variables. */
export function updateSystemVariables(plan: UpdatePlan): RoleVariable[] {
  const s = plan.updateSystem;
  return [
    {
      name: V.enableKpatch,
      type: 'bool',
      default: s.kpatch.enabled,
      from: { pointer: '/updateSystem/kpatch/enabled', rule: `default of ${V.enableKpatch}: the plan's kpatch.enabled` },
      description: [
        'Whether to install kpatch and the live patch of the running kernel, and then hold back',
        `the kernel packages (${s.kpatch.kernelPackages.join(', ')}) from the update.`,
      ],
    },
    switchVariable(V.enablePackages, true, 'Whether to update packages (Open vSwitch first, then every other package) on package-mode hosts.'),
    ...packageListVariables(
      V,
      {
        default: s.includePackages,
        description: 'Packages updated to their latest version after Open vSwitch (names or dnf globs).',
        from: { pointer: '/updateSystem/includePackages', rule: `default of ${V.includePackages}: the plan's includePackages` },
      },
      ['Packages never updated, in addition to those the plan always excludes', `(${s.alwaysExcludedPackages.join(', ')}) and the Open vSwitch packages installed on the node.`],
    ),
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
export function updateSystemTasks(plan: UpdatePlan, context: CompileContext = compileContext({})): Map<string, Task[]> {
  const packageMode = IS_PACKAGE_MODE;
  const prelude = openvswitchPreludeTasks(plan, [packageMode, `${V.enablePackages} | bool`], {
    query: [...T.openvswitchPackages, ...(plan.updateSystem.openvswitch.tasks.kind === 'inline' ? OVS_TASK_TAGS.update : [])],
    update: T.openvswitchUpdate,
  });
  const main: Task[] = [
    // With kpatch on, the running kernel's version too (kpatch.yml reads it): one round trip fewer.
    gatherLocalFactsTask(T.role, { subset: 'platform', facts: ['ansible_kernel'], when: `${V.enableKpatch} | bool` }),
    // With inline Open vSwitch tasks, edpm_ovs's tags (update, ovs) also select the check and the
    // query, which the update needs (and the find-and-update task carries the update's tags).
    ...prelude.main,
    task('Update Open vSwitch first', 'ansible.builtin.import_tasks', { file: 'openvswitch.yml' }, {
      when: [packageMode, `${V.enablePackages} | bool`],
      tags: T.openvswitch,
    }),
    // kpatch and bootc are off on most hosts: included (one condition on the
    // controller when off), not imported (a skipped task each).
    task('Install kpatch and the live patch of the running kernel', 'ansible.builtin.include_tasks', { file: 'kpatch.yml' }, {
      when: [packageMode, `${V.enableKpatch} | bool`],
      tags: T.kpatch,
    }),
    task('Update every other package', 'ansible.builtin.import_tasks', { file: 'packages.yml' }, {
      when: [packageMode, `${V.enablePackages} | bool`],
      tags: T.packages,
    }),
    task('Switch or upgrade the bootc image', 'ansible.builtin.include_tasks', { file: 'bootc.yml' }, {
      when: IS_BOOTC,
      tags: T.bootc,
    }),
  ];
  return new Map([
    ['main', main],
    ...(prelude.query === null ? [] : [[OVS_QUERY_TASK_FILE, prelude.query] as const]),
    ['openvswitch', openvswitchTasks(plan, T.openvswitch, context)],
    ['kpatch', kpatchTasks()],
    ['packages', packagesTasks(plan)],
    ['bootc', bootcTasks(plan)],
  ]);
}

/**
 * kpatch and the live patch of the running kernel, at their latest version
 * as in the hand-written role (`state: latest`): installed when missing, then
 * updated (present, then latest with update_only). The live patch may not
 * exist for the running kernel: its steps never fail the role.
 */
function kpatchTasks(): Task[] {
  const livePatch = "kpatch-patch = {{ ansible_facts['kernel'] }}";
  return [
    // Skipped (no round trip) when the first task gathered it; run when that task was skipped (local facts already there).
    task('Gather the version of the running kernel', 'ansible.builtin.setup', { gather_subset: ['!all', '!min', 'platform'] }, {
      when: "ansible_facts['kernel'] is not defined",
      become: true,
      tags: T.kpatch,
    }),
    task('Install kpatch when it is missing', 'ansible.builtin.dnf', { name: 'kpatch', state: 'present' }, { become: true, tags: T.kpatch }),
    task('Update kpatch to its latest version', 'ansible.builtin.dnf', { name: 'kpatch', state: 'latest', update_only: true }, {
      become: true,
      tags: T.kpatch,
    }),
    task('Install the live patch of the running kernel when there is one', 'ansible.builtin.dnf', { name: livePatch, state: 'present' }, {
      failedWhen: false,
      become: true,
      tags: T.kpatch,
    }),
    task('Update the live patch of the running kernel to its latest version', 'ansible.builtin.dnf', { name: livePatch, state: 'latest', update_only: true }, {
      failedWhen: false,
      become: true,
      tags: T.kpatch,
    }),
  ];
}

function packagesTasks(plan: UpdatePlan): Task[] {
  const s = plan.updateSystem;
  // The Open vSwitch packages installed on the node (found before the Open
  // vSwitch step, whatever updates them): by name, subpackages included.
  const exclusions: string[] = [V.alwaysExcluded, V.excludePackages, installedOpenvswitchExpression(plan)];
  const kpatch = `(${V.kpatchHeld} if ${V.enableKpatch} | bool else [])`;
  // What the query before the Open vSwitch step found (read only when it ran).
  const vars: Record<string, unknown> = {};
  addOpenvswitchFindingsVars(vars, plan);
  Object.assign(vars, {
    [V.alwaysExcluded]: recordListOrigins([...s.alwaysExcludedPackages], '/updateSystem/alwaysExcludedPackages', 'always excluded by the plan from the update of every other package'),
    [V.kpatchHeld]: recordListOrigins([...s.kpatch.kernelPackages], '/updateSystem/kpatch/kernelPackages', 'held back by the plan when kpatch is enabled'),
    // dnf's exclusion globs as one regular expression, for the condition.
    [V.excludedPattern]: exclusionPattern([...exclusions, kpatch]),
  });
  // Only when the query before the Open vSwitch step saw a pending update of a
  // package this step does not exclude: dnf would find nothing else to do
  // (the query lists every installed package with an update or an obsoleting
  // one, without solving: a package whose update dnf could not take is listed).
  const pending = `${pendingUpdatesExpression(plan)} | reject('match', ${V.excludedPattern}) | list | length > 0`;
  return [
    dnfUpdateTask('Update every other package to its latest version', V, [...exclusions, kpatch], vars, T.packages, {
      when: pending,
      // The query refreshed the metadata moments ago, unless it did not run (tags).
      updateCache: `{{ not ${openvswitchQueryRan(plan)} }}`,
    }),
  ];
}

function bootcTasks(plan: UpdatePlan): Task[] {
  const flag = plan.updateSystem.bootc.rebootRequiredFile;
  const statusOf = (register: string) => `(${register}.stdout | from_json)`;
  const target = `${statusOf(V.bootcStatusBefore)}.spec.image.image | default('')`;
  const staged = `${statusOf(V.bootcStatusAfter)}.status.staged is not none`;
  // `bootc upgrade` says nothing reliable about what it did: compare the staged deployments instead.
  const newlyStaged = `${statusOf(V.bootcStatusAfter)}.status.staged != ${statusOf(V.bootcStatusBefore)}.status.staged`;
  const statusTask = (name: string, register: string, changedWhen: string | false) =>
    task(name, 'ansible.builtin.command', { argv: ['bootc', 'status', '--format', 'json'] }, {
      register,
      checkMode: false,
      changedWhen,
      become: true,
      tags: T.bootc,
    });
  return [
    task('Fail when no bootc image is given', 'ansible.builtin.fail', {
      msg: `${V.bootcImage} is empty: set it to the OS container image this bootc host must run`,
    }, { when: `${V.bootcImage} | length == 0`, tags: T.bootc }),
    statusTask('Read the bootc status before the update', V.bootcStatusBefore, false),
    task('Switch the host to the bootc image', 'ansible.builtin.command', {
      argv: ['bootc', 'switch', `{{ ${V.bootcImage} }}`],
    }, { changedWhen: true, when: `${target} != ${V.bootcImage}`, become: true, tags: T.bootc }),
    task('Upgrade the host to the newest build of its bootc image', 'ansible.builtin.command', {
      argv: ['bootc', 'upgrade'],
    }, { changedWhen: false, when: `${target} == ${V.bootcImage}`, become: true, tags: T.bootc }),
    statusTask('Read the bootc status after the update (changed when a new deployment is staged)', V.bootcStatusAfter, newlyStaged),
    // The flag's folder is the one edpm_reboot reads (the plan may not name another); made
    // when missing, never re-moded when it exists (the file module would set its mode).
    task('Look for the reboot-required folder', 'ansible.builtin.stat', { path: posix.dirname(flag) }, {
      register: V.rebootFolder,
      when: staged,
      become: true,
      tags: T.bootc,
    }),
    task('Create the reboot-required folder when it is missing', 'ansible.builtin.file', {
      path: posix.dirname(flag),
      state: 'directory',
      mode: '0755',
    }, { when: [staged, `not ${V.rebootFolder}.stat.exists`], become: true, tags: T.bootc }),
    task('Flag that the staged bootc deployment needs a reboot', 'ansible.builtin.copy', {
      dest: flag,
      content: 'A bootc deployment is staged: reboot to run it.\n',
      mode: '0644',
    }, { when: staged, become: true, tags: T.bootc }),
  ];
}

/** The values the README's steps show (templates/readme/edpm_update_system-steps.md.hbs). */
function readmeSteps(plan: UpdatePlan, context: CompileContext): ReadmeSteps {
  const s = plan.updateSystem;
  return {
    template: `${P}-steps.md.hbs`,
    data: {
      vars: V,
      ovs: openvswitchReadmeData(plan, context),
      kpatchEnabled: String(s.kpatch.enabled),
      kernelPackages: s.kpatch.kernelPackages,
      includePackages: s.includePackages,
      alwaysExcludedPackages: s.alwaysExcludedPackages,
      rebootRequiredFile: s.bootc.rebootRequiredFile,
    },
  };
}
