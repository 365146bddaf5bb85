/**
 * The plan-dependent data of the update_services_contracts Molecule scenario
 * (`data/scenario.yml`): the contracts of the hand-written
 * edpm_update_services checked on three nodes (templates/molecule/
 * update_services_contracts, molecule/README.md). The services, packages
 * and expectations are those of update_services (services-scenario-data.ts),
 * changed by what each node does differently:
 * - every run skips the tag of one role (`--skip-tags edpm_<role>`): a role
 *   of a running service type that shares it with other roles and starts no
 *   container, so that its includes, and only those, are skipped;
 * - the package-mode node (root) asks for one more essential package, which
 *   is not installed;
 * - a second package-mode node (legacy) runs the combined update playbook
 *   with the monolithic role's variable names instead, side by side with the
 *   other nodes' runs;
 * - the image-mode node (user) runs no dnf at all, reached as an
 *   unprivileged user: the update.yml of a step without become writes its
 *   configuration as that user, that of a step with become as root.
 */
import type { ContainerStep, RoleTasks, UpdatePlan } from '../../model/plan.js';
import { serviceRoleTag } from '../../model/roles.js';
import { concatWithOrigins, filterWithOrigins, itemOrigin, recordListOrigins, recordMemberOrigin, recordOrigin, type Origin } from '../origin.js';
import { runningServiceTypes, scenarioDataOrigins, servicesScenarioData } from './services-scenario-data.js';

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

/** The role found for each plan so far (plans are frozen): the data and molecule.yml both ask. */
const skippedRoles = new WeakMap<UpdatePlan, string | null>();

/** The role whose tag every run of the scenario skips, or null when the plan has none that fits. */
export function skippedRole(plan: UpdatePlan): string | null {
  let role = skippedRoles.get(plan);
  if (role === undefined) {
    role = findSkippedRole(plan);
    skippedRoles.set(plan, role);
  }
  return role;
}

function findSkippedRole(plan: UpdatePlan): string | null {
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

/** The origin of what the scenario fixes whatever the plan (provenance). */
const fixed = (what: string): Origin => ({ pointer: '', rule: `fixed text of the Molecule scenario update_services_contracts's data (contracts-scenario-data.ts): ${what}` });

/**
 * `data/scenario.yml` of update_services_contracts, as data. It shares the
 * lists of update_services' data (the YAML has no aliases), so the origins
 * recorded there hold here too; each list made here records its own.
 */
export function contractsScenarioData(plan: UpdatePlan): Record<string, unknown> {
  const base = servicesScenarioData(plan) as { edpm_service_types: string[]; edpm_scenario: Record<string, unknown> & { expect: Expect; packages: { install: string[] } } };
  const { stepOf, ofRole, ofType, traced } = scenarioDataOrigins(plan);
  const scenario = base.edpm_scenario;
  const skipped = skippedRole(plan);
  const skippedOrigin: Origin | undefined = skipped === null ? undefined : { ...ofRole(skipped)!, rule: 'the role whose tag the scenario skips (--skip-tags): a role of a running service type that starts no container' };
  const expect: Expect = scenario.expect;
  const withoutSkipped: Expect = {
    ...expect,
    journal: filterWithOrigins(expect.journal, (entry) => skipped === null || !entry.startsWith(`${skipped}:`)),
    configs: filterWithOrigins(expect.configs, (r) => r !== skipped),
    untouched: concatWithOrigins(expect.untouched, traced(skipped === null ? [] : [skipped], () => skippedOrigin)),
  };
  const essentials = recordListOrigins([...plan.updateServices.essentialPackages], '/updateServices/essentialPackages', 'the essential packages of the plan, which the scenario asks for');
  const installed = scenario.packages.install;
  const { expect: _expect, ...prepared } = scenario;

  // The package-mode node: the role's run, with the new essential package
  // (what the update playbook updates on the legacy node is unchanged here).
  const newEssential = fixed('a fixture package prepare does not install, asked for as one more essential package');
  const legacyFixture = fixed("a fixture package of the update playbook's run with the monolithic role's variable names");
  const legacyUpdated = () => traced(LEGACY_UPDATED.filter((p) => installed.includes(p)), () => legacyFixture);
  const rootPackages = {
    updated: concatWithOrigins(expect.packages.updated!),
    installed: traced([NEW_ESSENTIAL], () => newEssential),
    unchanged: concatWithOrigins(legacyUpdated(), traced([LEGACY_EXCLUDED], () => legacyFixture)),
  };
  // The legacy node: the update playbook's run (both phases): the essential
  // and the other packages updated, the legacy exclusion held.
  const legacyPackages = {
    updated: concatWithOrigins(expect.packages.updated!, legacyUpdated()),
    unchanged: traced([LEGACY_EXCLUDED], () => legacyFixture),
  };
  // The image-mode node: no dnf transaction, so nothing changes and the new essential package stays absent.
  const userPackages = { unchanged: concatWithOrigins(installed), absent: traced([NEW_ESSENTIAL], () => newEssential) };

  // The running steps of the user node's run: who writes each configuration.
  const running = new Set(base.edpm_service_types);
  const runningSteps = plan.updateServices.containerSteps.filter((s) => running.has(s.serviceType) && s.role !== skipped && s.tasks.includes('update'));
  const firstOwner = (become: boolean) => runningSteps.find((s) => s.become.includes('update') === become);
  const owner = (step: ContainerStep, user: string) =>
    recordOrigin({ role: step.role, owner: user }, itemOrigin(stepOf(step), 'who writes the configuration of the first running step whose update.yml has (or has not) become', 'become'));
  const owners = [
    ...(firstOwner(false) === undefined ? [] : [owner(firstOwner(false)!, CONNECTING_USER)]),
    ...(firstOwner(true) === undefined ? [] : [owner(firstOwner(true)!, 'root')]),
  ];

  // The update playbook's run, before the role's: the first running service
  // type with a container step. Afterwards, the configurations and
  // containers of its roles are new (v2), the others' as prepare left them.
  const legacyType = plan.updateServices.containerSteps.find((s) => running.has(s.serviceType) && hasContainer(s))?.serviceType;
  const legacyTypes = legacyType === undefined ? [] : [legacyType];
  const legacySteps = plan.updateServices.containerSteps.filter((s) => legacyTypes.includes(s.serviceType) && s.role !== skipped);
  const deployed = (scenario.services as { deployed: { configs: string[]; containers: string[] } }).deployed;
  const version = (updated: boolean) => (updated ? 'v2' : 'v1');
  // What `grep` of the configurations then `podman ps` print, each part sorted; each line of a role points at its step.
  const stateOf = (role: string) => ({ ...ofRole(role)!, rule: "a role's configuration or container after the update playbook's run" });
  const legacyLine = (text: string, role: string | null) => ({ text, origin: role === null ? fixed('the bystander container prepare starts') : stateOf(role) });
  const byText = (a: { text: string }, b: { text: string }) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  const legacyState = [
    ...deployed.configs.map((role) => legacyLine(`${role} config=${version(legacySteps.some((s) => s.role === role && s.tasks.includes('update')))}`, role)).sort(byText),
    ...[...deployed.containers.map((role) => legacyLine(`${role} ${SERVICE_IMAGE}:${version(legacySteps.some((s) => s.role === role && hasContainer(s)))}`, role)), legacyLine(BYSTANDER_CONTAINER, null)].sort(byText),
  ];
  const legacyExpect = legacyState.map((l) => l.text);
  legacyState.forEach((l, i) => recordMemberOrigin(legacyExpect, i, l.origin));

  const contracts: Record<string, unknown> = {
    user: CONNECTING_USER,
    essential_packages: essentials,
    new_essential_package: NEW_ESSENTIAL,
    excluded_essential_package: essentials[0] ?? null,
    skipped_role: skipped,
    owners,
    skip_tags: contractsSkipTags(plan),
    legacy: {
      variables: {
        edpm_update_running_services: traced(legacyTypes, (t) => (ofType(t) === undefined ? undefined : { ...ofType(t)!, rule: "the service type the update playbook's run updates: the first running one with a container step" })),
        edpm_update_exclude_packages: traced([LEGACY_EXCLUDED], () => legacyFixture),
        edpm_update_enable_kpatch: false,
      },
      expect: legacyExpect,
    },
    // The lists are shared with update_services' data: their origins hold here too.
    nodes: {
      root: { ...prepared, expect: { ...withoutSkipped, packages: rootPackages } },
      user: { ...prepared, expect: { ...withoutSkipped, packages: userPackages } },
      legacy: { ...prepared, expect: { packages: legacyPackages } },
    },
  };
  recordMemberOrigin(contracts, 'user', fixed('the unprivileged user the image-mode node is reached as'));
  recordMemberOrigin(contracts, 'new_essential_package', newEssential);
  if (essentials.length > 0) recordMemberOrigin(contracts, 'excluded_essential_package', { pointer: '/updateServices/essentialPackages/0', rule: 'the essential package the scenario excludes, to see the role fail before any change' });
  if (skippedOrigin !== undefined) {
    recordMemberOrigin(contracts, 'skipped_role', skippedOrigin);
    recordMemberOrigin(contracts, 'skip_tags', skippedOrigin);
  } else recordMemberOrigin(contracts, 'skip_tags', fixed("Molecule's own skipped tags (the plan has no role that fits)"));
  return { edpm_service_types: base.edpm_service_types, edpm_scenario: prepared, edpm_contracts: contracts };
}
