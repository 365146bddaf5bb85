/**
 * Resuming a rollout: the waves it was cut into, what the operator says of
 * the deployments that ran -> the nodes that have not finished, each with
 * the reason, and the one deployment that finishes the job.
 *
 * A wave's deployment is found by its name (as `rollout` wrote it). A
 * status under any other name is one run over the whole node set (the
 * playbook's own `serial` batches) and stands for every wave. For each
 * wave, in order:
 * - its deployment is Ready: every node finished;
 * - no execution summary: it never ran, so none of its nodes did;
 * - failures beyond its budget (or every node failed or unreachable):
 *   Ansible stopped the wave there, so none of its nodes is known to have
 *   finished, and, in a single run, no later wave was reached;
 * - otherwise its failed and unreachable nodes, and only those, remain.
 */
import { allowedFailures, type Wave } from './waves.js';
import type { FailureBudget } from '../model/rollout.js';
import type { DeploymentOutcome } from './deployment-status.js';

/** Why a node still needs the phase. */
export type RemainingReason = 'failed' | 'unreachable' | 'stopped' | 'never-reached';

/** A node that has not finished the phase. */
export interface RemainingNode {
  readonly node: string;
  readonly wave: string;
  readonly reason: RemainingReason;
}

/** The nodes left to do, in node-set order of their waves. */
export function remainingNodes(
  waves: readonly Wave[],
  outcomes: readonly DeploymentOutcome[],
  waveDeployment: (wave: Wave) => string,
  budget: FailureBudget,
): RemainingNode[] {
  const named = new Map(outcomes.filter((o) => o.name !== null).map((o) => [o.name!, o]));
  const waveNames = new Set(waves.map(waveDeployment));
  const isWave = (o: DeploymentOutcome): boolean => o.name !== null && waveNames.has(o.name);
  // Deployments limited to some nodes (earlier resumes) are applied after the waves; any other status is one run over every node.
  const later = outcomes.filter((o) => !isWave(o) && o.limit !== null);
  const whole = outcomes.filter((o) => !isWave(o) && o.limit === null);
  const wholeRun: DeploymentOutcome | null =
    whole.length === 0
      ? null
      : {
          name: null,
          ready: whole.every((o) => o.ready),
          ran: whole.some((o) => o.ran),
          failed: whole.flatMap((o) => o.failed),
          unreachable: whole.flatMap((o) => o.unreachable),
          limit: null,
        };
  const out: RemainingNode[] = [];
  let singleRunStopped = false;
  for (const wave of waves) {
    const own = named.get(waveDeployment(wave));
    const outcome = own ?? wholeRun;
    const all = (reason: RemainingReason): void => {
      for (const node of wave.nodes) out.push({ node, wave: wave.name, reason });
    };
    if (own === undefined && singleRunStopped) {
      all('never-reached');
      continue;
    }
    if (outcome === null || (!outcome.ready && !outcome.ran)) {
      all('never-reached');
      continue;
    }
    if (outcome.ready) continue;
    const failed = new Set(outcome.failed);
    const unreachable = new Set(outcome.unreachable);
    const failedHere = wave.nodes.filter((n) => failed.has(n));
    const unreachableHere = wave.nodes.filter((n) => unreachable.has(n) && !failed.has(n));
    const stopped = failedHere.length > wave.allowedFailures || failedHere.length + unreachableHere.length === wave.nodes.length;
    for (const node of wave.nodes) {
      if (failed.has(node)) out.push({ node, wave: wave.name, reason: 'failed' });
      else if (unreachable.has(node)) out.push({ node, wave: wave.name, reason: 'unreachable' });
      else if (stopped) out.push({ node, wave: wave.name, reason: 'stopped' });
    }
    if (stopped && own === undefined) singleRunStopped = true;
  }
  return later.reduce((left, run) => afterRun(left, run, budget), out);
}

/** What is left after a deployment limited to some nodes (a resume) ran. */
function afterRun(left: RemainingNode[], run: DeploymentOutcome, budget: FailureBudget): RemainingNode[] {
  const limit = new Set(run.limit ?? []);
  if (run.ready) return left.filter((r) => !limit.has(r.node));
  if (!run.ran) return left;
  const failed = new Set(run.failed);
  const unreachable = new Set(run.unreachable);
  const targeted = left.filter((r) => limit.has(r.node));
  const failedHere = targeted.filter((r) => failed.has(r.node)).length;
  const problems = targeted.filter((r) => failed.has(r.node) || unreachable.has(r.node)).length;
  // A resume runs its nodes as one batch, under the budget of a wave of that size.
  const stopped = failedHere > allowedFailures(budget, limit.size) || (targeted.length > 0 && problems === targeted.length);
  return left.flatMap((r): RemainingNode[] => {
    if (!limit.has(r.node)) return [r];
    if (failed.has(r.node)) return [{ ...r, reason: 'failed' }];
    if (unreachable.has(r.node)) return [{ ...r, reason: 'unreachable' }];
    return stopped ? [{ ...r, reason: 'stopped' }] : [];
  });
}

/** One line per remaining node, for the operator. */
export function describeRemaining(remaining: readonly RemainingNode[], waves: readonly Wave[]): string[] {
  const budget = new Map(waves.map((w) => [w.name, w.allowedFailures]));
  const reasons: Record<RemainingReason, (r: RemainingNode) => string> = {
    failed: () => 'failed',
    unreachable: () => 'unreachable',
    stopped: (r) => `stopped before finishing: ${r.wave} failed beyond its budget (${budget.get(r.wave) ?? 0} may fail)`,
    'never-reached': () => 'never reached',
  };
  return remaining.map((r) => `${r.node}: ${r.wave}: ${reasons[r.reason](r)}`);
}
