import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import type { FileTree } from '../../../src/model/file-tree.js';
import { findDrift } from '../../../src/write/drift.js';
import { listFiles, recoverSwap, writeTree } from '../../../src/write/write-tree.js';
import { CLI, ROOT } from '../../support/paths.js';
import { defaultPlanData, planFrom } from '../../support/plans.js';

/** The test-only build entry that kills itself at a chosen step of the writer. */
const CRASH_BUILD = join(ROOT, 'test', 'support', 'crash-build.mjs');

/** Which whole tree a folder holds: 'old', 'new', 'missing', or 'mixed' (the failure). */
function stateOf(out: string, oldTree: FileTree, newTree: FileTree): 'old' | 'new' | 'missing' | 'mixed' {
  if (!existsSync(out)) return 'missing';
  const files = [...listFiles(out).keys()].sort().join('\n');
  for (const [name, tree] of [['old', oldTree], ['new', newTree]] as const) {
    if (files === [...tree.keys()].sort().join('\n') && findDrift(out, tree).length === 0) return name;
  }
  return 'mixed';
}

/** Runs node with `args`, killing it with SIGKILL after `timeoutMs` if given; resolves to the signal that ended it. */
function runNode(args: readonly string[], timeoutMs?: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (_code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve(signal);
    });
  });
}

/** Kill points run side by side, each in its own folder. */
const PARALLEL_KILLS = 3;

// The writer's steps and how often each is reached in one build of the new tree.
const STEPS: [string, number][] = [
  ['recovered', 1],
  ['incoming-created', 1],
  ['file-written', 0], // set from the tree size
  ['incoming-complete', 1],
  ['journal-written', 1],
  ['old-moved-aside', 1],
  ['swapped', 1],
  ['journal-removed', 1],
  ['backup-removed', 1],
];

describe('a build killed at any point leaves the old tree or the new one', () => {
  let dir: string;
  let plan: string;
  const oldTree = compilePlan(planFrom(defaultPlanData()));
  const changed = defaultPlanData();
  changed.updateServices.essentialPackages.push('tuned');
  changed.updateServices.containerSteps.pop();
  const newTree = compilePlan(planFrom(changed));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rolegen-crash-'));
    plan = join(dir, 'plan.yaml');
    writeFileSync(plan, stringify(changed));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('at every step of the writer, and at random moments: 50 kills or more', async () => {
    const kills: string[] = [];
    const outcomes = { old: 0, new: 0, interrupted: 0 };
    const points: { env?: string; delayMs?: number }[] = [];
    for (const [step, count] of STEPS) {
      const n = step === 'file-written' ? newTree.size : count;
      for (let i = 1; i <= n; i++) points.push({ env: `${step}:${i}` });
    }
    for (let i = 0; i < 20; i++) points.push({ delayMs: Math.floor(Math.random() * 160) });

    const killAt = async (point: { env?: string; delayMs?: number }, index: number) => {
      // Each point in its own folder, so that points run side by side.
      const parent = join(dir, `point-${index}`);
      mkdirSync(parent, { recursive: true });
      const out = join(parent, 'roles');
      writeTree(out, oldTree);
      // Kills at a chosen step go through the test-only entry (the writer's onStep hook);
      // kills at random moments hit the shipped CLI itself.
      const signal =
        point.env !== undefined ? await runNode([CRASH_BUILD, plan, out, point.env]) : await runNode([CLI, 'build', '--plan', plan, '--out', out], point.delayMs);
      const killed = signal === 'SIGKILL';
      if (point.env !== undefined) expect(killed, `crash at ${point.env}`).toBe(true);
      if (killed) kills.push(point.env ?? `${point.delayMs} ms`);

      // Straight after the kill: a whole tree, or (only between the two renames of the swap) none, with its journal.
      const before = stateOf(out, oldTree, newTree);
      expect(before, `after a kill at ${point.env ?? `${point.delayMs} ms`}`).not.toBe('mixed');
      if (before === 'missing') {
        expect(point.env).toBe('old-moved-aside:1');
        expect(readdirSync(parent).some((f) => f.endsWith('.edpm-rolegen-swap.json'))).toBe(true);
        outcomes.interrupted++;
      }
      // The next run finishes or undoes what was cut off.
      recoverSwap(out);
      const after = stateOf(out, oldTree, newTree);
      expect(['old', 'new'], `after recovery from a kill at ${point.env ?? `${point.delayMs} ms`}`).toContain(after);
      outcomes[after as 'old' | 'new']++;
      expect(readdirSync(parent).filter((f) => f.includes('edpm-rolegen-'))).toEqual([]);
      rmSync(parent, { recursive: true, force: true });
    };
    let next = 0;
    const worker = async () => {
      while (next < points.length) {
        const index = next++;
        await killAt(points[index]!, index);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_KILLS }, worker));
    console.log(`crash safety: ${kills.length} kills (${points.length} runs); after recovery ${outcomes.old} old, ${outcomes.new} new; ${outcomes.interrupted} cut between the two renames`);
    expect(kills.length).toBeGreaterThanOrEqual(50);
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 120_000);
});
