import { describe, expect, it } from 'vitest';
import type { PhaseRollout } from '../../../src/model/rollout.js';
import type { DeploymentOutcome } from '../../../src/rollout/deployment-status.js';
import { remainingNodes } from '../../../src/rollout/resume.js';
import { computeWaves } from '../../../src/rollout/waves.js';

const nodes = Array.from({ length: 8 }, (_, i) => `c${i}`);
// canary c0; wave-1 c1 c2; wave-2 c3 c4 c5; wave-3 (the rest) c6 c7.
const rollout: PhaseRollout = { canary: { kind: 'count', count: 1 }, waves: [{ kind: 'count', count: 2 }, { kind: 'count', count: 3 }], failureBudget: { kind: 'nodes', nodes: 1 } };
const waves = computeWaves(nodes, rollout);
const name = (w: { name: string }): string => `edpm-r1-update-services-${w.name}`;
const outcome = (o: Partial<DeploymentOutcome>): DeploymentOutcome => ({ name: null, ready: false, ran: true, failed: [], unreachable: [], limit: null, ...o });
const left = (outcomes: DeploymentOutcome[]) => remainingNodes(waves, outcomes, name, rollout.failureBudget).map((r) => `${r.node}:${r.reason}`);

describe('resume: the nodes left after a stopped rollout', () => {
  it('one run with serial batches, stopped in wave-2 beyond its budget: that wave and the later ones', () => {
    expect(left([outcome({ failed: ['c3', 'c5'] })])).toEqual(['c3:failed', 'c4:stopped', 'c5:failed', 'c6:never-reached', 'c7:never-reached']);
  });
  it('one run, a failure within budget: only the failed node (the run went on)', () => {
    expect(left([outcome({ failed: ['c4'], unreachable: ['c7'] })])).toEqual(['c4:failed', 'c7:unreachable']);
  });
  it('per-wave deployments: Ready waves done, the failed wave by its summary, waves never applied never reached', () => {
    expect(
      left([
        outcome({ name: name(waves[0]!), ready: true, ran: false }),
        outcome({ name: name(waves[1]!), ready: true }),
        outcome({ name: name(waves[2]!), failed: ['c3', 'c4'] }),
      ]),
    ).toEqual(['c3:failed', 'c4:failed', 'c5:stopped', 'c6:never-reached', 'c7:never-reached']);
  });
  it('a later resume limited to some nodes: Ready removes them, a summary keeps its failures', () => {
    const first = [outcome({ failed: ['c3', 'c5'] })];
    expect(left([...first, outcome({ name: 'edpm-r1-update-services-resume-1', ready: true, limit: ['c3', 'c4', 'c5', 'c6', 'c7'] })])).toEqual([]);
    expect(left([...first, outcome({ name: 'edpm-r1-update-services-resume-1', failed: ['c5'], limit: ['c3', 'c4', 'c5', 'c6', 'c7'] })])).toEqual(['c5:failed']);
  });
  it('nothing ran: every node, never reached; everything Ready: nothing', () => {
    expect(left([outcome({ ran: false })])).toHaveLength(8);
    expect(left([outcome({ ready: true })])).toEqual([]);
  });
});
