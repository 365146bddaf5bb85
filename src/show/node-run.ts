/**
 * `show`: what a node runs in each phase, for the service types it runs and
 * the variables it is given, without a node. Pure: plan + inputs -> the
 * ordered steps of each phase, each with the plan entry that put it there.
 * It follows the generated roles' own conditions (the variable names and
 * tags are the compiler's): the argument check of the service types, the
 * image-mode (bootc) guard, the checks before any change, `become` per task
 * file, and the `--tags`/`--skip-tags` selection as Ansible makes it. A change
 * of the roles shows here and in the tests that tie this sequence to what a
 * node logged (the Molecule update_services and update_services_contracts
 * scenarios).
 */
import type { UpdatePlan } from '../model/plan.js';
import { OVS_TASK_TAGS, roleTags, serviceRoleTag, UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../model/roles.js';
import { SERVICE_TYPES_VARIABLE, UPDATE_SERVICES_TAGS, UPDATE_SERVICES_VARS } from '../compile/roles/update-services.js';
import { UPDATE_SYSTEM_TAGS, UPDATE_SYSTEM_VARS } from '../compile/roles/update-system.js';
import { openvswitchUnitPath, OVS_VARS } from '../compile/roles/update-system-openvswitch.js';
import { globMatches } from '../model/dnf-glob.js';
import { openvswitchPackageProblems } from '../model/names.js';
import { YML_TASK_FILES, type TaskFileNames } from '../model/task-files.js';
import { ROLLOUT_ID_VARIABLE, rolloutPhaseOfRole } from '../model/rollout.js';
import { LOCAL_FACTS_DIR, progressNames } from '../compile/rollout-progress.js';
import { gatherLocalFactsTags } from '../compile/gather-facts.js';
import { argumentValidationFailure, valueNotes } from './argument-check.js';
import { boolFilter, jinjaIn, pyRepr, pyTypeName } from './ansible-values.js';

/** What the node is and is given. */
export interface NodeInput {
  /** Service types running on the node (`edpm_service_types`); null: not set. */
  readonly services: readonly string[] | null;
  /** Extra variables, as ansible-playbook's `-e` gives them (extra-vars.ts: `key=value` values are strings). */
  readonly vars: Readonly<Record<string, unknown>>;
  /** Whether the node is an image-mode (bootc) host (`ansible_local.bootc`; `-e` may give the fact too). */
  readonly bootc: boolean;
  /** `--tags` of the run (none: every task, as Ansible's `all`). */
  readonly tags?: readonly string[];
  /** `--skip-tags` of the run. */
  readonly skipTags?: readonly string[];
  /** Task file names as the roles tree has them (`build --roles`); default `<base>.yml`. */
  readonly taskFile?: TaskFileNames;
}

/** What every step says: what it does, the plan entry behind it (JSON pointer; '' for none), the tags of its tasks. */
interface StepBase {
  readonly text: string;
  readonly from: string;
  readonly tags: readonly string[];
}

/** One step a node runs. */
export type RunStep =
  | (StepBase & { readonly kind: 'facts' })
  | (StepBase & {
      readonly kind: 'packages';
      /** `present`: install the missing ones; `latest`: update the installed ones (update_only) or every one (phase 2). */
      readonly state: 'present' | 'latest';
      /** What dnf is asked for. */
      readonly include: readonly string[];
      readonly exclude: readonly string[];
      /** Names asked for that an exclusion holds back. */
      readonly heldBack: readonly string[];
    })
  | (StepBase & {
      readonly kind: 'include';
      readonly role: string;
      readonly tasksFrom: string;
      readonly serviceType: string | null;
      /** Whether the included tasks run with become (the plan step's become); else as the connecting user, unless they choose. */
      readonly become: boolean;
      /** `role:task`, as the Molecule fixture roles log it on the node. */
      readonly journal: string;
    })
  | (StepBase & { readonly kind: 'prune'; readonly images: boolean; readonly volumes: boolean })
  | (StepBase & { readonly kind: 'openvswitch'; readonly packages: readonly string[]; readonly reload: boolean })
  | (StepBase & { readonly kind: 'kpatch' })
  | (StepBase & { readonly kind: 'bootc' })
  | (StepBase & { readonly kind: 'check' })
  | (StepBase & { readonly kind: 'progress'; readonly rolloutId: string; readonly ends: boolean })
  | (StepBase & { readonly kind: 'fail' })
  | (StepBase & { readonly kind: 'skipped' });

/** The tag Ansible gives the role's argument validation: it runs whatever the selection. */
const ALWAYS = ['always'];

/**
 * Whether a task with these tags runs under `--tags only --skip-tags skip`,
 * as Ansible decides it (special tags `all`, `tagged`, `untagged`, `always`, `never`).
 */
export function selectedByTags(taskTags: readonly string[], only: readonly string[], skip: readonly string[]): boolean {
  const tags = new Set(taskTags.length > 0 ? taskTags : ['untagged']);
  const tagged = taskTags.length > 0;
  const meets = (list: readonly string[]) => list.some((t) => tags.has(t));
  let run = true;
  const selection = only.length > 0 ? only : ['all'];
  if (tags.has('always')) run = true;
  else if (selection.includes('all') && !tags.has('never')) run = true;
  else if (meets(selection)) run = true;
  else run = selection.includes('tagged') && tagged && !tags.has('never');
  if (run && skip.length > 0) {
    if (skip.includes('all')) run = tags.has('always') && !skip.includes('always');
    else if (meets(skip)) run = false;
    else if (skip.includes('tagged') && tagged) run = false;
  }
  return run;
}

/** A value given with `-e` as a mapping (a fact such as `ansible_local`), or undefined when it is not one. */
function mappingOf(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Whether the node is an image-mode (bootc) host: the flag, or the local fact given with `-e` (`ansible_local.bootc | default(false) | bool`). */
function isBootc(input: NodeInput): boolean {
  return input.bootc || ansibleBool(mappingOf(input.vars.ansible_local)?.bootc);
}

/**
 * The variables the node's play has: -e's, with `--services` as
 * `edpm_service_types` (the dataplane operator's variable) unless -e sets it.
 */
function nodeVars(input: NodeInput): Readonly<Record<string, unknown>> {
  if (input.services === null || Object.hasOwn(input.vars, SERVICE_TYPES_VARIABLE)) return input.vars;
  const vars: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  return Object.assign(vars, input.vars, { [SERVICE_TYPES_VARIABLE]: [...input.services] });
}

/**
 * What the reader should know of how the role reads the values: the
 * argument check's conversions the tasks do not see, and the `bool`
 * filter's warnings (ansible_local.bootc included).
 */
function phaseNotes(plan: UpdatePlan, role: string, input: NodeInput, vars: Readonly<Record<string, unknown>>): string[] {
  const notes = valueNotes(plan, role, vars);
  const bootc = mappingOf(input.vars.ansible_local);
  const warning = bootc !== undefined && Object.hasOwn(bootc, 'bootc') ? boolFilter(bootc.bootc).warning : null;
  if (warning !== null) notes.push(`ansible_local.bootc: the role tests it with | bool, and Ansible (2.19 and later) warns: ${warning}`);
  return notes;
}

/** The steps the run's tags select; a step that fails, or ends the play for the node, ends the phase there. */
function selected(steps: readonly RunStep[], input: NodeInput): RunStep[] {
  const out: RunStep[] = [];
  for (const step of steps) {
    if (!selectedByTags(step.tags, input.tags ?? [], input.skipTags ?? [])) continue;
    out.push(step);
    if (step.kind === 'fail' || (step.kind === 'progress' && step.ends)) break;
  }
  return out;
}

/**
 * A phase the plan rolls out: its role skips a node that completed the phase
 * under the same rollout id (after gathering the local facts) and records the
 * completion as its last step (compile/rollout-progress.ts). Without a
 * rollout id nothing is skipped or recorded.
 */
function withRolloutProgress(plan: UpdatePlan, role: string, steps: readonly RunStep[], input: NodeInput): RunStep[] {
  const phase = rolloutPhaseOfRole(role);
  if (phase === undefined || plan.rollout[phase.key] === null) return [...steps];
  const names = progressNames(role, phase.service);
  const from = `/rollout/${phase.key}`;
  const idValue = firstDefined(input.vars, [names.rolloutIdVariable, ROLLOUT_ID_VARIABLE], '');
  const rolloutId = idValue === null || idValue === undefined ? '' : String(idValue);
  // Without an id, or when the argument validation fails before the role's tasks, nothing of it runs.
  if (rolloutId === '' || steps[0]?.kind === 'fail') return [...steps];
  const recorded = mappingOf(mappingOf(input.vars.ansible_local)?.[names.fact])?.rollout_id;
  const tags = roleTags(role);
  const factsFirst = steps[0]?.kind === 'facts' ? 1 : 0;
  const [before, after] = [steps.slice(0, factsFirst), steps.slice(factsFirst)];
  if (recorded !== undefined && String(recorded) === rolloutId) {
    const text = `${names.phase} completed on this node under rollout ${rolloutId} (ansible_local.${names.fact}): say so and end the play for the node`;
    return [...before, { kind: 'progress', text, from, tags, rolloutId, ends: true }];
  }
  const check = `not completed under rollout ${rolloutId} yet (ansible_local.${names.fact}): go on`;
  const record = `record in ${LOCAL_FACTS_DIR}/${names.fact}.fact (become) that ${names.phase} completed under rollout ${rolloutId}`;
  const fails = steps.some((s) => s.kind === 'fail');
  return [
    ...before,
    { kind: 'progress', text: check, from, tags, rolloutId, ends: false },
    ...after,
    ...(fails ? [] : [{ kind: 'progress' as const, text: record, from, tags, rolloutId, ends: false }]),
  ];
}

/** The steps of one phase. */
export interface PhaseRun {
  readonly phase: 'update-services' | 'update-system';
  readonly role: string;
  readonly steps: readonly RunStep[];
  /** How the role reads the values given (warnings Ansible prints, conversions it does not make). */
  readonly notes: readonly string[];
}

/** Ansible's `bool` filter, as the roles' conditions apply it (ansible-values.ts): 't', 'y' and ' yes' are false. */
export function ansibleBool(value: unknown): boolean {
  return boolFilter(value).value;
}

/** The fail step of the role's argument validation (tagged always), or null when it passes. */
function argumentValidationStep(plan: UpdatePlan, role: string, vars: Readonly<Record<string, unknown>>): RunStep | null {
  const failure = argumentValidationFailure(plan, role, vars);
  return failure === null ? null : { kind: 'fail', text: `fail before any change (argument validation): ${failure}`, from: '', tags: ALWAYS };
}

/** What dnf's `name` (a list of str) makes of a variable: a list's items, a string split at commas, as Ansible's module arguments. */
function dnfNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((x) => (typeof x === 'string' ? x : pyRepr(x)));
  if (typeof value === 'string') return value.split(',');
  return [pyRepr(value)];
}

/** Why a role task fails to add a value to its list of exclusions (Jinja's list + value), or null when it is a list. */
function notAList(name: string, value: unknown): string | null {
  return Array.isArray(value) ? null : `${name} is the ${pyTypeName(value)} ${pyRepr(value)}, not a list (Ansible: can only concatenate list (not "${pyTypeName(value)}") to list)`;
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

function boolVar(vars: Readonly<Record<string, unknown>>, name: string, fallback: boolean): boolean {
  return name in vars ? ansibleBool(vars[name]) : fallback;
}

/**
 * A dnf update step. `alsoExcluded` names exclusions known only on the node
 * (the Open vSwitch packages phase 2 finds there): said in the text, not in
 * `exclude`, which holds only names known here.
 */
function packagesStep(
  text: string,
  from: string,
  tags: readonly string[],
  state: 'present' | 'latest',
  include: readonly string[],
  exclude: readonly string[],
  alsoExcluded?: string,
): RunStep {
  const excluded = unique(exclude);
  const heldBack = include.filter((p) => excluded.some((e) => globMatches(e, p)));
  const updated = include.filter((p) => !heldBack.includes(p));
  const excluding = [...excluded, ...(alsoExcluded === undefined ? [] : [alsoExcluded])];
  const what = state === 'present' ? '' : ' to the latest version';
  const detail = `${text}: ${updated.length > 0 ? updated.join(', ') : '(nothing)'}${what}, excluding ${excluding.join(', ') || '(nothing)'}${heldBack.length > 0 ? ` (held back: ${heldBack.join(', ')})` : ''}`;
  return { kind: 'packages', text: detail, from, tags, state, include: [...include], exclude: excluded, heldBack };
}

/** What the role's check of the Open vSwitch list says about a value, or null when it passes (OVS_LIST_CHECK_TASK). */
function openvswitchListProblem(list: unknown): string | null {
  if (!Array.isArray(list)) return 'is not a list';
  if (list.some((p) => typeof p !== 'string')) return 'has an item that is not a string';
  const problems = openvswitchPackageProblems(list as string[]);
  return problems.length === 0 ? null : problems.map((p) => p.message).join('; ');
}

/** The first of `names` set in `vars`, else `fallback` (Jinja's `a | default(b) | default(c)`). */
function firstDefined(vars: Readonly<Record<string, unknown>>, names: readonly string[], fallback: unknown): unknown {
  for (const name of names) if (name in vars) return vars[name];
  return fallback;
}

/** Phase 1: what `edpm_update_services` runs on this node. */
export function updateServicesRun(plan: UpdatePlan, input: NodeInput): PhaseRun {
  const s = plan.updateServices;
  const V = UPDATE_SERVICES_VARS;
  const T = UPDATE_SERVICES_TAGS;
  const vars = nodeVars(input);
  const steps: RunStep[] = [];
  let notes: string[] = [];
  const done = (): PhaseRun => ({ phase: 'update-services', role: UPDATE_SERVICES_ROLE, steps: selected(withRolloutProgress(plan, UPDATE_SERVICES_ROLE, steps, input), input), notes });
  // The role's argument validation (meta/argument_specs.yml) runs first; it templates the
  // default of the running services, `{{ edpm_service_types }}`: without either, it fails.
  const refusal = argumentValidationStep(plan, UPDATE_SERVICES_ROLE, vars);
  if (refusal !== null) {
    steps.push(refusal);
    return done();
  }
  // what Ansible warns of, or does not convert, in the values the role's tasks then read
  notes = phaseNotes(plan, UPDATE_SERVICES_ROLE, input, vars);
  steps.push({ kind: 'facts', text: 'gather the local facts (when ansible_local is undefined)', from: '', tags: gatherLocalFactsTags(T.role) });
  const includeValue = firstDefined(vars, [V.includePackages], s.essentialPackages);
  const excludeValue = firstDefined(vars, [V.excludePackages], []);
  const include = dnfNames(includeValue);
  const exclude = [...s.alwaysExcludedPackages, ...(Array.isArray(excludeValue) ? dnfNames(excludeValue) : [])];
  if (!boolVar(vars, V.enablePackages, true)) {
    steps.push({ kind: 'skipped', text: `essential packages: skipped (${V.enablePackages} is false)`, from: '/updateServices/essentialPackages', tags: T.packages });
  } else if (isBootc(input)) {
    steps.push({ kind: 'skipped', text: 'essential packages: skipped (image-mode host, ansible_local.bootc: no dnf, the OS image brings them)', from: '/updateServices/essentialPackages', tags: T.packages });
  } else {
    // tasks/main.yml: no essential package may be excluded (dnf would fail on it after other changes);
    // the check adds the user's exclusions to the plan's list and selects from the packages asked
    // for: from a list its items, from a string its characters.
    const unusable = notAList(V.excludePackages, excludeValue) ?? (Array.isArray(includeValue) || typeof includeValue === 'string' ? null : `${V.includePackages} is the ${pyTypeName(includeValue)} ${pyRepr(includeValue)}, not a list (Ansible: '${pyTypeName(includeValue)}' object is not iterable)`);
    if (unusable !== null) {
      steps.push({ kind: 'fail', text: `fail before any change: the check that no essential package is excluded fails: ${unusable}`, from: '/updateServices/essentialPackages', tags: T.packages });
      return done();
    }
    const asked = typeof includeValue === 'string' ? [...includeValue] : include;
    const refused = asked.filter((p) => exclude.some((e) => globMatches(e, p)));
    steps.push(
      refused.length > 0
        ? {
            kind: 'fail',
            text: `fail before any change: ${V.includePackages} asks for ${refused.join(', ')}, which ${V.excludePackages} or the packages this role always excludes (${s.alwaysExcludedPackages.join(', ')}) exclude`,
            from: '/updateServices/essentialPackages',
            tags: T.packages,
          }
        : { kind: 'check', text: `check that no essential package is excluded (${V.includePackages} against ${V.excludePackages} and the plan's): none is`, from: '/updateServices/essentialPackages', tags: T.packages },
    );
    // tasks/packages.yml: exact names only, then the installed ones updated, then the missing ones installed
    const globs = asked.filter((p) => /[*?[]/u.test(p));
    steps.push(
      globs.length > 0
        ? { kind: 'fail', text: `fail: ${V.includePackages} takes exact package names, not dnf globs: ${globs.join(', ')}`, from: '/updateServices/essentialPackages', tags: T.packages }
        : { kind: 'check', text: `check that ${V.includePackages} holds exact names, no globs: it does`, from: '/updateServices/essentialPackages', tags: T.packages },
    );
    steps.push(packagesStep('dnf update (update_only)', '/updateServices/essentialPackages', T.packages, 'latest', include, exclude));
    steps.push(packagesStep('dnf install (those the update found not installed, when there are any)', '/updateServices/essentialPackages', T.packages, 'present', include, exclude));
  }
  if (!boolVar(vars, V.enableContainers, true)) {
    steps.push({ kind: 'skipped', text: `containers: skipped (${V.enableContainers} is false)`, from: '/updateServices/containerSteps', tags: T.containers });
    return done();
  }
  // `'<type>' in edpm_update_services_running_services`: a list's items, a string's substrings
  const running = Object.hasOwn(vars, V.runningServices) ? vars[V.runningServices] : vars[SERVICE_TYPES_VARIABLE];
  const taskFile = input.taskFile ?? YML_TASK_FILES;
  const includeStep = (role: string, file: string, become: boolean, serviceType: string | null, from: string): RunStep => ({
    kind: 'include',
    text: `include ${plan.collection}.${role} ${taskFile(role, file)} ${become ? 'with become' : 'without become (its tasks choose)'} (${serviceType === null ? 'every node' : `service type ${serviceType}`})`,
    from,
    tags: [...T.containers, serviceRoleTag(role)],
    role,
    tasksFrom: file,
    serviceType,
    become,
    journal: `${role}:${file}`,
  });
  s.alwaysBefore.forEach((step, i) =>
    step.tasks.forEach((t, j) => steps.push(includeStep(step.role, t, step.become.includes(t), null, `/updateServices/alwaysBefore/${i}/tasks/${j}`))),
  );
  for (const [i, step] of s.containerSteps.entries()) {
    const runs = jinjaIn(step.serviceType, running);
    if ('error' in runs) {
      const text = `fail: the condition '${step.serviceType}' in ${V.runningServices} of ${step.role} ${step.tasks[0]!} fails (Ansible: ${runs.error})`;
      steps.push({ kind: 'fail', text, from: `/updateServices/containerSteps/${i}`, tags: [...T.containers, serviceRoleTag(step.role)] });
      return done();
    }
    if (!runs.value) continue;
    step.tasks.forEach((t, j) => steps.push(includeStep(step.role, t, step.become.includes(t), step.serviceType, `/updateServices/containerSteps/${i}/tasks/${j}`)));
  }
  if (s.prune.images || s.prune.volumes) {
    const what = [s.prune.images ? 'images' : null, s.prune.volumes ? 'volumes' : null].filter((x) => x !== null).join(' and ');
    steps.push({ kind: 'prune', text: `prune unused container ${what}`, from: '/updateServices/prune', tags: T.containers, images: s.prune.images, volumes: s.prune.volumes });
  }
  return done();
}

/** Phase 2: what `edpm_update_system` runs on this node. */
export function updateSystemRun(plan: UpdatePlan, input: NodeInput): PhaseRun {
  const s = plan.updateSystem;
  const V = UPDATE_SYSTEM_VARS;
  const T = UPDATE_SYSTEM_TAGS;
  const vars = nodeVars(input);
  const steps: RunStep[] = [];
  let notes: string[] = [];
  const done = (): PhaseRun => ({ phase: 'update-system', role: UPDATE_SYSTEM_ROLE, steps: selected(withRolloutProgress(plan, UPDATE_SYSTEM_ROLE, steps, input), input), notes });
  // The role's argument validation (meta/argument_specs.yml) runs first.
  const refusal = argumentValidationStep(plan, UPDATE_SYSTEM_ROLE, vars);
  if (refusal !== null) {
    steps.push(refusal);
    return done();
  }
  // what Ansible warns of, or does not convert, in the values the role's tasks then read
  notes = phaseNotes(plan, UPDATE_SYSTEM_ROLE, input, vars);
  // With kpatch on, the first task also gathers the running kernel's version (tasks/kpatch.yml reads it).
  const kpatchOn = boolVar(vars, V.enableKpatch, s.kpatch.enabled);
  steps.push({ kind: 'facts', text: `gather the local facts${kpatchOn ? " and the running kernel's version (kpatch)" : ''} (when ansible_local is undefined)`, from: '', tags: gatherLocalFactsTags(T.role) });
  if (isBootc(input)) {
    // tasks/bootc.yml: `edpm_update_system_bootc_os_container_image | length == 0` (the check converts nothing)
    const given = firstDefined(vars, [V.bootcImage], '');
    const image = typeof given === 'string' ? given : pyRepr(given);
    if (typeof given !== 'string' && !Array.isArray(given) && (given === null || typeof given !== 'object')) {
      const text = `fail: ${V.bootcImage} is the ${pyTypeName(given)} ${image}, which has no length (Ansible: object of type '${pyTypeName(given)}' has no len())`;
      steps.push({ kind: 'fail', text, from: '/updateSystem/bootc', tags: T.bootc });
    } else if (image === '' || (typeof given === 'object' && Object.keys(given as object).length === 0)) {
      steps.push({ kind: 'fail', text: `fail: ${V.bootcImage} is empty (bootc host)`, from: '/updateSystem/bootc', tags: T.bootc });
    } else {
      steps.push({ kind: 'bootc', text: `bootc switch ${image} when the host follows another image, else bootc upgrade`, from: '/updateSystem/bootc', tags: T.bootc });
      steps.push({ kind: 'bootc', text: `when a deployment is staged: create ${s.bootc.rebootRequiredFile}`, from: '/updateSystem/bootc/rebootRequiredFile', tags: T.bootc });
    }
    return done();
  }
  const packages = boolVar(vars, V.enablePackages, true);
  const kpatch = kpatchOn;
  const kpatchStep: RunStep = { kind: 'kpatch', text: 'kpatch: install kpatch, then kpatch-patch for the running kernel when there is one', from: '/updateSystem/kpatch', tags: T.kpatch };
  if (!packages) {
    // kpatch has its own switch
    steps.push({ kind: 'skipped', text: `Open vSwitch and packages: skipped (${V.enablePackages} is false)`, from: '/updateSystem', tags: [...T.openvswitch, ...T.packages] });
    if (kpatch) steps.push(kpatchStep);
    return done();
  }
  // The Open vSwitch list: checked before any change (the role stops on a bad one), in both
  // shapes of the step; then the installed Open vSwitch packages are found on the node. With the
  // inline step, one task finds them and updates them, tagged as the update: when the tags select
  // it, it is what runs (the query alone is skipped by its condition); else the query alone, tagged
  // for both steps (the all-packages step needs it), with its own check of the list.
  const ovs = s.openvswitch;
  const inline = ovs.tasks.kind === 'inline';
  const preludeTags = [...T.openvswitchPackages, ...(inline ? OVS_TASK_TAGS.update : [])];
  const updateSelected = inline && selectedByTags(T.openvswitchUpdate, input.tags ?? [], input.skipTags ?? []);
  const firstTags = updateSelected ? T.openvswitchUpdate : preludeTags;
  const ovsListName = OVS_VARS.ovsRolePackages in vars ? OVS_VARS.ovsRolePackages : OVS_VARS.packages in vars ? OVS_VARS.packages : null;
  const ovsList: unknown = ovsListName === null ? [...ovs.packages] : vars[ovsListName];
  const listProblem = openvswitchListProblem(ovsList);
  if (listProblem !== null) {
    steps.push({
      kind: 'fail',
      text: `fail before any change: ${ovsListName ?? OVS_VARS.packages} ${listProblem}`,
      from: ovsListName === null ? '/updateSystem/openvswitch/packages' : '',
      tags: firstTags,
    });
    return done();
  }
  const ovsPackages = ovsList as string[];
  const unit = openvswitchUnitPath(ovs.serviceName);
  const find =
    `check the Open vSwitch list (${ovsListName ?? `${OVS_VARS.packages}, the plan's`}), then find the installed Open vSwitch packages (rpm query, no change): ` +
    `those built from the source packages of what provides ${ovsPackages.join(', ')} or owns ${unit}, with their subpackages`;
  if (ovs.tasks.kind === 'role') {
    steps.push({ kind: 'openvswitch', text: find, from: '/updateSystem/openvswitch/packages', tags: preludeTags, packages: ovsPackages, reload: false });
    const role = ovs.tasks.role;
    ovs.tasks.tasks.forEach((file, i) =>
      steps.push({
        kind: 'openvswitch',
        text: `Open vSwitch: import ${plan.collection}.${role} ${(input.taskFile ?? YML_TASK_FILES)(role, file)}`,
        from: `/updateSystem/openvswitch/tasks/tasks/${i}`,
        tags: T.openvswitch,
        packages: [],
        reload: false,
      }),
    );
  } else {
    const reload = OVS_VARS.ovsRoleReload in vars ? ansibleBool(vars[OVS_VARS.ovsRoleReload]) : boolVar(vars, OVS_VARS.reload, ovs.reloadAfterUpdate);
    const retries = firstDefined(vars, [OVS_VARS.ovsRoleRetries, OVS_VARS.downloadRetries], ovs.downloadRetries);
    const delay = firstDefined(vars, [OVS_VARS.ovsRoleDelay, OVS_VARS.downloadDelay], ovs.downloadDelay);
    steps.push(
      updateSelected
        ? {
            kind: 'openvswitch',
            text:
              `${find}, and the pending updates; in the same command, Open vSwitch first: when one of them has a pending update, ` +
              `download their updates into the dnf cache (${String(retries)} retries, ${String(delay)} s apart), ` +
              `install them with dnf update --cacheonly --setopt=tsflags=noscripts (no RPM scriptlets), ` +
              `then enable ${ovs.serviceName} (not in check mode: the dnf module shows the updates there)`,
            from: '/updateSystem/openvswitch',
            tags: T.openvswitchUpdate,
            packages: ovsPackages,
            reload: false,
          }
        : { kind: 'openvswitch', text: `${find}, and the pending updates (the Open vSwitch update is not selected)`, from: '/updateSystem/openvswitch/packages', tags: preludeTags, packages: ovsPackages, reload: false },
    );
    if (reload) {
      steps.push({
        kind: 'openvswitch',
        text: `Open vSwitch: reload ${ovs.serviceName} (never restart) when the install ran (or the update was not selected)`,
        from: '/updateSystem/openvswitch/reloadAfterUpdate',
        tags: [...T.openvswitch, ...OVS_TASK_TAGS.reload],
        packages: [],
        reload: true,
      });
    }
  }
  if (kpatch) steps.push(kpatchStep);
  const excludeValue = firstDefined(vars, [V.excludePackages], []);
  const unusable = notAList(V.excludePackages, excludeValue);
  if (unusable !== null) {
    // tasks/packages.yml adds the user's exclusions to the plan's: after the Open vSwitch update
    steps.push({ kind: 'fail', text: `fail: the update of every other package fails (after the Open vSwitch step): ${unusable}`, from: '/updateSystem/includePackages', tags: T.packages });
    return done();
  }
  steps.push(
    packagesStep(
      'dnf update',
      '/updateSystem/includePackages',
      T.packages,
      'latest',
      dnfNames(firstDefined(vars, [V.includePackages], s.includePackages)),
      [...s.alwaysExcludedPackages, ...dnfNames(excludeValue), ...(kpatch ? s.kpatch.kernelPackages : [])],
      'the Open vSwitch packages found on the node',
    ),
  );
  return done();
}

/** Both phases. */
export function nodeRun(plan: UpdatePlan, input: NodeInput): PhaseRun[] {
  return [updateServicesRun(plan, input), updateSystemRun(plan, input)];
}
