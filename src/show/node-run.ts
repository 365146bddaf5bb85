/**
 * `show`: what a node runs in each phase, for the service types it runs and
 * the variables it is given, without a node. Pure: plan + inputs -> the
 * ordered steps of each phase, each with the plan entry that put it there.
 * It follows the generated roles' own conditions (the variable names are the
 * compiler's), so a change of the roles shows here and in the tests that
 * tie this sequence to what a node logged (the Molecule update_services scenario).
 */
import type { UpdatePlan } from '../model/plan.js';
import { UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../model/roles.js';
import { UPDATE_SERVICES_VARS } from '../compile/roles/update-services.js';
import { UPDATE_SYSTEM_VARS } from '../compile/roles/update-system.js';
import { openvswitchUnitPath, OVS_VARS } from '../compile/roles/update-system-openvswitch.js';
import { openvswitchPackageProblems } from '../model/names.js';

/** What the node is and is given. */
export interface NodeInput {
  /** Service types running on the node (`edpm_service_types`). */
  readonly services: readonly string[];
  /** Extra variables, as `-e` gives them (values already parsed). */
  readonly vars: Readonly<Record<string, unknown>>;
  /** Whether the node is an image-mode (bootc) host (`ansible_local.bootc`). */
  readonly bootc: boolean;
}

/** One step a node runs. */
export type RunStep =
  | { readonly kind: 'facts'; readonly text: string; readonly from: string }
  | {
      readonly kind: 'packages';
      readonly text: string;
      readonly from: string;
      /** What dnf is asked for. */
      readonly include: readonly string[];
      readonly exclude: readonly string[];
      /** Names asked for that an exclusion holds back. */
      readonly heldBack: readonly string[];
    }
  | {
      readonly kind: 'include';
      readonly text: string;
      readonly from: string;
      readonly role: string;
      readonly tasksFrom: string;
      readonly serviceType: string | null;
      readonly become: boolean;
      /** `role:task`, as the Molecule fixture roles log it on the node. */
      readonly journal: string;
    }
  | { readonly kind: 'prune'; readonly text: string; readonly from: string; readonly images: boolean; readonly volumes: boolean }
  | { readonly kind: 'openvswitch'; readonly text: string; readonly from: string; readonly packages: readonly string[]; readonly reload: boolean }
  | { readonly kind: 'kpatch'; readonly text: string; readonly from: string }
  | { readonly kind: 'bootc'; readonly text: string; readonly from: string }
  | { readonly kind: 'fail'; readonly text: string; readonly from: string }
  | { readonly kind: 'skipped'; readonly text: string; readonly from: string };

/** The steps of one phase. */
export interface PhaseRun {
  readonly phase: 'update-services' | 'update-system';
  readonly role: string;
  readonly steps: readonly RunStep[];
}

/** Ansible's `bool` filter: true for true, 'yes', 'on', '1', 'true', 1 (any case). */
export function ansibleBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  if (typeof value === 'string') return ['yes', 'on', '1', 'true', 'y', 't'].includes(value.trim().toLowerCase());
  return false;
}

/** dnf's name globs (fnmatch): `*`, `?`, `[...]`. */
export function globMatches(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/\\/gu, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/gu, '\\$&');
  }
  return new RegExp(`${re}$`, 'u').test(name);
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

function listVar(vars: Readonly<Record<string, unknown>>, name: string, fallback: readonly string[]): string[] {
  const v = vars[name];
  if (v === undefined) return [...fallback];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v !== '') return [v];
  return [];
}

function boolVar(vars: Readonly<Record<string, unknown>>, name: string, fallback: boolean): boolean {
  return name in vars ? ansibleBool(vars[name]) : fallback;
}

/**
 * A dnf update step. `alsoExcluded` names exclusions known only on the node
 * (the Open vSwitch packages phase 2 finds there): said in the text, not in
 * `exclude`, which holds only names known here.
 */
function packagesStep(text: string, from: string, include: readonly string[], exclude: readonly string[], alsoExcluded?: string): RunStep {
  const excluded = unique(exclude);
  const heldBack = include.filter((p) => excluded.some((e) => globMatches(e, p)));
  const updated = include.filter((p) => !heldBack.includes(p));
  const excluding = [...excluded, ...(alsoExcluded === undefined ? [] : [alsoExcluded])];
  const detail = `${text}: ${updated.length > 0 ? updated.join(', ') : '(nothing)'} to the latest version, excluding ${excluding.join(', ') || '(nothing)'}${heldBack.length > 0 ? ` (held back: ${heldBack.join(', ')})` : ''}`;
  return { kind: 'packages', text: detail, from, include: [...include], exclude: excluded, heldBack };
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
  const vars = input.vars;
  const steps: RunStep[] = [{ kind: 'facts', text: 'gather the local facts (when ansible_local is undefined)', from: '' }];
  if (boolVar(vars, V.enablePackages, true)) {
    steps.push(
      packagesStep('dnf update', '/updateServices/essentialPackages', listVar(vars, V.includePackages, s.essentialPackages), [
        ...s.alwaysExcludedPackages,
        ...listVar(vars, V.excludePackages, []),
      ]),
    );
  } else steps.push({ kind: 'skipped', text: `essential packages: skipped (${V.enablePackages} is false)`, from: '/updateServices/essentialPackages' });
  if (!boolVar(vars, V.enableContainers, true)) {
    steps.push({ kind: 'skipped', text: `containers: skipped (${V.enableContainers} is false)`, from: '/updateServices/containerSteps' });
    return { phase: 'update-services', role: UPDATE_SERVICES_ROLE, steps };
  }
  const running = new Set(listVar(vars, V.runningServices, listVar(vars, 'edpm_service_types', input.services)));
  const include = (role: string, file: string, serviceType: string | null, from: string): RunStep => ({
    kind: 'include',
    text: `include ${plan.collection}.${role} ${file}.yml with become (${serviceType === null ? 'every node' : `service type ${serviceType}`})`,
    from,
    role,
    tasksFrom: file,
    serviceType,
    become: true,
    journal: `${role}:${file}`,
  });
  s.alwaysBefore.forEach((step, i) => step.tasks.forEach((t, j) => steps.push(include(step.role, t, null, `/updateServices/alwaysBefore/${i}/tasks/${j}`))));
  s.containerSteps.forEach((step, i) => {
    if (!running.has(step.serviceType)) return;
    step.tasks.forEach((t, j) => steps.push(include(step.role, t, step.serviceType, `/updateServices/containerSteps/${i}/tasks/${j}`)));
  });
  if (s.prune.images || s.prune.volumes) {
    const what = [s.prune.images ? 'images' : null, s.prune.volumes ? 'volumes' : null].filter((x) => x !== null).join(' and ');
    steps.push({ kind: 'prune', text: `prune unused container ${what}`, from: '/updateServices/prune', images: s.prune.images, volumes: s.prune.volumes });
  }
  return { phase: 'update-services', role: UPDATE_SERVICES_ROLE, steps };
}

/** Phase 2: what `edpm_update_system` runs on this node. */
export function updateSystemRun(plan: UpdatePlan, input: NodeInput): PhaseRun {
  const s = plan.updateSystem;
  const V = UPDATE_SYSTEM_VARS;
  const vars = input.vars;
  const steps: RunStep[] = [{ kind: 'facts', text: 'gather the local facts (when ansible_local is undefined)', from: '' }];
  if (input.bootc) {
    const image = typeof vars[V.bootcImage] === 'string' ? (vars[V.bootcImage] as string) : '';
    if (image === '') {
      steps.push({ kind: 'fail', text: `fail: ${V.bootcImage} is empty (bootc host)`, from: '/updateSystem/bootc' });
    } else {
      steps.push({ kind: 'bootc', text: `bootc switch ${image} when the host follows another image, else bootc upgrade`, from: '/updateSystem/bootc' });
      steps.push({ kind: 'bootc', text: `when a deployment is staged: create ${s.bootc.rebootRequiredFile}`, from: '/updateSystem/bootc/rebootRequiredFile' });
    }
    return { phase: 'update-system', role: UPDATE_SYSTEM_ROLE, steps };
  }
  if (!boolVar(vars, V.enablePackages, true)) {
    steps.push({ kind: 'skipped', text: `packages: skipped (${V.enablePackages} is false)`, from: '/updateSystem' });
    return { phase: 'update-system', role: UPDATE_SYSTEM_ROLE, steps };
  }
  // The Open vSwitch list: checked before any change (the role stops on a bad one), in both
  // shapes of the step; then the installed Open vSwitch packages are found on the node.
  const ovs = s.openvswitch;
  const ovsListName = OVS_VARS.ovsRolePackages in vars ? OVS_VARS.ovsRolePackages : OVS_VARS.packages in vars ? OVS_VARS.packages : null;
  const ovsList: unknown = ovsListName === null ? [...ovs.packages] : vars[ovsListName];
  const listProblem = openvswitchListProblem(ovsList);
  if (listProblem !== null) {
    steps.push({
      kind: 'fail',
      text: `fail before any change: ${ovsListName ?? OVS_VARS.packages} ${listProblem}`,
      from: ovsListName === null ? '/updateSystem/openvswitch/packages' : '',
    });
    return { phase: 'update-system', role: UPDATE_SYSTEM_ROLE, steps };
  }
  const ovsPackages = ovsList as string[];
  const unit = openvswitchUnitPath(ovs.serviceName);
  steps.push({
    kind: 'openvswitch',
    text: `check the Open vSwitch list (${ovsListName ?? `${OVS_VARS.packages}, the plan's`}), then find the installed Open vSwitch packages (rpm query, no change): those built from the source packages of what provides ${ovsPackages.join(', ')} or owns ${unit}, with their subpackages`,
    from: '/updateSystem/openvswitch/packages',
    packages: ovsPackages,
    reload: false,
  });
  if (ovs.tasks.kind === 'role') {
    const role = ovs.tasks.role;
    ovs.tasks.tasks.forEach((file, i) =>
      steps.push({
        kind: 'openvswitch',
        text: `Open vSwitch: import ${plan.collection}.${role} ${file}.yml`,
        from: `/updateSystem/openvswitch/tasks/tasks/${i}`,
        packages: [],
        reload: false,
      }),
    );
  } else {
    const reload = OVS_VARS.ovsRoleReload in vars ? ansibleBool(vars[OVS_VARS.ovsRoleReload]) : boolVar(vars, OVS_VARS.reload, ovs.reloadAfterUpdate);
    const retries = firstDefined(vars, [OVS_VARS.ovsRoleRetries, OVS_VARS.downloadRetries], ovs.downloadRetries);
    const delay = firstDefined(vars, [OVS_VARS.ovsRoleDelay, OVS_VARS.downloadDelay], ovs.downloadDelay);
    steps.push({
      kind: 'openvswitch',
      text:
        `Open vSwitch first: download the updates of the packages found into the dnf cache (${String(retries)} retries, ${String(delay)} s apart); ` +
        `when there are any, install them with dnf update --cacheonly --setopt=tsflags=noscripts (no RPM scriptlets), ` +
        `then enable ${ovs.serviceName}${reload ? ` and reload ${ovs.serviceName}` : ''}`,
      from: '/updateSystem/openvswitch',
      packages: ovsPackages,
      reload,
    });
  }
  const kpatch = boolVar(vars, V.enableKpatch, s.kpatch.enabled);
  if (kpatch) {
    steps.push({ kind: 'kpatch', text: 'kpatch: install kpatch, then kpatch-patch for the running kernel when there is one', from: '/updateSystem/kpatch' });
  }
  steps.push(
    packagesStep(
      'dnf update',
      '/updateSystem/includePackages',
      listVar(vars, V.includePackages, s.includePackages),
      [...s.alwaysExcludedPackages, ...listVar(vars, V.excludePackages, []), ...(kpatch ? s.kpatch.kernelPackages : [])],
      'the Open vSwitch packages found on the node',
    ),
  );
  return { phase: 'update-system', role: UPDATE_SYSTEM_ROLE, steps };
}

/** Both phases. */
export function nodeRun(plan: UpdatePlan, input: NodeInput): PhaseRun[] {
  return [updateServicesRun(plan, input), updateSystemRun(plan, input)];
}
