/**
 * The compiler: a validated plan -> the whole output tree, in memory. Pure:
 * no clock, no environment, no file system (but the package's own templates),
 * so the same plan always gives the same bytes. It only assembles: each role
 * module (roles/) says everything about its role; this file turns that into
 * files, with the playbooks and the service manifests.
 */
import { FileTreeBuilder, type FileTree } from '../model/file-tree.js';
import type { UpdatePlan } from '../model/plan.js';
import { compileContext, type CompileContext, type CompileOptions } from './compile-context.js';
import { UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../model/roles.js';
import { scenarioData } from './molecule/scenarios.js';
import { recordMemberOrigin, recordOrigin, type FileTrace, type Origin, type TraceSink } from './origin.js';
import { GENERATED_HEADER } from './generated-header.js';
import { COMBINED_UPDATE, roleTags } from '../model/roles.js';
import { combinedUpdatePlaybookFile, playbookFile, serviceManifestFile } from './playbooks.js';
import type { RoleParts } from './role-parts.js';
import { roleMetaFile } from './role-meta.js';
import { roleReadmeFile } from './role-readme.js';
import { argumentSpecsData, argumentSpecsFile, defaultsData, defaultsFile } from './role-variable.js';
import { updateServicesRole } from './roles/update-services.js';
import { updateSystemRole } from './roles/update-system.js';
import { yamlText } from './yaml-text.js';
import { phaseRolloutOfRole, rolloutPhaseOfRole, rolloutVariables, serialOf, type PhaseRollout } from '../model/rollout.js';
import { planIdentity, progressNames, progressRecordTasks, progressSkipTasks, rolloutIdRoleVariable } from './rollout-progress.js';
import type { RolloutReadme } from './role-readme.js';

/** Every generated role, in phase order. */
const ROLE_MODULES: readonly ((plan: UpdatePlan, context: CompileContext) => RoleParts)[] = [updateServicesRole, updateSystemRole];

/**
 * Compiles a plan into the output tree: both roles, their playbooks and
 * service manifests, and the combined `update` playbook and service. With
 * the task file names of a roles tree, includes name the files that exist.
 * With `traces`, also records there, for every file, the plan entries that
 * made it (for the provenance map); the tree is the same.
 */
export function compilePlan(plan: UpdatePlan, options: CompileOptions = {}, traces?: TraceSink): FileTree {
  const out = new FileTreeBuilder();
  const context = compileContext(options);
  const collection: Origin = { pointer: '/collection', rule: "fixed text of the compiler naming the roles by the plan's collection" };
  for (const parts of ROLE_MODULES.map((role) => withRolloutProgress(plan, role(plan, context)))) {
    out.addAll(parts.phase.role, roleTree(plan, parts, traces));
    const playbook = playbookFile(plan.collection, parts.phase, GENERATED_HEADER, rolloutOf(plan, parts));
    out.add(`playbooks/${parts.phase.playbook}.yml`, playbook);
    const manifest = `services/dataplane_v1beta1_openstackdataplaneservice_${parts.phase.playbook}.yaml`;
    out.add(manifest, serviceManifestFile(plan.collection, parts.phase, GENERATED_HEADER));
    // A rolled-out phase's play runs in batches: its serial and failure budget come from the rollout.
    const batches: Origin = { pointer: rolloutPointer(parts), rule: "the play's batches (serial) and failure budget, from the plan's rollout of the phase" };
    const rows = traces === undefined || rolloutOf(plan, parts) === null ? [] : batchKeywordRows(playbook, [batches]);
    traces?.set(`playbooks/${parts.phase.playbook}.yml`, { origin: collection, rows });
    traces?.set(manifest, { origin: collection });
  }
  // The combined update runs both phases' playbooks: it is there for every plan, named by its collection.
  const combinedPlaybook = `playbooks/${COMBINED_UPDATE.playbook}.yml`;
  const combinedManifest = `services/dataplane_v1beta1_openstackdataplaneservice_${COMBINED_UPDATE.playbook}.yaml`;
  const combined = combinedUpdatePlaybookFile(plan.collection, GENERATED_HEADER, plan.rollout);
  out.add(combinedPlaybook, combined);
  out.add(combinedManifest, serviceManifestFile(plan.collection, COMBINED_UPDATE, GENERATED_HEADER));
  if (traces !== undefined) {
    // With a rollout, each role has its own play there, in COMBINED_UPDATE's order: a rolled-out phase's play has its batches and budget
    // (without one, no play has an origin here, and no row is made).
    const plays = COMBINED_UPDATE.roles.map((role): Origin | null => {
      const phase = rolloutPhaseOfRole(role);
      if (phase === undefined || plan.rollout[phase.key] === null) return null;
      return { pointer: `/rollout/${phase.key}`, rule: `the batches (serial) and failure budget of the ${role} play, from the plan's rollout of the phase` };
    });
    traces.set(combinedPlaybook, { origin: collection, rows: batchKeywordRows(combined, plays) });
  }
  traces?.set(combinedManifest, { origin: collection });
  return out.build();
}

/** The play keywords a phase's rollout sets. */
const BATCH_KEYWORDS = /^ {2}(serial|any_errors_fatal|max_fail_percentage):/u;

/**
 * The rows (provenance) of a playbook's lines that its plays' rollouts
 * make: the batch keywords of the play `n` (from 0, in file order) when
 * `origins[n]` is not null, each with the lines its value continues on (a
 * long `max_fail_percentage` expression is folded over several lines).
 */
function batchKeywordRows(text: string, origins: readonly (Origin | null)[]): { text: string; origin: Origin }[] {
  const rows: { text: string; origin: Origin }[] = [];
  let play = -1;
  let inKeyword = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) play++;
    if (BATCH_KEYWORDS.test(line)) inKeyword = true;
    else if (!line.startsWith('    ')) inKeyword = false;
    const origin = origins[play];
    if (inKeyword && origin != null) rows.push({ text: line, origin });
  }
  return rows;
}

/** The plan entry of a role's phase rollout (`/rollout/<phase key>`). */
function rolloutPointer(parts: RoleParts): string {
  const phase = rolloutPhaseOfRole(parts.phase.role);
  return phase === undefined ? '/rollout' : `/rollout/${phase.key}`;
}

/** How the plan rolls a role's phase out (null: every node at once). */
function rolloutOf(plan: UpdatePlan, parts: RoleParts): PhaseRollout | null {
  return phaseRolloutOfRole(plan.rollout, parts.phase.role);
}

/**
 * A rolled-out phase's role also skips the nodes that completed it under
 * the same rollout and records its completion (rollout-progress.ts);
 * without a rollout the role is left as it is.
 */
function withRolloutProgress(plan: UpdatePlan, parts: RoleParts): RoleParts {
  if (rolloutOf(plan, parts) === null) return parts;
  const names = progressNames(parts.phase.role, parts.phase.serviceType);
  const tags = roleTags(parts.phase.role);
  const main = parts.tasks.get('main') ?? [];
  const tasks = new Map(parts.tasks);
  // Provenance: these tasks and the variable are there because the plan rolls this phase out.
  const pointer = rolloutPointer(parts);
  const skip = progressSkipTasks(names, tags).map((t) => recordOrigin(t, { pointer, rule: `rollout of ${names.phase}: skip a node that completed it under the same rollout` }));
  const record = progressRecordTasks(names, planIdentity(plan), tags).map((t) => recordOrigin(t, { pointer, rule: `rollout of ${names.phase}: record on the node that it completed` }));
  tasks.set('main', [...main.slice(0, 1), ...skip, ...main.slice(1), ...record]);
  const rolloutId = { ...rolloutIdRoleVariable(names), from: { pointer, rule: `the rollout of ${names.phase}: the id its progress is recorded under` } };
  return { ...parts, tasks, variables: [...parts.variables, rolloutId] };
}

/** What the README's "Rolling out" section says of a rolled-out phase. */
function rolloutReadme(plan: UpdatePlan, parts: RoleParts): RolloutReadme | null {
  const rollout = rolloutOf(plan, parts);
  if (rollout === null) return null;
  const vars = rolloutVariables(parts.phase.role);
  const budget = rollout.failureBudget;
  const names = progressNames(parts.phase.role, parts.phase.serviceType);
  return {
    serial: `[${serialOf(rollout).map((s) => (typeof s === 'number' ? String(s) : JSON.stringify(s))).join(', ')}]`,
    serialVariable: vars.serial,
    maxFailVariable: vars.maxFailPercentage,
    budget: budget.kind === 'percent' ? `${budget.percent}% of each batch` : `${budget.nodes} node(s) of each wave`,
    budgetInNodes: budget.kind === 'nodes' && budget.nodes > 0,
    namedCanary: rollout.canary?.kind === 'nodes' ? rollout.canary.nodes.join(', ') : '',
    rolloutIdVariable: names.rolloutIdVariable,
    fact: names.fact,
    service: parts.phase.serviceType,
  };
}


/** The origin of each task file of the roles, for the lines no finer record covers. */
function taskFileOrigin(plan: UpdatePlan, role: string, file: string): Origin {
  const ovs = plan.updateSystem.openvswitch.tasks.kind === 'role' ? '/updateSystem/openvswitch/tasks' : '/updateSystem/openvswitch';
  const table: Record<string, Origin> = {
    [`${UPDATE_SERVICES_ROLE}/main`]: { pointer: '/updateServices', rule: 'fixed layout of phase 1: facts, essential packages, containers' },
    [`${UPDATE_SERVICES_ROLE}/packages`]: { pointer: '/updateServices/essentialPackages', rule: 'the targeted update of the essential packages' },
    [`${UPDATE_SERVICES_ROLE}/containers`]: { pointer: '/updateServices/containerSteps', rule: 'the container steps, in plan order' },
    [`${UPDATE_SYSTEM_ROLE}/main`]: { pointer: '/updateSystem', rule: 'fixed layout of phase 2: facts, Open vSwitch, kpatch, every other package, bootc' },
    [`${UPDATE_SYSTEM_ROLE}/openvswitch`]: { pointer: ovs, rule: 'the Open vSwitch step, as the plan says' },
    [`${UPDATE_SYSTEM_ROLE}/kpatch`]: { pointer: '/updateSystem/kpatch', rule: 'the kpatch step' },
    [`${UPDATE_SYSTEM_ROLE}/packages`]: { pointer: '/updateSystem/includePackages', rule: 'the update of every other package' },
    [`${UPDATE_SYSTEM_ROLE}/bootc`]: { pointer: '/updateSystem/bootc', rule: 'the bootc steps' },
  };
  return table[`${role}/${file}`] ?? { pointer: role === UPDATE_SERVICES_ROLE ? '/updateServices' : '/updateSystem', rule: 'fixed text of the compiler' };
}

/** Records what made each file of a role (provenance), by its path in the role. */
function traceRole(plan: UpdatePlan, parts: RoleParts, trace: (path: string, t: FileTrace) => void): void {
  const name = parts.phase.role;
  const phase = name === UPDATE_SERVICES_ROLE ? '/updateServices' : '/updateSystem';
  for (const [file, tasks] of parts.tasks) trace(`tasks/${file}.yml`, { origin: taskFileOrigin(plan, name, file), data: tasks });
  for (const [file, tasks] of parts.handlers) trace(`handlers/${file}.yml`, { origin: taskFileOrigin(plan, name, file), data: tasks });
  if (parts.roleVars !== null) trace('vars/main.yml', { origin: { pointer: '/updateSystem/openvswitch', rule: "the Open vSwitch step's settings that apply: edpm_ovs's names first, then the plan's defaults" }, data: parts.roleVars });
  const variables: Origin = { pointer: phase, rule: "the role's variables; those without a plan entry have fixed defaults" };
  trace('defaults/main.yml', { origin: variables, data: defaultsData(parts.variables) });
  trace('meta/argument_specs.yml', { origin: variables, data: argumentSpecsData(parts.shortDescription, parts.description, parts.variables) });
  trace('meta/main.yml', { origin: { pointer: '/collection', rule: "role metadata: the namespace is the plan's collection's" } });
  const rows = [
    ...(parts.readmeOrigins ?? []),
    ...parts.variables.flatMap((v) => (v.from === undefined ? [] : [{ text: `| \`${v.name}\` |`, origin: v.from }])),
    // (the Tags section follows the Variables section)
    ...parts.tags.flatMap((t) => (t.from === undefined ? [] : [{ text: `| \`${t.name}\` |`, origin: t.from }])),
  ];
  trace('README.md', { origin: { pointer: phase, rule: 'README of the role, written from the plan' }, rows });
  for (const [scenario, files] of parts.scenarios) {
    const fixed: Origin = { pointer: '', rule: `fixed text of the Molecule scenario ${scenario} (templates/molecule/), the same for every plan` };
    for (const file of files.keys()) if (file !== 'data/scenario.yml') trace(`molecule/${scenario}/${file}`, { origin: fixed });
    // The same data the scenario's file was made from, with the origins recorded as it was made.
    const data = scenarioData(plan, scenario);
    if (name === UPDATE_SERVICES_ROLE) {
      // update_services, and the rollout scenarios: the same data and the waves of the plan's rollout
      const rollout = (data.edpm_scenario as Record<string, unknown> | undefined)?.rollout;
      if (rollout !== undefined) recordMemberOrigin(data.edpm_scenario as object, 'rollout', { pointer: '/rollout/updateServices', rule: "the waves of the plan's rollout of update-services, over the scenario's nodes" });
      trace(`molecule/${scenario}/data/scenario.yml`, { origin: { pointer: '/updateServices', rule: `data of the Molecule scenario ${scenario}, derived from the plan` }, data });
    } else {
      traceSystemScenarioData(plan, data);
      trace(`molecule/${scenario}/data/scenario.yml`, {
        origin: { pointer: '', rule: `fixed text of the Molecule scenario ${scenario}'s data (system-scenario-data.ts): a test node per Open vSwitch shape of the RPM fixtures, the same for every plan but where marked` },
        data,
      });
    }
  }
}

/** Records, in an update-system scenario's data, the values that follow the plan (system-scenario-data.ts). */
function traceSystemScenarioData(plan: UpdatePlan, data: Record<string, unknown>): void {
  const scenario = data.edpm_scenario as Record<string, unknown> | undefined;
  if (scenario === undefined) return;
  recordMemberOrigin(scenario, 'collection', { pointer: '/collection', rule: 'the collection of the roles under test' });
  const ovsTasks: Origin = {
    pointer: plan.updateSystem.openvswitch.tasks.kind === 'role' ? '/updateSystem/openvswitch/tasks' : '/updateSystem/openvswitch',
    rule: 'where the Open vSwitch tasks come from: the fixture role that stands for them, or the inline step',
  };
  recordMemberOrigin(scenario, 'fixture_roles', ovsTasks);
  const packages = scenario.packages as Record<string, unknown> | undefined;
  if (packages !== undefined) {
    recordMemberOrigin(packages, 'generic', { pointer: '/updateSystem/alwaysExcludedPackages', rule: 'packages the plan adds to the exclusions of the all-packages step, installed to show it holding' });
  }
  const expect = scenario.expect as Record<string, unknown> | undefined;
  if (expect !== undefined) {
    recordMemberOrigin(expect, 'openvswitch_enabled', ovsTasks);
    if ('journal' in expect) recordMemberOrigin(expect, 'journal', { pointer: '/updateSystem/openvswitch/tasks/tasks', rule: "the task files of the Open vSwitch role, in plan order, as the fixture role logs them" });
  }
}

function roleTree(plan: UpdatePlan, parts: RoleParts, traces: TraceSink | undefined): FileTree {
  const role = new FileTreeBuilder();
  if (traces !== undefined) traceRole(plan, parts, (path, t) => traces.set(`${parts.phase.role}/${path}`, t));
  for (const [scenario, files] of parts.scenarios) role.addAll(`molecule/${scenario}`, files);
  for (const [file, tasks] of parts.tasks) role.add(`tasks/${file}.yml`, yamlText(tasks, { header: GENERATED_HEADER }));
  for (const [file, tasks] of parts.handlers) role.add(`handlers/${file}.yml`, yamlText(tasks, { header: GENERATED_HEADER }));
  if (parts.roleVars !== null) role.add('vars/main.yml', yamlText(parts.roleVars, { header: [...GENERATED_HEADER, '', 'Internal variables of the role: set the ones in defaults/main.yml instead.'] }));
  role.add('defaults/main.yml', defaultsFile(parts.phase.role, parts.variables, GENERATED_HEADER));
  role.add('meta/main.yml', roleMetaFile(parts.phase.role, plan.collection.split('.')[0]!, parts.shortDescription, parts.galaxyTags, GENERATED_HEADER));
  role.add('meta/argument_specs.yml', argumentSpecsFile(parts.shortDescription, parts.description, parts.variables, GENERATED_HEADER));
  role.add(
    'README.md',
    roleReadmeFile({
      role: parts.phase.role,
      summary: parts.description.join(' '),
      phaseNumber: parts.phase.number,
      collection: plan.collection,
      playbook: parts.phase.playbook,
      serviceType: parts.phase.serviceType,
      exampleTitle: parts.phase.title,
      steps: parts.steps,
      diagram: parts.diagram,
      variables: parts.variables,
      tags: parts.tags,
      rollout: rolloutReadme(plan, parts),
    }),
  );
  return role.build();
}
