/**
 * Wave arithmetic: a node set (an ordered list of node names) and the
 * rollout of a phase -> the ordered waves, every node in exactly one. The
 * sizes follow Ansible's own `serial` arithmetic, so that the playbook's
 * batches (`serial: [canary, wave, ..., "100%"]`) and the per-wave
 * deployments of `edpm-rolegen rollout` cut the same nodes.
 */
import type { FailureBudget, PhaseRollout, WaveSize } from '../model/rollout.js';

export { serialOf } from '../model/rollout.js';

/** One wave of a rollout. */
export interface Wave {
  /** 0 for the canary (when there is one), then 1, 2, ... */
  readonly index: number;
  /** `canary`, `wave-1`, `wave-2`, ... */
  readonly name: string;
  readonly canary: boolean;
  /** The wave's nodes, in node-set order (a named canary: in the order named). */
  readonly nodes: readonly string[];
  /** How many of its nodes may fail without stopping the rollout. */
  readonly allowedFailures: number;
}

/**
 * A `serial` percentage of `total` nodes, as Ansible computes it
 * (`pct_to_int`: the float product truncated, at least 1).
 */
export function percentOfNodes(percent: number, total: number): number {
  return Math.trunc((percent / 100) * total) || 1;
}

/** The number of nodes a wave size stands for in a node set of `total` nodes. */
export function waveSizeOf(size: WaveSize, total: number): number {
  return size.kind === 'count' ? size.count : percentOfNodes(size.percent, total);
}

/**
 * Whether Ansible stops a batch of `size` hosts with `failed` failed hosts
 * under `max_fail_percentage: percent` (its rule: failed / size > percent / 100).
 */
export function ansibleStopsBatch(failed: number, size: number, percent: number): boolean {
  return failed / size > percent / 100;
}

/** Failures a wave of `size` nodes may have under a budget without stopping the rollout. */
export function allowedFailures(budget: FailureBudget, size: number): number {
  if (budget.kind === 'nodes') return Math.min(budget.nodes, size);
  let allowed = 0;
  // Ansible's rule, counted rather than divided so that float rounding is Ansible's own.
  while (allowed < size && !ansibleStopsBatch(allowed + 1, size, budget.percent)) allowed++;
  return allowed;
}

/**
 * The `max_fail_percentage` that makes Ansible allow exactly `allowed`
 * failures in a batch of `size` hosts: an integer where one exists, else
 * the midpoint of the interval, to 4 decimals (Ansible takes floats).
 */
export function maxFailPercentageFor(allowed: number, size: number): number {
  if (allowed >= size) return 100;
  const lowest = Math.ceil((100 * allowed) / size);
  const fits = (p: number): boolean => !ansibleStopsBatch(allowed, size, p) && ansibleStopsBatch(allowed + 1, size, p);
  if (fits(lowest)) return lowest;
  const middle = Math.round(((100 * (allowed + 0.5)) / size) * 10_000) / 10_000;
  if (fits(middle)) return middle;
  throw new Error(`internal error: no max_fail_percentage allows ${allowed} of ${size}`);
}

/** Thrown for a canary naming a node that is not in the node set (the caller knows where it was written). */
export class UnknownCanaryNodeError extends Error {
  readonly node: string;
  readonly index: number;
  constructor(node: string, index: number) {
    super(`canary node "${node}" is not in the node set`);
    this.name = 'UnknownCanaryNodeError';
    this.node = node;
    this.index = index;
  }
}

/** The waves of a phase over a node set (names unique, in node-set order). */
export function computeWaves(nodes: readonly string[], rollout: PhaseRollout): Wave[] {
  const total = nodes.length;
  const waves: Wave[] = [];
  let rest: readonly string[] = nodes;
  const canary = rollout.canary;
  if (canary !== null && total > 0) {
    let chosen: readonly string[];
    if (canary.kind === 'count') {
      chosen = nodes.slice(0, Math.min(canary.count, total));
      rest = nodes.slice(chosen.length);
    } else {
      const known = new Set(nodes);
      canary.nodes.forEach((node, index) => {
        if (!known.has(node)) throw new UnknownCanaryNodeError(node, index);
      });
      chosen = canary.nodes;
      const inCanary = new Set(chosen);
      rest = nodes.filter((n) => !inCanary.has(n));
    }
    if (chosen.length > 0) waves.push({ index: 0, name: 'canary', canary: true, nodes: chosen, allowedFailures: 0 });
  }
  let number = 1;
  const add = (part: readonly string[]): void => {
    waves.push({ index: waves.length, name: `wave-${number}`, canary: false, nodes: part, allowedFailures: allowedFailures(rollout.failureBudget, part.length) });
    number++;
  };
  for (const size of rollout.waves) {
    if (rest.length === 0) break;
    const take = Math.min(waveSizeOf(size, total), rest.length);
    add(rest.slice(0, take));
    rest = rest.slice(take);
  }
  if (rest.length > 0) add(rest);
  return waves;
}
