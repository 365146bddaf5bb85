import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhaseRollout, WaveSize } from '../../../src/model/rollout.js';
import { allowedFailures, ansibleStopsBatch, computeWaves, maxFailPercentageFor, serialOf } from '../../../src/rollout/waves.js';

// The wave arithmetic over any node set of 1 to 5,000 nodes and any rollout.

const nodeSet = (n: number): string[] => Array.from({ length: n }, (_, i) => `compute-${i}`);

const waveSize: fc.Arbitrary<WaveSize> = fc.oneof(
  fc.integer({ min: 1, max: 6000 }).map((count) => ({ kind: 'count' as const, count })),
  fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: 'percent' as const, percent })),
);

/** A rollout, and a node count; named canaries are drawn from the node set. */
const rolloutAndNodes: fc.Arbitrary<{ n: number; rollout: PhaseRollout }> = fc.integer({ min: 1, max: 5000 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    rollout: fc.record({
      canary: fc.oneof(
        fc.constant(null),
        fc.integer({ min: 1, max: 6000 }).map((count) => ({ kind: 'count' as const, count })),
        fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: Math.min(n, 20) }).map((ix) => ({ kind: 'nodes' as const, nodes: ix.map((i) => `compute-${i}`) })),
      ),
      waves: fc.array(waveSize, { maxLength: 12 }),
      failureBudget: fc.oneof(
        fc.integer({ min: 0, max: 6000 }).map((nodes) => ({ kind: 'nodes' as const, nodes })),
        fc.integer({ min: 0, max: 100 }).map((percent) => ({ kind: 'percent' as const, percent })),
      ),
    }),
  }),
);

/** Ansible's own batching (PlaybookExecutor._get_serialized_batches, pct_to_int), restated to compare with. */
function ansibleBatches(hosts: readonly string[], serial: readonly (number | string)[]): string[][] {
  const total = hosts.length;
  const batches: string[][] = [];
  let rest = [...hosts];
  let item = 0;
  while (rest.length > 0) {
    const value = serial[item]!;
    let size = typeof value === 'number' ? value : Math.trunc((Number(value.slice(0, -1)) / 100) * total) || 1;
    if (size <= 0) size = total;
    batches.push(rest.slice(0, size));
    rest = rest.slice(size);
    item = Math.min(item + 1, serial.length - 1);
  }
  return batches;
}

describe('wave arithmetic (property)', () => {
  it('puts every node in exactly one wave, canary first, waves in order, no empty wave, budgets within 0..size', () => {
    fc.assert(
      fc.property(rolloutAndNodes, ({ n, rollout }) => {
        const nodes = nodeSet(n);
        const waves = computeWaves(nodes, rollout);
        const placed = waves.flatMap((w) => w.nodes);
        expect(placed.length).toBe(n);
        expect(new Set(placed).size).toBe(n);
        expect(waves.every((w) => w.nodes.length > 0)).toBe(true);
        waves.forEach((w, i) => {
          expect(w.index).toBe(i);
          expect(w.canary).toBe(i === 0 && rollout.canary !== null);
          expect(w.allowedFailures).toBeGreaterThanOrEqual(0);
          expect(w.allowedFailures).toBeLessThanOrEqual(w.nodes.length);
        });
        if (rollout.canary !== null) {
          expect(waves[0]!.name).toBe('canary');
          expect(waves[0]!.allowedFailures).toBe(0);
          if (rollout.canary.kind === 'nodes') expect(waves[0]!.nodes).toEqual(rollout.canary.nodes);
          else expect(waves[0]!.nodes).toEqual(nodes.slice(0, Math.min(rollout.canary.count, n)));
        }
        // After the canary, waves keep node-set order.
        const after = waves.filter((w) => !w.canary).flatMap((w) => w.nodes);
        const order = after.map((name) => Number(name.slice('compute-'.length)));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(waves.filter((w) => !w.canary).map((w) => w.name)).toEqual(waves.filter((w) => !w.canary).map((_, i) => `wave-${i + 1}`));
      }),
      { numRuns: 300 },
    );
  });

  it("cuts the same batches as Ansible's serial from the playbook's serial list (count canary)", () => {
    fc.assert(
      fc.property(rolloutAndNodes, ({ n, rollout }) => {
        if (rollout.canary?.kind === 'nodes') return;
        const nodes = nodeSet(n);
        expect(ansibleBatches(nodes, serialOf(rollout))).toEqual(computeWaves(nodes, rollout).map((w) => [...w.nodes]));
      }),
      { numRuns: 300 },
    );
  });

  it('gives each wave a max_fail_percentage under which Ansible allows exactly its budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (size, nodes) => {
        const allowed = allowedFailures({ kind: 'nodes', nodes }, size);
        const p = maxFailPercentageFor(allowed, size);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        expect(ansibleStopsBatch(allowed, size, p)).toBe(false);
        if (allowed < size) expect(ansibleStopsBatch(allowed + 1, size, p)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a percentage budget as Ansible does: stop when failed / size > percent / 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 100 }), (size, percent) => {
        const allowed = allowedFailures({ kind: 'percent', percent }, size);
        expect(allowed).toBeGreaterThanOrEqual(0);
        expect(ansibleStopsBatch(allowed, size, percent)).toBe(false);
        if (allowed < size) expect(ansibleStopsBatch(allowed + 1, size, percent)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('wave arithmetic (examples)', () => {
  it('7 nodes, canary 1, waves [2, "50%"], the rest last', () => {
    const waves = computeWaves(nodeSet(7), { canary: { kind: 'count', count: 1 }, waves: [{ kind: 'count', count: 2 }, { kind: 'percent', percent: 50 }], failureBudget: { kind: 'nodes', nodes: 1 } });
    expect(waves.map((w) => [w.name, w.nodes.length, w.allowedFailures])).toEqual([
      ['canary', 1, 0],
      ['wave-1', 2, 1],
      ['wave-2', 3, 1],
      ['wave-3', 1, 1],
    ]);
  });
  it("29% of 100 nodes is 28, as Ansible's float arithmetic has it", () => {
    const waves = computeWaves(nodeSet(100), { canary: null, waves: [{ kind: 'percent', percent: 29 }], failureBudget: { kind: 'nodes', nodes: 0 } });
    expect(waves.map((w) => w.nodes.length)).toEqual([28, 72]);
  });
  it('no rollout: one wave of every node, no failure allowed', () => {
    const waves = computeWaves(nodeSet(5), { canary: null, waves: [], failureBudget: { kind: 'nodes', nodes: 0 } });
    expect(waves).toEqual([{ index: 0, name: 'wave-1', canary: false, nodes: nodeSet(5), allowedFailures: 0 }]);
  });
});
