/**
 * The plan-dependent data of the update_services_contracts Molecule scenario
 * (`data/scenario.yml`): the contracts of the hand-written
 * edpm_update_services checked on two nodes (templates/molecule/
 * update_services_contracts, molecule/README.md). The services, packages
 * and expectations are those of update_services (services-scenario-data.ts),
 * changed by what each node does differently:
 * - every run skips the tag of one role (`--skip-tags edpm_<role>`): a role
 *   of a running service type that shares it with other roles and starts no
 *   container, so that its includes, and only those, are skipped;
 * - the package-mode node (root) asks for one more essential package, which
 *   is not installed, and then runs the combined update playbook with the
 *   monolithic role's variable names;
 * - the image-mode node (user) runs no dnf at all, reached as an
 *   unprivileged user: the update.yml of a step without become writes its
 *   configuration as that user, that of a step with become as root.
 */
import type { ContainerStep, RoleTasks, UpdatePlan } from '../../model/plan.js';
import { serviceRoleTag } from '../../model/roles.js';
import { runningServiceTypes, servicesScenarioData } from './services-scenario-data.js';

/** A fixture package that prepare does not install (the new essential package). */
const NEW_ESSENTIAL = 'kpatch-patch';
/** The unprivileged user the image-mode node is reached as. */
const CONNECTING_USER = 'edpm-user';
/** The monolithic role's exclusion the update playbook run is given, and the packages phase 2 then updates. */
const LEGACY_EXCLUDED = 'edpm-fixture-pinned';
const LEGACY_UPDATED = ['edpm-fixture-tools', 'edpm-fixture-libs'];

/** The fixture service image and the bystander container prepare starts (molecule/README.md). */
const SERVICE_IMAGE = 'localhost/edpm-fixture/service';
const BYSTANDER_CONTAINER = 'edpm_fixture_bystander localhost/edpm-fixture/bystander:latest';

const hasContainer = (step: RoleTasks): boolean => step.tasks.some((t) => t === 'run' || t === 'install');

/** The role whose tag every run of the scenario skips, or null when the plan has none that fits. */
export function skippedRole(plan: UpdatePlan): string | null {
  const running = new Set(runningServiceTypes(plan));
  const steps = plan.updateServices.containerSteps.filter((s) => running.has(s.serviceType));
  const fits = (step: ContainerStep) =>
    !hasContainer(step) &&
    steps.some((o) => o.serviceType === step.serviceType && o.role !== step.role) &&
    plan.updateServices.containerSteps.filter((o) => o.role === step.role).every((o) => !hasContainer(o)) &&
    !plan.updateServices.alwaysBefore.some((o) => o.role === step.role);
  return steps.find(fits)?.role ?? null;
}

/** The tags Molecule skips by default, kept when a scenario skips more. */
const MOLECULE_SKIP_TAGS = ['molecule-notest', 'notest'];

/** What every run of the scenario skips: Molecule's own tags and the skipped role's (`--skip-tags`). */
export function contractsSkipTags(plan: UpdatePlan): string {
  const role = skippedRole(plan);
  return [...MOLECULE_SKIP_TAGS, ...(role === null ? [] : [serviceRoleTag(role)])].join(',');
}

interface Expect {
  readonly packages: Record<string, string[]>;
  readonly journal: string[];
  readonly configs: string[];
  readonly containers: { name: string; config: string }[];
  readonly untouched: string[];
  readonly pruned: boolean;
}

/** `data/scenario.yml` of update_services_contracts, as data. */
export function contractsScenarioData(plan: UpdatePlan): Record<string, unknown> {
  const base = servicesScenarioData(plan) as { edpm_service_types: string[]; edpm_scenario: Record<string, unknown> & { expect: Expect; packages: { install: string[] } } };
  const scenario = base.edpm_scenario;
  const skipped = skippedRole(plan);
  const expect: Expect = scenario.expect;
  const withoutSkipped: Expect = {
    ...expect,
    journal: expect.journal.filter((entry) => skipped === null || !entry.startsWith(`${skipped}:`)),
    configs: expect.configs.filter((r) => r !== skipped),
    untouched: skipped === null ? [...expect.untouched] : [...expect.untouched, skipped],
  };
  const essentials = [...plan.updateServices.essentialPackages];
  const installed = scenario.packages.install;
  const { expect: _expect, ...prepared } = scenario;

  // The package-mode node: the role's run (with the new essential package), then the update playbook's.
  const rootPackages = {
    updated: [...expect.packages.updated!, ...LEGACY_UPDATED.filter((p) => installed.includes(p))],
    installed: [NEW_ESSENTIAL],
    unchanged: [LEGACY_EXCLUDED],
  };
  // The image-mode node: no dnf transaction, so nothing changes and the new essential package stays absent.
  const userPackages = { unchanged: [...installed], absent: [NEW_ESSENTIAL] };

  // The running steps of the user node's run: who writes each configuration.
  const running = new Set(base.edpm_service_types);
  const runningSteps = plan.updateServices.containerSteps.filter((s) => running.has(s.serviceType) && s.role !== skipped && s.tasks.includes('update'));
  const firstOwner = (become: boolean) => runningSteps.find((s) => s.become.includes('update') === become);
  const owners = [
    ...(firstOwner(false) === undefined ? [] : [{ role: firstOwner(false)!.role, owner: CONNECTING_USER }]),
    ...(firstOwner(true) === undefined ? [] : [{ role: firstOwner(true)!.role, owner: 'root' }]),
  ];

  // The update playbook's run, before the role's: the first running service
  // type with a container step. Afterwards, the configurations and
  // containers of its roles are new (v2), the others' as prepare left them.
  const legacyType = plan.updateServices.containerSteps.find((s) => running.has(s.serviceType) && hasContainer(s))?.serviceType;
  const legacyTypes = legacyType === undefined ? [] : [legacyType];
  const legacySteps = plan.updateServices.containerSteps.filter((s) => legacyTypes.includes(s.serviceType) && s.role !== skipped);
  const deployed = (scenario.services as { deployed: { configs: string[]; containers: string[] } }).deployed;
  const version = (updated: boolean) => (updated ? 'v2' : 'v1');
  const legacyState = [
    ...deployed.configs.map((role) => `${role} config=${version(legacySteps.some((s) => s.role === role && s.tasks.includes('update')))}`),
    ...[...deployed.containers.map((role) => `${role} ${SERVICE_IMAGE}:${version(legacySteps.some((s) => s.role === role && hasContainer(s)))}`), BYSTANDER_CONTAINER],
  ];

  return {
    edpm_service_types: base.edpm_service_types,
    edpm_scenario: structuredClone(prepared),
    edpm_contracts: {
      user: CONNECTING_USER,
      essential_packages: essentials,
      new_essential_package: NEW_ESSENTIAL,
      excluded_essential_package: essentials[0] ?? null,
      skipped_role: skipped,
      owners,
      skip_tags: contractsSkipTags(plan),
      legacy: {
        variables: { edpm_update_running_services: legacyTypes, edpm_update_exclude_packages: [LEGACY_EXCLUDED], edpm_update_enable_kpatch: false },
        // What `grep` of the configurations then `podman ps` print, each part sorted.
        expect: [...legacyState.slice(0, deployed.configs.length).sort(), ...legacyState.slice(deployed.configs.length).sort()],
      },
      nodes: {
        root: structuredClone({ ...prepared, expect: { ...withoutSkipped, packages: rootPackages } }),
        user: structuredClone({ ...prepared, expect: { ...withoutSkipped, packages: userPackages } }),
      },
    },
  };
}
