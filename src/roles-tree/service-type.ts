/**
 * Which service type a role belongs to: the plan says so when it uses the
 * role; otherwise the convention `edpm_<name>` -> `<name>`, `_` -> `-`, a guess.
 */
import { matchesGrammar, serviceType as serviceTypeGrammar } from '../model/names.js';
import type { UpdatePlan } from '../model/plan.js';

/** A role's service type and where it comes from. */
export interface ServiceTypeOf {
  readonly name: string;
  readonly source: 'plan' | 'guess';
}

/** The service types a plan gives a role, in plan order, or the conventional guess. */
export function serviceTypesOf(role: string, plan: UpdatePlan | null): ServiceTypeOf[] {
  const fromPlan = [...new Set((plan?.updateServices.containerSteps ?? []).filter((s) => s.role === role).map((s) => s.serviceType))];
  if (fromPlan.length > 0) return fromPlan.map((name) => ({ name, source: 'plan' }));
  const guess = conventionalServiceType(role);
  return guess === null ? [] : [{ name: guess, source: 'guess' }];
}

/** `edpm_neutron_metadata` -> `neutron-metadata`; null when the name does not follow the convention. */
export function conventionalServiceType(role: string): string | null {
  if (!role.startsWith('edpm_')) return null;
  const name = role.slice('edpm_'.length).replace(/_/gu, '-');
  return matchesGrammar(serviceTypeGrammar, name) ? name : null;
}
