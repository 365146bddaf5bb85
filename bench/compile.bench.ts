/**
 * Compile speed, each figure next to a floor measured in the same run (so
 * that a slow or busy machine moves both):
 * - the whole `edpm-rolegen build` process on the built-in plan, against a
 *   bare `node -e 0` (target: at most 50 ms above it);
 * - the in-process compile of synthetic plans of 100, 1,000 and 5,000
 *   service types, against the `yaml` package parsing the same plan text
 *   (the least any compile of that plan does; target: 5,000 types under
 *   500 ms, growing linearly).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { compilePlan } from '../src/compile/compile-plan.js';
import { parsePlan } from '../src/plan/load.js';
import { packageRoot } from '../src/package-root.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function timeProcess(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${String(r.status)}`);
    if (i >= 2) times.push(ms);
  }
  return median(times);
}

/** A plan with `n` service types, each with one role and two task files. */
export function syntheticPlanText(n: number): string {
  const containerSteps = Array.from({ length: n }, (_, i) => ({ serviceType: `service-${i}`, role: `edpm_service_${i}`, tasks: ['update', 'run'] }));
  return stringify({ updateServices: { containerSteps } });
}

export async function run(): Promise<void> {
  const cli = join(packageRoot(), 'dist', 'edpm-rolegen.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'rolegen-bench-'));
  try {
    const runs = 15;
    spawnSync(process.execPath, [cli, 'build', '--out', join(dir, 'out')], { stdio: 'ignore' });
    const bare = timeProcess(['-e', '0'], runs);
    const build = timeProcess([cli, 'build', '--out', join(dir, 'out')], runs);
    const fresh = timeProcess([cli, 'build', '--force', '--out', join(dir, `fresh`)], 1);
    console.log('edpm-rolegen build, whole process, built-in plan (median of %d runs; floor: node -e 0)', runs);
    console.log('  node -e 0 (floor)             %s ms   x1.00', bare.toFixed(1));
    console.log('  build (output up to date)     %s ms   x%s of the floor, +%s ms (target +50 ms) %s', build.toFixed(1), (build / bare).toFixed(2), (build - bare).toFixed(1), build - bare <= 50 ? 'OK' : 'OVER');
    console.log('  build (new output folder)     %s ms   x%s of the floor, +%s ms (one run)', fresh.toFixed(1), (fresh / bare).toFixed(2), (fresh - bare).toFixed(1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('in-process compile of synthetic plans (median of 5 runs; floor: yaml.parse of the same plan text)');
  let perTypeAt100 = 0;
  for (const n of [100, 1000, 5000]) {
    const text = syntheticPlanText(n);
    const compileTimes: number[] = [];
    const parseTimes: number[] = [];
    const floorTimes: number[] = [];
    let files = 0;
    for (let i = 0; i < 6; i++) {
      const t0 = process.hrtime.bigint();
      parse(text, { version: '1.1' });
      const t1 = process.hrtime.bigint();
      const plan = parsePlan(text, 'synthetic.yaml');
      const t2 = process.hrtime.bigint();
      const tree = compilePlan(plan);
      const t3 = process.hrtime.bigint();
      files = tree.size;
      if (i > 0) {
        floorTimes.push(Number(t1 - t0) / 1e6);
        parseTimes.push(Number(t2 - t1) / 1e6);
        compileTimes.push(Number(t3 - t2) / 1e6);
      }
    }
    const floor = median(floorTimes);
    const ms = median(compileTimes);
    const load = median(parseTimes);
    if (n === 100) perTypeAt100 = ms / n;
    const linearity = (ms / n / perTypeAt100).toFixed(2);
    const target = n === 5000 ? `; target <500 ms ${ms < 500 ? 'OK' : 'OVER'}` : '';
    console.log(
      '  %s service types  floor %s ms  compile %s ms x%s  (+ plan load %s ms x%s; %s ms per type, x%s of the 100-type cost; %d files%s)',
      String(n).padStart(5),
      floor.toFixed(1).padStart(7),
      ms.toFixed(1).padStart(7),
      (ms / floor).toFixed(2),
      load.toFixed(1),
      (load / floor).toFixed(2),
      (ms / n).toFixed(3),
      linearity,
      files,
      target,
    );
  }
}
