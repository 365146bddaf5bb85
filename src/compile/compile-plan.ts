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
import { GENERATED_HEADER } from './generated-header.js';
import { COMBINED_UPDATE, roleTags } from '../model/roles.js';
import { combinedUpdatePlaybookFile, playbookFile, serviceManifestFile } from './playbooks.js';
import type { RoleParts } from './role-parts.js';
import { roleMetaFile } from './role-meta.js';
import { roleReadmeFile } from './role-readme.js';
import { argumentSpecsFile, defaultsFile } from './role-variable.js';
import { updateServicesRole } from './roles/update-services.js';
import { updateSystemRole } from './roles/update-system.js';
import { yamlText } from './yaml-text.js';
import { ROLLOUT_PHASES, rolloutVariables, serialOf, type PhaseRollout } from '../model/rollout.js';
import { planIdentity, progressNames, progressRecordTasks, progressSkipTasks, rolloutIdRoleVariable } from './rollout-progress.js';
import type { RolloutReadme } from './role-readme.js';

/** Every generated role, in phase order. */
const ROLE_MODULES: readonly ((plan: UpdatePlan, context: CompileContext) => RoleParts)[] = [updateServicesRole, updateSystemRole];

/**
 * Compiles a plan into the output tree: both roles, their playbooks and
 * service manifests, and the combined `update` playbook and service. With
 * the task file names of a roles tree, includes name the files that exist.
 */
export function compilePlan(plan: UpdatePlan, options: CompileOptions = {}): FileTree {
  const out = new FileTreeBuilder();
  const context = compileContext(options);
  for (const parts of ROLE_MODULES.map((role) => withRolloutProgress(plan, role(plan, context)))) {
    out.addAll(parts.phase.role, roleTree(plan, parts));
    out.add(`playbooks/${parts.phase.playbook}.yml`, playbookFile(plan.collection, parts.phase, GENERATED_HEADER, rolloutOf(plan, parts)));
    out.add(
      `services/dataplane_v1beta1_openstackdataplaneservice_${parts.phase.playbook}.yaml`,
      serviceManifestFile(plan.collection, parts.phase, GENERATED_HEADER),
    );
  }
  out.add(`playbooks/${COMBINED_UPDATE.playbook}.yml`, combinedUpdatePlaybookFile(plan.collection, GENERATED_HEADER));
  out.add(
    `services/dataplane_v1beta1_openstackdataplaneservice_${COMBINED_UPDATE.playbook}.yaml`,
    serviceManifestFile(plan.collection, COMBINED_UPDATE, GENERATED_HEADER),
  );
  return out.build();
}

/** How the plan rolls a role's phase out (null: every node at once). */
function rolloutOf(plan: UpdatePlan, parts: RoleParts): PhaseRollout | null {
  const phase = ROLLOUT_PHASES.find((p) => p.role === parts.phase.role);
  return phase === undefined ? null : plan.rollout[phase.key];
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
  tasks.set('main', [...main.slice(0, 1), ...progressSkipTasks(names, tags), ...main.slice(1), ...progressRecordTasks(names, planIdentity(plan), tags)]);
  return { ...parts, tasks, variables: [...parts.variables, rolloutIdRoleVariable(names)] };
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

function roleTree(plan: UpdatePlan, parts: RoleParts): FileTree {
  const role = new FileTreeBuilder();
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
      variables: parts.variables,
      tags: parts.tags,
      rollout: rolloutReadme(plan, parts),
    }),
  );
  return role.build();
}
