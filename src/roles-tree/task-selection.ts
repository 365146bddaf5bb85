/**
 * The rule that picks the task files a minor update includes for a role,
 * from the entry points it has (facts in the update procedure notes):
 * - with `run.yml`: `update.yml` if present, then `run.yml` (new image replaces the old);
 * - with `update.yml` and `install.yml` but no `run.yml`: `update.yml` (re-render
 *   configs), then `install.yml` (start with the new image);
 * - with only `update.yml`: `update.yml` (services moved to the host);
 * - otherwise the role takes no part in the update.
 * A plan may override the rule per role.
 */
import { entryPointsOf, type RoleFact } from './facts.js';

/** What the rule chose, and why, in words. */
export interface RuleSelection {
  readonly tasks: readonly string[];
  readonly reason: string;
}

/** The rule's selection for a role, or null when the role has no update entry point. */
export function ruleSelection(role: RoleFact): RuleSelection | null {
  const has = new Set(entryPointsOf(role));
  if (has.has('run')) {
    return has.has('update')
      ? { tasks: ['update', 'run'], reason: 'has run.yml: update.yml, then run.yml' }
      : { tasks: ['run'], reason: 'has run.yml and no update.yml: run.yml' };
  }
  if (has.has('update') && has.has('install')) return { tasks: ['update', 'install'], reason: 'has update.yml and install.yml, no run.yml: update.yml, then install.yml' };
  if (has.has('update')) return { tasks: ['update'], reason: 'has only update.yml: update.yml' };
  return null;
}
