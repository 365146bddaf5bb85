/**
 * Phase 1, `edpm_update_services`: targeted package update, then the
 * container steps of every running service type in plan order, then prune.
 */
import type { RoleTasks, UpdatePlan } from '../model/plan.js';
import { gatherLocalFactsTask } from './gather-facts.js';
import type { RoleVariable } from './role-variable.js';
import { serviceTypeIn, task, type Task } from './task.js';

export const UPDATE_SERVICES_ROLE = 'edpm_update_services';
const P = UPDATE_SERVICES_ROLE;

/** Variable names of the role (kept from the hand-written role). */
export const UPDATE_SERVICES_VARS = {
  enablePackages: `${P}_enable_packages_update`,
  enableContainers: `${P}_enable_containers_update`,
  includePackages: `${P}_include_packages`,
  excludePackages: `${P}_exclude_packages`,
  runningServices: `${P}_running_services`,
  /** Task-level variable holding the plan's always-excluded packages. */
  alwaysExcluded: `${P}_always_excluded_packages`,
} as const;
const V = UPDATE_SERVICES_VARS;

/** Tags of every task, and of each step. */
export const UPDATE_SERVICES_TAGS = {
  role: ['edpm_update', P],
  packages: ['edpm_update', P, `${P}_packages`],
  containers: ['edpm_update', P, `${P}_containers`],
} as const;
const T = UPDATE_SERVICES_TAGS;

/** The role's input variables. */
export function updateServicesVariables(plan: UpdatePlan): RoleVariable[] {
  const s = plan.updateServices;
  return [
    {
      name: V.enablePackages,
      type: 'bool',
      default: true,
      description: ['Whether to run the targeted package update of the essential packages.'],
    },
    {
      name: V.enableContainers,
      type: 'bool',
      default: true,
      description: ['Whether to update the containers of the running services.'],
    },
    {
      name: V.includePackages,
      type: 'list',
      elements: 'str',
      default: [...s.essentialPackages],
      description: ['Essential packages updated to their latest version (names or dnf globs).'],
    },
    {
      name: V.excludePackages,
      type: 'list',
      elements: 'str',
      default: [],
      description: [
        'Packages never updated by this role, in addition to those the plan always excludes',
        `(${s.alwaysExcludedPackages.join(', ')}).`,
      ],
    },
    {
      name: V.runningServices,
      type: 'list',
      elements: 'str',
      default: '{{ edpm_service_types | default([]) }}',
      description: [
        'Service types running on the node; the container steps of the others are skipped.',
        'Defaults to edpm_service_types, the list the dataplane operator passes in.',
      ],
    },
  ];
}

/** `tasks/<file>.yml` contents of the role, by file name. */
export function updateServicesTasks(plan: UpdatePlan): Map<string, Task[]> {
  const main: Task[] = [
    gatherLocalFactsTask(T.role),
    task('Update the essential packages', 'ansible.builtin.import_tasks', { file: 'packages.yml' }, {
      when: `${V.enablePackages} | bool`,
      tags: T.packages,
    }),
    task('Update the containers of the running services', 'ansible.builtin.import_tasks', { file: 'containers.yml' }, {
      when: `${V.enableContainers} | bool`,
      tags: T.containers,
    }),
  ];
  return new Map([
    ['main', main],
    ['packages', packagesTasks(plan)],
    ['containers', containersTasks(plan)],
  ]);
}

function packagesTasks(plan: UpdatePlan): Task[] {
  return [
    task(
      'Update the essential packages to their latest version',
      'ansible.builtin.dnf',
      {
        name: `{{ ${V.includePackages} }}`,
        state: 'latest',
        update_only: true,
        update_cache: true,
        exclude: `{{ (${V.alwaysExcluded} + ${V.excludePackages}) | unique }}`,
      },
      { vars: { [V.alwaysExcluded]: [...plan.updateServices.alwaysExcludedPackages] }, become: true, tags: T.packages },
    ),
  ];
}

function containersTasks(plan: UpdatePlan): Task[] {
  const s = plan.updateServices;
  const tasks: Task[] = [];
  for (const step of s.alwaysBefore) tasks.push(...includeRoleTasks(plan, step, stepPurpose(null), undefined));
  for (const step of s.containerSteps) {
    tasks.push(...includeRoleTasks(plan, step, stepPurpose(step.serviceType), serviceTypeIn(step.serviceType, V.runningServices)));
  }
  if (s.prune.images || s.prune.volumes) {
    const args: Record<string, unknown> = {};
    if (s.prune.images) {
      args.image = true;
      args.image_filters = { dangling_only: false };
    }
    if (s.prune.volumes) args.volume = true;
    const what = [s.prune.images ? 'images' : null, s.prune.volumes ? 'volumes' : null].filter((x) => x !== null).join(' and ');
    tasks.push(task(`Prune unused container ${what}`, 'containers.podman.podman_prune', args, { become: true, tags: T.containers }));
  }
  return tasks;
}

/** Name of the task that includes one task file of a step. */
export function includeTaskName(step: RoleTasks, file: string, purpose: string): string {
  return `Run ${step.role} ${file}.yml ${purpose}`;
}

/** What a container step is run for, as its task names say. */
export function stepPurpose(serviceType: string | null): string {
  return serviceType === null ? 'on every node' : `for service type ${serviceType}`;
}

/** One include_role task per task file, run with become and the step's tags. */
function includeRoleTasks(plan: UpdatePlan, step: RoleTasks, purpose: string, when: string | undefined): Task[] {
  return step.tasks.map((file) =>
    task(
      includeTaskName(step, file, purpose),
      'ansible.builtin.include_role',
      {
        name: `${plan.collection}.${step.role}`,
        tasks_from: `${file}.yml`,
        apply: { become: true, tags: [...T.containers] },
      },
      when === undefined ? { tags: T.containers } : { when, tags: T.containers },
    ),
  );
}
