/**
 * Compile speed: the whole `edpm-rolegen build` process on the built-in plan
 * next to a bare `node -e 0` (target: at most 100 ms above it), and the
 * in-process compile of synthetic plans of 100, 1,000 and 5,000 service types
 * (target: 5,000 under 1 s, growing linearly).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
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
    console.log('edpm-rolegen build, whole process, built-in plan (median of %d runs)', runs);
    console.log('  node -e 0                     %s ms', bare.toFixed(1));
    console.log('  build (output up to date)     %s ms   (+%s ms; target +100 ms) %s', build.toFixed(1), (build - bare).toFixed(1), build - bare <= 100 ? 'OK' : 'OVER');
    console.log('  build (new output folder)     %s ms   (+%s ms, one run)', fresh.toFixed(1), (fresh - bare).toFixed(1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('in-process parse + compile of synthetic plans (median of 5 runs)');
  let perTypeAt100 = 0;
  for (const n of [100, 1000, 5000]) {
    const text = syntheticPlanText(n);
    const times: number[] = [];
    let files = 0;
    for (let i = 0; i < 6; i++) {
      const start = process.hrtime.bigint();
      const tree = compilePlan(parsePlan(text, 'synthetic.yaml'));
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      files = tree.size;
      if (i > 0) times.push(ms);
    }
    const ms = median(times);
    if (n === 100) perTypeAt100 = ms / n;
    const linearity = (ms / n / perTypeAt100).toFixed(2);
    const target = n === 5000 ? (ms < 1000 ? ' target <1000 ms OK' : ' target <1000 ms OVER') : '';
    console.log('  %s service types  %s ms  (%s ms per type, x%s of the 100-type cost; %d files)%s', String(n).padStart(5), ms.toFixed(1).padStart(8), (ms / n).toFixed(3), linearity, files, target);
  }
}
