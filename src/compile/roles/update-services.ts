/**
 * Phase 1, `edpm_update_services`, the whole role: targeted package update,
 * then the container steps of every running service type in plan order, then
 * prune. Its tasks, input variables, README steps and tags, meta and
 * Molecule scenario are all made here.
 */
import type { RoleTasks, UpdatePlan } from '../../model/plan.js';
import { roleTags, serviceRoleTag, stepTag, UPDATE_SERVICES_PHASE, UPDATE_SERVICES_ROLE } from '../../model/roles.js';
import { compileContext, type CompileContext } from '../compile-context.js';
import { gatherLocalFactsTask, IS_PACKAGE_MODE } from '../gather-facts.js';
import { ALWAYS_BEFORE, CONTAINER_STEPS, itemOrigin, recordListOrigins, recordOrigin, recordWholeItems, stepItems, type Origin, type PlanItem } from '../origin.js';
import { GENERATED_HEADER } from '../generated-header.js';
import { roleScenarios } from '../molecule/scenarios.js';
import { rolloutScenarios } from '../molecule/rollout-scenario-data.js';
import { dnfInstallMissingTask, dnfUpdateTask, excludedPackagesAssertTask, packageListVariables, packageUpdateVars, switchVariable, updateOnlyFoundMissing } from '../package-update.js';
import type { RoleParts } from '../role-parts.js';
import { diagramNode, roleTagRows, type ReadmeSteps } from '../role-readme.js';
import type { RoleVariable } from '../role-variable.js';
import { serviceTypeIn, task, type Task } from '../task.js';

const P = UPDATE_SERVICES_ROLE;

/** Variable names of the role (kept from the hand-written role). */
export const UPDATE_SERVICES_VARS = {
  ...packageUpdateVars(P),
  enableContainers: `${P}_enable_containers_update`,
  runningServices: `${P}_running_services`,
} as const;

/** What the dataplane operator passes in: the service types of the node (default of runningServices). */
export const SERVICE_TYPES_VARIABLE = 'edpm_service_types';
const V = UPDATE_SERVICES_VARS;

/** Tags of every task, and of each step. */
export const UPDATE_SERVICES_TAGS = {
  role: roleTags(P),
  packages: roleTags(P, 'packages'),
  containers: roleTags(P, 'containers'),
} as const;
const T = UPDATE_SERVICES_TAGS;

/** The role's Molecule scenarios. */
export const UPDATE_SERVICES_SCENARIOS: readonly string[] = ['update_services', 'update_services_contracts'];

/** Everything of the role, for a plan. */
export function updateServicesRole(plan: UpdatePlan, context: CompileContext = compileContext({})): RoleParts {
  return {
    phase: UPDATE_SERVICES_PHASE,
    shortDescription: 'Update the OpenStack service containers of an EDPM node and the packages they need',
    description: [
      'Updates the essential packages of an EDPM node with a targeted dnf update,',
      'then the containers of every OpenStack service type running on it, in a fixed order,',
      'then prunes the images the old containers used.',
    ],
    galaxyTags: ['edpm', 'update', 'openstack'],
    tasks: updateServicesTasks(plan, context),
    variables: updateServicesVariables(plan),
    scenarios: roleScenarios(plan, [...UPDATE_SERVICES_SCENARIOS, ...rolloutScenarios(plan)], GENERATED_HEADER),
    handlers: new Map(),
    roleVars: null,
    steps: readmeSteps(plan, context),
    diagram: phaseDiagram(plan, context),
    readmeOrigins: readmeOrigins(plan, context),
    tags: [
      ...roleTagRows(P),
      { name: stepTag(P, 'packages'), selects: 'the essential package update' },
      { name: stepTag(P, 'containers'), selects: 'the container steps and the prune' },
      ...[...firstSteps(plan)].map(([role, at]) => ({
        name: serviceRoleTag(role),
        selects: `the includes of ${role}'s task files (\`--skip-tags ${serviceRoleTag(role)}\` skips them, and only them)`,
        from: itemOrigin(at, "a row of the README tags table: the tag of a role the plan's steps include"),
      })),
    ],
  };
}

/** The role's input variables. */
export function updateServicesVariables(plan: UpdatePlan): RoleVariable[] {
  const s = plan.updateServices;
  return [
    switchVariable(V.enablePackages, true, 'Whether to run the targeted package update of the essential packages.'),
    switchVariable(V.enableContainers, true, 'Whether to update the containers of the running services.'),
    ...packageListVariables(
      V,
      {
        default: s.essentialPackages,
        description: 'Essential packages updated to their latest version: exact package names, no dnf globs (checked at run time).',
        from: { pointer: '/updateServices/essentialPackages', rule: `default of ${V.includePackages}: the plan's essential packages` },
      },
      ['Packages never updated by this role, in addition to those the plan always excludes', `(${s.alwaysExcludedPackages.join(', ')}).`],
    ),
    {
      name: V.runningServices,
      type: 'list',
      elements: 'str',
      default: `{{ ${SERVICE_TYPES_VARIABLE} }}`,
      templatedDefault: true,
      description: [
        'Service types running on the node; the container steps of the others are skipped.',
        `Defaults to ${SERVICE_TYPES_VARIABLE}, the list the dataplane operator passes in;`,
        'when neither is set, the role fails before any change, naming it.',
      ],
    },
  ];
}

/** `tasks/<file>.yml` contents of the role, by file name. */
export function updateServicesTasks(plan: UpdatePlan, context: CompileContext = compileContext({})): Map<string, Task[]> {
  const packageStep = [IS_PACKAGE_MODE, `${V.enablePackages} | bool`];
  const main: Task[] = [
    gatherLocalFactsTask(T.role),
    recordOrigin(
      excludedPackagesAssertTask(
        'Fail before any change when an essential package is excluded',
        V,
        [V.alwaysExcluded, V.excludePackages],
        alwaysExcludedVars(plan),
        'the packages this role always excludes',
        { when: packageStep, tags: T.packages },
      ),
      { pointer: '/updateServices/essentialPackages', rule: 'the check, before any change, that no essential package is excluded (by the plan or the user): dnf would fail on it' },
    ),
    // Image-mode (bootc) hosts get their packages with the OS image: no dnf there.
    task('Update the essential packages', 'ansible.builtin.import_tasks', { file: 'packages.yml' }, {
      when: packageStep,
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
    ['containers', containersTasks(plan, context)],
  ]);
}

/** The task variable holding the plan's always-excluded packages (a list of its own for each task). */
function alwaysExcludedVars(plan: UpdatePlan): Record<string, unknown> {
  return { [V.alwaysExcluded]: recordListOrigins([...plan.updateServices.alwaysExcludedPackages], '/updateServices/alwaysExcludedPackages', 'always excluded by the plan') };
}

function packagesTasks(plan: UpdatePlan): Task[] {
  return [
    // The rule by meaning of essentialPackages, again at run time, where the variable may be overridden:
    // the targeted update takes exact names (a glob would make it a broad update, as root).
    task('Check that the essential packages are exact names, not globs', 'ansible.builtin.assert', {
      that: [`${V.includePackages} | select('search', '[*?\\[]') | list | length == 0`],
      fail_msg: `${V.includePackages} takes exact package names, not dnf globs (a glob would turn the targeted update into a broad one): {{ ${V.includePackages} | select('search', '[*?\\[]') | list }}`,
      quiet: true,
    }, { tags: T.packages }),
    // state: latest also installs a missing package, as the hand-written role did; the
    // same in two dnf steps that pass ansible-lint (no bare state: latest): the installed
    // ones to latest (update_only), then, only when that step found one missing (as the
    // dnf module reports it), the missing ones installed. Most runs: one dnf round trip.
    dnfUpdateTask('Update the essential packages to their latest version', V, [V.alwaysExcluded, V.excludePackages], alwaysExcludedVars(plan), T.packages, {
      register: V.updateResult,
    }),
    // The update just refreshed the metadata: no second refresh.
    dnfInstallMissingTask('Install the essential packages that are missing', V, [V.alwaysExcluded, V.excludePackages], alwaysExcludedVars(plan), T.packages, {
      when: updateOnlyFoundMissing(V.updateResult),
      updateCache: false,
    }),
  ];
}

/** The kinds of unused container data the plan prunes ("images", "volumes"). */
function prunedKinds(plan: UpdatePlan): string[] {
  const { prune } = plan.updateServices;
  return [prune.images ? 'images' : null, prune.volumes ? 'volumes' : null].filter((x): x is string => x !== null);
}

function containersTasks(plan: UpdatePlan, context: CompileContext): Task[] {
  const s = plan.updateServices;
  const tasks: Task[] = [];
  s.alwaysBefore.forEach((step, i) => tasks.push(...includeRoleTasks(plan, context, step, stepPurpose(null), undefined, { list: ALWAYS_BEFORE, index: i })));
  s.containerSteps.forEach((step, i) => {
    const when = serviceTypeIn(step.serviceType, V.runningServices);
    tasks.push(...includeRoleTasks(plan, context, step, stepPurpose(step.serviceType), when, { list: CONTAINER_STEPS, index: i }));
  });
  const pruned = prunedKinds(plan);
  if (pruned.length > 0) {
    const args: Record<string, unknown> = {};
    if (s.prune.images) {
      args.image = true;
      args.image_filters = { dangling_only: false };
    }
    if (s.prune.volumes) args.volume = true;
    tasks.push(
      recordOrigin(task(`Prune unused container ${pruned.join(' and ')}`, 'containers.podman.podman_prune', args, { become: true, tags: T.containers }), {
        pointer: '/updateServices/prune',
        rule: `prune of unused container ${pruned.join(' and ')}, as the plan says, after every container step`,
      }),
    );
  }
  // (each an include task or the prune, recorded whole)
  return recordWholeItems(tasks);
}

/** Name of the task that includes one task file of a step. */
export function includeTaskName(step: RoleTasks, file: string, purpose: string): string {
  return `Run ${step.role} ${file}.yml ${purpose}`;
}

/** What a container step is run for, as its task names say. */
export function stepPurpose(serviceType: string | null): string {
  return serviceType === null ? 'on every node' : `for service type ${serviceType}`;
}

/** The roles the steps include, in order, once each, with the plan entry of the first step including each. */
function firstSteps(plan: UpdatePlan): Map<string, PlanItem> {
  const out = new Map<string, PlanItem>();
  for (const { step, at } of stepItems(plan)) if (!out.has(step.role)) out.set(step.role, at);
  return out;
}

/**
 * One include_role task per task file, tagged with the role's own tag
 * (`edpm_nova`) besides the role's; `apply` gives the included tasks the same
 * tags (so `--tags` selections reach them) and `become` when the step says so
 * for that file. `tasks_from` names the file as it exists in the roles tree.
 * `at`: the step in the plan (provenance).
 */
function includeRoleTasks(plan: UpdatePlan, context: CompileContext, step: RoleTasks, purpose: string, when: string | undefined, at: PlanItem): Task[] {
  const tags = [...T.containers, serviceRoleTag(step.role)];
  const rule =
    when === undefined
      ? 'include of a task file of an every-node step (alwaysBefore), on every node, before the container steps'
      : 'include of a task file of a container step, when its service type runs on the node, in plan order';
  return step.tasks.map((file, j) =>
    recordOrigin(
      task(
        includeTaskName(step, file, purpose),
        'ansible.builtin.include_role',
        {
          name: `${plan.collection}.${step.role}`,
          tasks_from: context.taskFile(step.role, file),
          apply: step.become.includes(file) ? { become: true, tags: [...tags] } : { tags: [...tags] },
        },
        when === undefined ? { tags } : { when, tags },
      ),
      itemOrigin(at, rule, 'tasks', j),
    ),
  );
}

/** A step's task files as the README lists them, named as `tasks_from` names them: `run.yml (become)`. */
function readmeTaskFiles(step: RoleTasks, context: CompileContext): { file: string; become: boolean }[] {
  return step.tasks.map((t) => ({ file: context.taskFile(step.role, t), become: step.become.includes(t) }));
}

/** The README's flowchart: facts, packages, every step in plan order, prune. */
function phaseDiagram(plan: UpdatePlan, context: CompileContext): string[] {
  const s = plan.updateServices;
  const lines = ['flowchart TD', `  ${diagramNode('facts', 'Gather local facts')} --> ${diagramNode('packages', 'Update the essential packages')}`];
  let last = 'packages';
  const steps = [...s.alwaysBefore.map((step) => ({ type: 'every node', step })), ...s.containerSteps.map((step) => ({ type: step.serviceType, step }))];
  steps.forEach(({ type, step }, i) => {
    lines.push(`  ${last} --> ${diagramNode(`step${i}`, `${type}: ${step.role} ${step.tasks.map((t) => context.taskFile(step.role, t)).join(', ')}`)}`);
    last = `step${i}`;
  });
  const pruned = prunedKinds(plan);
  if (pruned.length > 0) lines.push(`  ${last} --> ${diagramNode('prune', `Prune unused ${pruned.join(' and ')}`)}`);
  return lines;
}

/** The README lines that come from one plan entry: the rows of the steps table, the steps of the flowchart (provenance). */
function readmeOrigins(plan: UpdatePlan, context: CompileContext): { text: string; origin: Origin }[] {
  const s = plan.updateServices;
  const files = (step: RoleTasks) => readmeTaskFiles(step, context).map((f) => `${f.file}${f.become ? ' (become)' : ''}`).join(', ');
  const row = (type: string | null, step: RoleTasks) => `| ${type === null ? '(every node)' : `\`${type}\``} | \`${plan.collection}.${step.role}\` | ${files(step)} |`;
  const diagram = stepItems(plan).map(({ at }, k) => ({
    text: ` --> step${k}["`,
    origin: itemOrigin(at, at.list === ALWAYS_BEFORE ? 'a step of the README flowchart: an every-node step of the plan' : 'a step of the README flowchart: a container step of the plan'),
  }));
  return [
    ...diagram,
    ...s.alwaysBefore.map((step, i) => ({ text: row(null, step), origin: itemOrigin({ list: ALWAYS_BEFORE, index: i }, 'a row of the README steps table: an every-node step of the plan') })),
    ...s.containerSteps.map((step, i) => ({ text: row(step.serviceType, step), origin: itemOrigin({ list: CONTAINER_STEPS, index: i }, 'a row of the README steps table: a container step of the plan') })),
  ];
}

/** The values the README's steps show (templates/readme/edpm_update_services-steps.md.hbs). */
function readmeSteps(plan: UpdatePlan, context: CompileContext): ReadmeSteps {
  const s = plan.updateServices;
  const steps = [
    ...s.alwaysBefore.map((step) => ({ serviceType: null, role: `${plan.collection}.${step.role}`, taskFiles: readmeTaskFiles(step, context) })),
    ...s.containerSteps.map((step) => ({ serviceType: step.serviceType, role: `${plan.collection}.${step.role}`, taskFiles: readmeTaskFiles(step, context) })),
  ];
  return {
    template: `${P}-steps.md.hbs`,
    data: {
      vars: V,
      serviceTypesVariable: SERVICE_TYPES_VARIABLE,
      essentialPackages: s.essentialPackages,
      alwaysExcludedPackages: s.alwaysExcludedPackages,
      steps,
      pruned: prunedKinds(plan).join(' and '),
    },
  };
}
