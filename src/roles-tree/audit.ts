/**
 * The audit of a plan against a roles tree: an error for every plan step whose
 * role or task file does not exist, a warning for every role with update entry
 * points that no plan step uses, a note where the plan's choice of task files
 * differs from the rule's. Pure: reads facts, not the disk.
 */
import { join } from 'node:path';
import { compareStrings } from '../core/compare.js';
import { diagnosticAt, fileWarning, type Diagnostic } from '../core/diagnostics.js';
import { pointerSegments, positionOf, type SourceMap } from '../plan/source-map.js';
import type { RoleTasks, UpdatePlan } from '../model/plan.js';
import { containerEvidenceOf, entryPointsOf, OVS_ROLE, type EntryPoint, type RoleFact, type RolesTreeFacts } from './facts.js';
import { serviceTypesOf, type ServiceTypeOf } from './service-type.js';
import { ruleSelection, type RuleSelection } from './task-selection.js';

/** A plan step that names a role: where it is in the plan and what it includes. */
export interface PlanStepRef {
  readonly pointer: string;
  readonly role: string;
  readonly tasks: readonly string[];
  readonly serviceType: string | null;
}

/** What the audit says of one role of the tree. */
export interface RoleReport {
  readonly name: string;
  readonly path: string;
  readonly entryPoints: readonly EntryPoint[];
  readonly taskFiles: readonly string[];
  readonly rule: RuleSelection | null;
  readonly serviceTypes: readonly ServiceTypeOf[];
  /** JSON pointers of the plan steps that use the role. */
  readonly planSteps: readonly string[];
  /**
   * Where its task files manage containers (`tasks/run.yml:17: edpm_container_standalone`),
   * null when they manage none; for roles with update entry points only.
   */
  readonly containers: string | null;
  /** Whether the plan lists the role in ignoredRoles. */
  readonly ignored: boolean;
}

/** The whole audit. */
export interface AuditReport {
  readonly root: string;
  readonly roles: readonly RoleReport[];
  /** Sorted: errors, then warnings, then notes. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Every step of a plan that includes a role's task files. */
export function planStepRefs(plan: UpdatePlan): PlanStepRef[] {
  const refs: PlanStepRef[] = [];
  const add = (pointer: string, step: RoleTasks, serviceType: string | null) => refs.push({ pointer, role: step.role, tasks: step.tasks, serviceType });
  plan.updateServices.alwaysBefore.forEach((s, i) => add(`/updateServices/alwaysBefore/${i}`, s, null));
  plan.updateServices.containerSteps.forEach((s, i) => add(`/updateServices/containerSteps/${i}`, s, s.serviceType));
  const ovs = plan.updateSystem.openvswitch.tasks;
  if (ovs.kind === 'role') refs.push({ pointer: '/updateSystem/openvswitch/tasks', role: ovs.role, tasks: ovs.tasks, serviceType: null });
  return refs;
}

/** Audits a plan (with its source map, for positions) against scanned facts; without a plan, only describes the tree. */
export function auditRolesTree(facts: RolesTreeFacts, plan: UpdatePlan | null, source: SourceMap | null): AuditReport {
  const diagnostics: Diagnostic[] = [...facts.problems];
  const at = (pointer: string, severity: Diagnostic['severity'], message: string): Diagnostic => {
    const pos = source === null ? { line: 1, col: 1 } : positionOf(source, pointerSegments(pointer));
    return diagnosticAt(source?.file ?? '(plan)', pos, message, { path: pointer, severity });
  };
  const byName = new Map(facts.roles.map((r) => [r.name, r]));
  const refs = plan === null ? [] : planStepRefs(plan);

  for (const ref of refs) {
    const role = byName.get(ref.role);
    if (role === undefined) {
      diagnostics.push(at(`${ref.pointer}/role`, 'error', `role ${ref.role} not found: no folder ${join(facts.root, ref.role)}`));
      continue;
    }
    ref.tasks.forEach((task, j) => {
      if (role.taskFiles.some((t) => t.base === task)) return;
      const pointer = ref.pointer.endsWith('/tasks') ? ref.pointer : `${ref.pointer}/tasks/${j}`;
      const has = role.taskFiles.map((t) => t.file).join(', ') || 'no task files';
      diagnostics.push(at(pointer, 'error', `task file ${join(role.path, 'tasks', `${task}.yml`)} not found (${role.name} has ${has})`));
    });
    const rule = ruleSelection(role);
    if (rule !== null && ref.serviceType !== null && rule.tasks.join(',') !== ref.tasks.join(',')) {
      diagnostics.push(at(`${ref.pointer}/tasks`, 'note', `the plan includes [${ref.tasks.join(', ')}] of ${role.name}; the rule would choose [${rule.tasks.join(', ')}] (${rule.reason})`));
    }
  }

  const roles: RoleReport[] = facts.roles.map((role) => reportOf(role, plan, refs));
  for (const report of roles) {
    if (plan === null || report.rule === null || report.planSteps.length > 0 || report.ignored) continue;
    if (report.name === OVS_ROLE && plan.updateSystem.openvswitch.tasks.kind === 'inline') {
      diagnostics.push(at('/updateSystem/openvswitch', 'note', `${OVS_ROLE} has ${report.entryPoints.map((e) => e).join(', ')} task files; the plan updates Open vSwitch with generated tasks instead (to use the role: tasks: {role: ${OVS_ROLE}, tasks: update})`));
      continue;
    }
    if (report.containers === null) {
      // A configure-os/run-os role (its run.yml reloads a host service) or a timer: no container to update.
      diagnostics.push({
        ...fileWarning(
          join(report.path, 'tasks'),
          `role ${report.name} has update entry points (${report.entryPoints.join(', ')}) but its task files manage no container (no podman, edpm_container_manage, edpm_container_standalone, quadlet or container unit): not a container service, left out of the update (a plan step adds it; ignoredRoles silences this note)`,
        ),
        severity: 'note',
      });
      continue;
    }
    const types = report.serviceTypes.map((t) => (t.source === 'guess' ? `${t.name} (a guess)` : t.name)).join(', ') || 'unknown';
    const first = byName.get(report.name)!.taskFiles.find((t) => t.base === report.rule!.tasks[0])!;
    diagnostics.push(
      fileWarning(
        join(report.path, 'tasks', first.file),
        `role ${report.name} has update entry points (${report.entryPoints.join(', ')}) and manages containers (${report.containers}) but no plan step uses it; service type ${types}, the rule would include [${report.rule.tasks.join(', ')}] (or list it in ignoredRoles)`,
      ),
    );
  }
  const rank = { error: 0, warning: 1, note: 2 } as const;
  diagnostics.sort((a, b) => rank[a.severity] - rank[b.severity] || compareStrings(a.file, b.file) || a.line - b.line || a.col - b.col);
  return { root: facts.root, roles, diagnostics };
}

function reportOf(role: RoleFact, plan: UpdatePlan | null, refs: readonly PlanStepRef[]): RoleReport {
  return {
    name: role.name,
    path: role.path,
    entryPoints: entryPointsOf(role),
    taskFiles: role.taskFiles.map((t) => t.file),
    rule: ruleSelection(role),
    serviceTypes: ruleSelection(role) === null && !refs.some((r) => r.role === role.name) ? [] : serviceTypesOf(role.name, plan),
    planSteps: refs.filter((r) => r.role === role.name).map((r) => r.pointer),
    containers: containersOf(role),
    ignored: plan?.ignoredRoles.includes(role.name) ?? false,
  };
}

/** `tasks/run.yml:17: edpm_container_standalone`, or null. */
function containersOf(role: RoleFact): string | null {
  const found = containerEvidenceOf(role);
  return found === null ? null : `tasks/${found.file}:${found.evidence.line}: ${found.evidence.what}`;
}

/** Counts of an audit's diagnostics by severity. */
export function auditCounts(report: AuditReport): { errors: number; warnings: number; notes: number } {
  const count = (s: Diagnostic['severity']) => report.diagnostics.filter((d) => d.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), notes: count('note') };
}
