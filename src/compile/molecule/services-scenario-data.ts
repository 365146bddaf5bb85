/**
 * The plan-dependent data of the update_services Molecule scenario
 * (`data/scenario.yml`): which service types run on the test node, which fixture
 * roles to make, what must have run, in which order, and what must be left
 * alone. The shape is the one the fixed playbooks in
 * templates/molecule/update_services read (molecule/README.md).
 */
import type { RoleTasks, UpdatePlan } from '../../model/plan.js';
import { UPDATE_SERVICES_ROLE } from '../../model/roles.js';
import { CONTAINER_STEPS, itemOrigin, recordMemberOrigin, recordOrigin, stepItems, type Origin, type PlanItem } from '../origin.js';

/** Service types the scenario runs when the plan has them: one of each kind of step, and some left out. */
const PREFERRED_RUNNING = ['ovn', 'neutron-metadata', 'nova', 'telemetry'];
/** Packages that have an RPM fixture spec of their own; others are built from generic.spec. */
const FIXTURE_SPECS = ['openstack-selinux', 'kernel', 'kernel-core', 'openvswitch3.1', 'python3-openvswitch3.1', 'rdo-openvswitch', 'kpatch', 'edpm-fixture-tools', 'edpm-fixture-libs', 'edpm-fixture-pinned'];
/** The node's Open vSwitch: rdo-openvswitch 3.1 with a pinned subpackage, whose update changes the stream (molecule/rpms, shape rdo-stream). */
const OPENVSWITCH_SHAPE = 'rdo-stream';
const OPENVSWITCH_PACKAGES = ['rdo-openvswitch', 'openvswitch3.1', 'python3-openvswitch3.1'];
/** What prepare installs beside the essential packages. */
const BYSTANDERS = ['kernel', 'kernel-core', ...OPENVSWITCH_PACKAGES, 'kpatch', 'edpm-fixture-tools', 'edpm-fixture-libs', 'edpm-fixture-pinned'];
/** The user's exclusion the scenario asks for. */
const USER_EXCLUDED = 'edpm-fixture-pinned';

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const hasAny = (step: RoleTasks, names: readonly string[]) => step.tasks.some((t) => names.includes(t));

/** The service types the scenario runs, for a plan. */
export function runningServiceTypes(plan: UpdatePlan): string[] {
  const types = unique(plan.updateServices.containerSteps.map((s) => s.serviceType));
  const preferred = PREFERRED_RUNNING.filter((t) => types.includes(t));
  if (preferred.length > 0 && preferred.length < types.length) return preferred;
  return types.filter((_, i) => i % 2 === 0);
}

/** The data made so far, by plan (plans are frozen): the scenarios built on this one (contracts, rollout) share it. */
const made = new WeakMap<UpdatePlan, Record<string, unknown>>();

/** `data/scenario.yml` of update_services, as data (the same object each time for the same plan: not to be changed). */
export function servicesScenarioData(plan: UpdatePlan): Record<string, unknown> {
  let data = made.get(plan);
  if (data === undefined) {
    data = makeServicesScenarioData(plan);
    made.set(plan, data);
  }
  return data;
}

function makeServicesScenarioData(plan: UpdatePlan): Record<string, unknown> {
  const s = plan.updateServices;
  const running = runningServiceTypes(plan);
  const runningTypes = new Set(running);
  const runningSteps: RoleTasks[] = [...s.alwaysBefore, ...s.containerSteps.filter((c) => runningTypes.has(c.serviceType))];
  const fixtureRoles = unique([...s.alwaysBefore, ...s.containerSteps].map((c) => c.role));
  const withUpdate = unique(runningSteps.filter((c) => c.tasks.includes('update')).map((c) => c.role));
  const withContainer = unique(runningSteps.filter((c) => hasAny(c, ['run', 'install'])).map((c) => c.role));
  const usedByRunning = new Set(runningSteps.map((c) => c.role));
  const excluded = new Set([...s.alwaysExcludedPackages, USER_EXCLUDED]);
  const essentials = s.essentialPackages.filter((p) => !/[*?[]/u.test(p));
  const updated = essentials.filter((p) => !excluded.has(p));
  const install = unique([...essentials.filter((p) => FIXTURE_SPECS.includes(p)), ...BYSTANDERS]);
  const generic = essentials.filter((p) => !FIXTURE_SPECS.includes(p) && !excluded.has(p));
  // The first running step of each role that starts its container decides
  // which configuration the container finds.
  const firstContainerStep = new Map<string, RoleTasks>();
  for (const step of runningSteps) {
    if (hasAny(step, ['run', 'install']) && !firstContainerStep.has(step.role)) firstContainerStep.set(step.role, step);
  }
  const containers = [...firstContainerStep].map(([role, step]) => {
    const first = step.tasks.findIndex((t) => t === 'run' || t === 'install');
    const rendered = step.tasks.indexOf('update');
    return { name: role, config: rendered >= 0 && rendered < first ? 'v2' : 'v1' };
  });
  const { stepOf, ofRole, ofType, ofPackage, traced } = scenarioDataOrigins(plan);
  const journal: string[] = [];
  const journalOrigins: Origin[] = [];
  for (const c of runningSteps) {
    c.tasks.forEach((t, j) => {
      journal.push(`${c.role}:${t}`);
      journalOrigins.push(itemOrigin(stepOf(c), 'a task file the node runs, in plan order, for the service types of the scenario', 'tasks', j));
    });
  }
  journalOrigins.forEach((o, i) => recordMemberOrigin(journal, i, o));
  return {
    edpm_service_types: traced(running, ofType),
    // Only the essential packages are asked for: asking for an excluded
    // one fails before any change (update_services_contracts shows it).
    // The kernel, Open vSwitch (the wrapper rdo-openvswitch, whose pending
    // update changes the stream, and python3-openvswitch3.1, pinned to its
    // stream's exact version) and the user's exclusion, all with pending
    // updates, must stay as they are.
    edpm_update_services_include_packages: traced([...s.essentialPackages], ofPackage),
    edpm_update_services_exclude_packages: traced([USER_EXCLUDED], ofPackage),
    edpm_scenario: {
      role: UPDATE_SERVICES_ROLE,
      collection: plan.collection,
      fixture_roles: traced(fixtureRoles, ofRole),
      packages: { install: traced(install, ofPackage), generic: traced(generic, ofPackage) },
      openvswitch: { service_enabled_before: true, shape: OPENVSWITCH_SHAPE },
      services: { deployed: { configs: traced(withUpdate, ofRole), containers: traced(withContainer, ofRole) } },
      expect: {
        packages: {
          updated: traced(unique([...updated.filter((p) => FIXTURE_SPECS.includes(p)), ...generic]), ofPackage),
          unchanged: traced(install.filter((p) => !updated.includes(p)), ofPackage),
        },
        openvswitch_enabled: true,
        journal,
        configs: traced([...withUpdate], ofRole),
        containers: traced(containers, () => undefined),
        untouched: traced(fixtureRoles.filter((r) => !usedByRunning.has(r)), ofRole),
        pruned: s.prune.images,
      },
    },
  };
}

/** What the scenario data's origins are made of (provenance), shared with the scenarios built on this one. */
export interface ScenarioDataOrigins {
  /** The plan entry of a step (`/updateServices/containerSteps/<i>`). */
  readonly stepOf: (step: RoleTasks) => PlanItem;
  /** The first step of the plan including a role. */
  readonly ofRole: (role: string) => Origin | undefined;
  /** The first container step of a service type. */
  readonly ofType: (type: string) => Origin | undefined;
  /** An essential or always-excluded package of the plan, or an Open vSwitch package of the RPM fixtures. */
  readonly ofPackage: (p: string) => Origin | undefined;
  /** Records, for each item of a list, its origin (an object item without one: the role it names); returns the list. */
  readonly traced: <T>(list: T[], of: (item: T) => Origin | undefined) => T[];
}

/**
 * Provenance of the scenario data: each role, service type, task file and
 * package of the data points at the plan entry it comes from.
 */
export function scenarioDataOrigins(plan: UpdatePlan): ScenarioDataOrigins {
  const s = plan.updateServices;
  // Each lookup by a map made once: a 5,000-service plan asks for thousands.
  const items = new Map<RoleTasks, PlanItem>();
  const firstStepOfRole = new Map<string, RoleTasks>();
  for (const { step, at } of stepItems(plan)) {
    if (!items.has(step)) items.set(step, at);
    if (!firstStepOfRole.has(step.role)) firstStepOfRole.set(step.role, step);
  }
  const firstIndexOfType = new Map<string, number>();
  s.containerSteps.forEach((step, i) => {
    if (!firstIndexOfType.has(step.serviceType)) firstIndexOfType.set(step.serviceType, i);
  });
  const stepOf = (step: RoleTasks): PlanItem => items.get(step) ?? { list: CONTAINER_STEPS, index: -1 };
  // One origin object per role and per service type, however many lists name it (the map indexes origins by object first).
  const roleOrigins = new Map<string, Origin | undefined>();
  const ofRole = (role: string): Origin | undefined => {
    if (roleOrigins.has(role)) return roleOrigins.get(role);
    const step = firstStepOfRole.get(role);
    const origin = step === undefined ? undefined : itemOrigin(stepOf(step), "a role of the plan's steps, in the scenario data");
    roleOrigins.set(role, origin);
    return origin;
  };
  const typeOrigins = new Map<string, Origin | undefined>();
  const ofType = (type: string): Origin | undefined => {
    if (typeOrigins.has(type)) return typeOrigins.get(type);
    const i = firstIndexOfType.get(type);
    const origin = i === undefined ? undefined : itemOrigin({ list: CONTAINER_STEPS, index: i }, 'a service type of the plan the scenario runs', 'serviceType');
    typeOrigins.set(type, origin);
    return origin;
  };
  const ofPackage = (p: string): Origin | undefined => {
    const i = s.essentialPackages.indexOf(p);
    if (i >= 0) return itemOrigin({ list: '/updateServices/essentialPackages', index: i }, 'an essential package of the plan, in the scenario data');
    const j = s.alwaysExcludedPackages.indexOf(p);
    if (j < 0 && OPENVSWITCH_PACKAGES.includes(p)) {
      return { pointer: '', rule: `fixed text of the scenario: an Open vSwitch package of the RPM fixtures (${OPENVSWITCH_SHAPE} shape), installed with a pending update that phase 1 must leave alone` };
    }
    if (j >= 0) return itemOrigin({ list: '/updateServices/alwaysExcludedPackages', index: j }, 'a package the plan always excludes, installed with a pending update that phase 1 must leave alone');
    if (p === USER_EXCLUDED) return { pointer: '', rule: "fixed text of the scenario: a fixture package with a pending update, which the scenario's user exclusion holds back" };
    if (BYSTANDERS.includes(p)) return { pointer: '', rule: 'fixed text of the scenario: a fixture package prepare installs with a pending update, which phase 1 must leave alone' };
    return undefined;
  };
  const traced = <T>(list: T[], of: (item: T) => Origin | undefined): T[] => {
    list.forEach((item, i) => {
      const o = of(item);
      if (o !== undefined) recordMemberOrigin(list, i, o);
      else if (item !== null && typeof item === 'object') {
        const name = (item as { name?: unknown }).name;
        const byName = typeof name === 'string' ? ofRole(name) : undefined;
        if (byName !== undefined) recordOrigin(item, byName);
      }
    });
    return list;
  };
  return { stepOf, ofRole, ofType, ofPackage, traced };
}
