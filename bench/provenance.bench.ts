/**
 * Provenance: what recording and mapping every generated line to its plan
 * entry costs on the 5,000-service compile (target: at most 20% over the
 * plain compile, measured in the same run), and `edpm-rolegen explain` on a
 * 5,000-service tree, whole process (target: under 300 ms).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePlan } from '../src/compile/compile-plan.js';
import { parsePlan, parsePlanWithSource } from '../src/plan/load.js';
import { packageRoot } from '../src/package-root.js';
import { compileWithProvenance, planReference } from '../src/provenance/compile-with-provenance.js';
import { writeTree } from '../src/write/write-tree.js';
import { syntheticPlanText } from './compile.bench.js';
import { median, medianMs, msOf, quantile } from './timing.js';

/**
 * `a` and `b` timed in `count` adjacent pairs, after two warm-up runs of
 * each: adjacent, so that the two runs of a pair see the machine at the
 * same speed (a virtual machine's CPU speed drifts by a quarter over
 * seconds), and each pair's ratio cancels the drift; in turn which runs
 * first, so that each side runs after either one equally often and
 * collects the other's garbage as often as its own. (Each run timed right
 * after a run of its own kind, as this bench did before, charged the
 * traced side for collecting a traced run's leftover garbage every time:
 * garbage a build, which exits after writing, never collects.)
 */
function alternatingPairs(a: () => void, b: () => void, count: number): { pairs: number; aTimes: number[]; bTimes: number[]; ratios: number[] } {
  for (let i = 0; i < 2; i++) {
    a();
    b();
  }
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < count; i++) {
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = msOf(a);
      tb = msOf(b);
    } else {
      tb = msOf(b);
      ta = msOf(a);
    }
    aTimes.push(ta);
    bTimes.push(tb);
    ratios.push(tb / ta);
  }
  return { pairs: count, aTimes, bTimes, ratios };
}

export async function run(): Promise<void> {
  const n = 5000;
  const text = syntheticPlanText(n);
  const dir = mkdtempSync(join(tmpdir(), 'rolegen-bench-prov-'));
  try {
    const planPath = join(dir, 'plan.yaml');
    writeFileSync(planPath, text);
    const out = join(dir, 'out');
    const plainRun = (): void => {
      compilePlan(parsePlan(text, planPath));
    };
    const tracedRun = (): void => {
      const { plan, source } = parsePlanWithSource(text, planPath);
      compileWithProvenance(plan, source, planReference(planPath, out));
    };
    const { pairs, aTimes: plain, bTimes: traced, ratios } = alternatingPairs(plainRun, tracedRun, 31);
    const ratio = median(ratios);
    console.log('provenance on the %d-service compile (parse + compile; %d adjacent pairs, in turn which runs first; median of the pairs\' ratios)', n, pairs);
    console.log('  without provenance   %s ms (median)', median(plain).toFixed(1));
    console.log(
      '  with provenance      %s ms (median)   x%s; target at most x1.20 %s   (pairs\' ratios, quartiles: %s, %s)',
      median(traced).toFixed(1),
      ratio.toFixed(2),
      ratio <= 1.2 ? 'OK' : 'OVER',
      quantile(ratios, 0.25).toFixed(2),
      quantile(ratios, 0.75).toFixed(2),
    );
    // The same method with the plain compile on both sides: how far from
    // x1.00 this machine's noise alone moves the figure above, in this run.
    const control = alternatingPairs(plainRun, plainRun, pairs).ratios;
    console.log(
      '  control: without against without, same method   x%s   (pairs\' ratios, quartiles: %s, %s): the noise floor of the figure above',
      median(control).toFixed(2),
      quantile(control, 0.25).toFixed(2),
      quantile(control, 0.75).toFixed(2),
    );

    const { plan, source } = parsePlanWithSource(text, planPath);
    writeTree(out, compileWithProvenance(plan, source, planReference(planPath, out)).tree);
    const cli = join(packageRoot(), 'dist', 'edpm-rolegen.mjs');
    const target = `${join(out, 'edpm_update_services', 'tasks', 'containers.yml')}:100000`;
    const whole = (args: string[]): number =>
      medianMs(
        () => {
          const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
          if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${String(r.status)}`);
        },
        9,
        1,
      );
    const bare = whole(['-e', '0']);
    const explain = whole([cli, 'explain', target]);
    // A container step half-way down the plan (a line inside it: past the plan's end is refused).
    const lines = text.split('\n');
    const stepLine = lines.findIndex((l, i) => i >= lines.length / 2 && l.includes('serviceType:')) + 1;
    const reverse = whole([cli, 'explain', '--out', out, `${planPath}:${stepLine}`]);
    console.log('edpm-rolegen explain on a %d-service tree, whole process (median of 9 runs)', n);
    console.log('  node -e 0                     %s ms', bare.toFixed(1));
    console.log('  explain FILE:LINE             %s ms   target <300 ms %s', explain.toFixed(1), explain < 300 ? 'OK' : 'OVER');
    console.log('  explain PLAN:LINE (reverse)   %s ms   target <300 ms %s', reverse.toFixed(1), reverse < 300 ? 'OK' : 'OVER');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
