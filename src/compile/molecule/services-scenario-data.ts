/**
 * The plan-dependent data of the update_services Molecule scenario
 * (`data/scenario.yml`): which service types run on the test node, which fixture
 * roles to make, what must have run, in which order, and what must be left
 * alone. The shape is the one the fixed playbooks in
 * templates/molecule/update_services read (molecule/README.md).
 */
import type { RoleTasks, UpdatePlan } from '../../model/plan.js';
import { UPDATE_SERVICES_ROLE } from '../../model/roles.js';

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

/** `data/scenario.yml` of update_services, as data. */
export function servicesScenarioData(plan: UpdatePlan): Record<string, unknown> {
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
  return {
    edpm_service_types: running,
    // Only the essential packages are asked for: asking for an excluded
    // one fails before any change (update_services_contracts shows it).
    // The kernel, Open vSwitch (the wrapper rdo-openvswitch, whose pending
    // update changes the stream, and python3-openvswitch3.1, pinned to its
    // stream's exact version) and the user's exclusion, all with pending
    // updates, must stay as they are.
    edpm_update_services_include_packages: [...s.essentialPackages],
    edpm_update_services_exclude_packages: [USER_EXCLUDED],
    edpm_scenario: {
      role: UPDATE_SERVICES_ROLE,
      collection: plan.collection,
      fixture_roles: fixtureRoles,
      packages: { install, generic },
      openvswitch: { service_enabled_before: true, shape: OPENVSWITCH_SHAPE },
      services: { deployed: { configs: withUpdate, containers: withContainer } },
      expect: {
        packages: {
          updated: unique([...updated.filter((p) => FIXTURE_SPECS.includes(p)), ...generic]),
          unchanged: install.filter((p) => !updated.includes(p)),
        },
        openvswitch_enabled: true,
        journal: runningSteps.flatMap((c) => c.tasks.map((t) => `${c.role}:${t}`)),
        configs: [...withUpdate],
        containers,
        untouched: fixtureRoles.filter((r) => !usedByRunning.has(r)),
        pruned: s.prune.images,
      },
    },
  };
}
