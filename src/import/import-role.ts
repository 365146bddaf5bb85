/**
 * `import` as a whole: read a hand-written `edpm_update_services` role, make
 * its plan, and (for `--check`) compile that plan and compare the generated
 * role with the hand-written one, semantically.
 */
import { compilePlan } from '../compile/compile-plan.js';
import { serviceRoleTag, UPDATE_SERVICES_ROLE } from '../model/roles.js';
import { UPDATE_SERVICES_TAGS } from '../compile/roles/update-services.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { parsePlan } from '../plan/load.js';
import { planFromRole, type ImportedPlan, type PlanCapabilities } from './plan-from-role.js';
import { semanticDiff, type SemanticDifference } from './semantic-diff.js';
import { readServicesRole, roleInTree, type RoleFiles, type ServicesRoleFacts } from './services-role-reader.js';

/** What the compiler puts on an include besides the plan step: the step's tags and the role's own (`edpm_nova`). */
export function planCapabilities(): PlanCapabilities {
  return { includeTags: (role) => [...UPDATE_SERVICES_TAGS.containers, serviceRoleTag(role)] };
}

/** The result of an import. */
export interface RoleImport {
  readonly facts: ServicesRoleFacts;
  readonly plan: ImportedPlan;
  /** Everything reported, reader and plan maker, in file order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads the role and makes its plan. */
export function importRole(source: string | RoleFiles, capabilities: PlanCapabilities = planCapabilities()): RoleImport {
  const facts = readServicesRole(source);
  const plan = planFromRole(facts, facts.root, capabilities);
  const diagnostics = [...facts.diagnostics, ...plan.diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col),
  );
  return { facts, plan, diagnostics };
}

/** Compiles the imported plan and lists how the generated role differs from the hand-written one (empty: equivalent). */
export function checkImport(imported: RoleImport, planName: string): SemanticDifference[] {
  const tree = compilePlan(parsePlan(imported.plan.text, planName));
  const generated = readServicesRole(roleInTree(tree, UPDATE_SERVICES_ROLE, `(generated)/${UPDATE_SERVICES_ROLE}`));
  return semanticDiff(imported.facts, generated);
}
