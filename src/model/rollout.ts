/**
 * The rollout of an update phase over the nodes of a node set: a canary,
 * then waves, and a failure budget per wave. Resolved from the plan's
 * `rollout` section (see src/plan/); read by the playbooks and by the
 * `rollout` / `resume` commands (src/rollout/).
 */

/** How many nodes a wave takes: a fixed count, or a share of the node set (Ansible's `serial` percentage). */
export type WaveSize = { readonly kind: 'count'; readonly count: number } | { readonly kind: 'percent'; readonly percent: number };

/** The first wave: a number of nodes (the first ones in node-set order) or named nodes. */
export type Canary = { readonly kind: 'count'; readonly count: number } | { readonly kind: 'nodes'; readonly nodes: readonly string[] };

/** How many nodes of a wave may fail before the rollout stops: a count, or a share of the wave. */
export type FailureBudget = { readonly kind: 'nodes'; readonly nodes: number } | { readonly kind: 'percent'; readonly percent: number };

/** The rollout of one phase. */
export interface PhaseRollout {
  /** The canary, or null for none. A canary may never fail: its budget is 0. */
  readonly canary: Canary | null;
  /** Sizes of the waves after the canary, in order; the nodes left after them form one last wave. */
  readonly waves: readonly WaveSize[];
  /** Failures allowed in each wave after the canary. */
  readonly failureBudget: FailureBudget;
}

/** The rollout of each phase; null where the plan asks for none (every node at once, today's behaviour). */
export interface Rollout {
  readonly updateServices: PhaseRollout | null;
  readonly updateSystem: PhaseRollout | null;
}

/** No rollout: what a plan without a `rollout` section means. */
export const NO_ROLLOUT: Rollout = { updateServices: null, updateSystem: null };

/** The variables a rollout passes to a phase's playbook and role (`role` is the phase's role, e.g. `edpm_update_services`). */
export function rolloutVariables(role: string): { readonly serial: string; readonly maxFailPercentage: string; readonly rolloutId: string } {
  return { serial: `${role}_serial`, maxFailPercentage: `${role}_max_fail_percentage`, rolloutId: ROLLOUT_ID_VARIABLE };
}

/** The variable naming the rollout a run belongs to (both phases; the resume deployment passes it again). */
export const ROLLOUT_ID_VARIABLE = 'edpm_rollout_id';

/** An update phase as a rollout sees it. */
export interface RolloutPhase {
  /** Plan key under `rollout`. */
  readonly key: keyof Rollout;
  /** The OpenStackDataPlaneService (and its `edpmServiceType`) that runs the phase. */
  readonly service: string;
  /** The phase's role, whose name prefixes its variables. */
  readonly role: string;
}

export const ROLLOUT_PHASES: readonly RolloutPhase[] = [
  { key: 'updateServices', service: 'update-services', role: 'edpm_update_services' },
  { key: 'updateSystem', service: 'update-system', role: 'edpm_update_system' },
];

/** The phase a role carries out, as a rollout names it (undefined: a role of no phase). */
export function rolloutPhaseOfRole(role: string): RolloutPhase | undefined {
  return ROLLOUT_PHASES.find((p) => p.role === role);
}

/** How `rollout` rolls out the phase of `role` (null: every node at once). */
export function phaseRolloutOfRole(rollout: Rollout, role: string): PhaseRollout | null {
  const phase = rolloutPhaseOfRole(role);
  return phase === undefined ? null : rollout[phase.key];
}

/**
 * The playbook's `serial` for a rollout: the canary's size, each wave's
 * size (a percentage as `"N%"`, which Ansible resolves against the play's
 * hosts exactly as `waveSizeOf` does), then `"100%"`: the rest in one batch.
 */
export function serialOf(rollout: PhaseRollout): (number | string)[] {
  const serial: (number | string)[] = [];
  const canary = rollout.canary;
  if (canary !== null) serial.push(canary.kind === 'count' ? canary.count : canary.nodes.length);
  for (const size of rollout.waves) serial.push(size.kind === 'count' ? size.count : `${size.percent}%`);
  serial.push('100%');
  return serial;
}
