/**
 * Compile speed, each figure next to a floor measured in the same run (so
 * that a slow or busy machine moves both):
 * - the whole `edpm-rolegen build` process on the built-in plan, into an
 *   output folder it is up to date with (what `npm run build` does most
 *   often), against a bare `node -e 0` (target: at most 50 ms above it), in
 *   wall time and in CPU time (user + system: what a busy machine moves
 *   least). Such a build finds the folder up to date from the stamp of its
 *   inputs without compiling (src/write/up-to-date.ts); the same build
 *   with the stamp removed before each run, which compiles (what any change
 *   of the plan, the program or the templates costs), and a build into a
 *   new folder are printed beside it;
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
import { median, msOf } from './timing.js';

/** Wall time of one whole process (ms). */
function wallOf(args: string[]): number {
  let status: number | null = null;
  const ms = msOf(() => (status = spawnSync(process.execPath, args, { stdio: 'ignore' }).status));
  if (status !== 0) throw new Error(`${args.join(' ')} exited ${String(status)}`);
  return ms;
}

/**
 * CPU time (user + system, ms) of one whole process, from bash's `times`
 * of its children: less moved than wall time by other work on the machine,
 * which only takes the cores away.
 */
function cpuOf(args: string[]): number {
  const r = spawnSync('bash', ['-c', '"$0" "$@" >/dev/null 2>&1 || exit 1; times', process.execPath, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${String(r.status)}`);
  const children = r.stdout.trim().split('\n')[1] ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/gu)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`unexpected output of times: ${r.stdout}`);
  return (seconds[0]! + seconds[1]!) * 1000;
}

/**
 * Median wall and CPU time of each command, the commands run in turn
 * (after two warm-up rounds), so that a busy moment slows them alike.
 */
function timeProcesses(commands: string[][], runs: number): { wall: number; cpu: number }[] {
  const walls = commands.map((): number[] => []);
  const cpus = commands.map((): number[] => []);
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach((args, k) => {
      const wall = wallOf(args);
      const cpu = cpuOf(args);
      if (i >= 2) {
        walls[k]!.push(wall);
        cpus[k]!.push(cpu);
      }
    });
  }
  return commands.map((_, k) => ({ wall: median(walls[k]!), cpu: median(cpus[k]!) }));
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
    const [bare, build] = timeProcesses([['-e', '0'], [cli, 'build', '--out', join(dir, 'out')]], runs) as [{ wall: number; cpu: number }, { wall: number; cpu: number }];
    const stamp = join(dir, 'out', '.edpm-rolegen-stamp.json');
    const compiling = median(
      Array.from({ length: 7 }, () => {
        rmSync(stamp);
        return wallOf([cli, 'build', '--out', join(dir, 'out')]);
      }),
    );
    const fresh = wallOf([cli, 'build', '--force', '--out', join(dir, 'fresh')]);
    const over = build.wall - bare.wall;
    console.log('edpm-rolegen build, whole process, built-in plan (median of %d runs, in turn with the floor: node -e 0)', runs);
    console.log('  node -e 0 (floor)             wall %s ms  cpu %s ms   x1.00', bare.wall.toFixed(1), bare.cpu.toFixed(1));
    console.log(
      '  build (output up to date)     wall %s ms  cpu %s ms   x%s of the floor, +%s ms (target +50 ms) %s; cpu x%s, +%s ms',
      build.wall.toFixed(1),
      build.cpu.toFixed(1),
      (build.wall / bare.wall).toFixed(2),
      over.toFixed(1),
      over <= 50 ? 'OK' : 'OVER',
      (build.cpu / bare.cpu).toFixed(2),
      (build.cpu - bare.cpu).toFixed(1),
    );
    console.log(
      '  build (up to date, no stamp)  wall %s ms   x%s of the floor, +%s ms (median of 7: compiles, as after any change of its inputs)',
      compiling.toFixed(1),
      (compiling / bare.wall).toFixed(2),
      (compiling - bare.wall).toFixed(1),
    );
    console.log('  build (new output folder)     wall %s ms   x%s of the floor, +%s ms (one run)', fresh.toFixed(1), (fresh / bare.wall).toFixed(2), (fresh - bare.wall).toFixed(1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('in-process compile of synthetic plans (median of 5 runs; floor: yaml.parse of the same plan text; cpu: user + system of the process, background threads included)');
  let perTypeAt100 = 0;
  for (const n of [100, 1000, 5000]) {
    const text = syntheticPlanText(n);
    const compileTimes: number[] = [];
    const parseTimes: number[] = [];
    const floorTimes: number[] = [];
    const compileCpu: number[] = [];
    const floorCpu: number[] = [];
    const cpu = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let files = 0;
    for (let i = 0; i < 6; i++) {
      const c0 = cpu();
      const t0 = process.hrtime.bigint();
      parse(text, { version: '1.1' });
      const t1 = process.hrtime.bigint();
      const c1 = cpu();
      const plan = parsePlan(text, 'synthetic.yaml');
      const t2 = process.hrtime.bigint();
      const c2 = cpu();
      const tree = compilePlan(plan);
      const t3 = process.hrtime.bigint();
      const c3 = cpu();
      files = tree.size;
      if (i > 0) {
        floorTimes.push(Number(t1 - t0) / 1e6);
        parseTimes.push(Number(t2 - t1) / 1e6);
        compileTimes.push(Number(t3 - t2) / 1e6);
        floorCpu.push(c1 - c0);
        compileCpu.push(c3 - c2);
      }
    }
    const floor = median(floorTimes);
    const ms = median(compileTimes);
    const load = median(parseTimes);
    if (n === 100) perTypeAt100 = ms / n;
    const linearity = (ms / n / perTypeAt100).toFixed(2);
    const target = n === 5000 ? `; target <500 ms ${ms < 500 ? 'OK' : 'OVER'}` : '';
    console.log(
      '  %s service types  floor %s ms  compile %s ms x%s (cpu %s ms x%s of the floor\'s)  (+ plan load %s ms x%s; %s ms per type, x%s of the 100-type cost; %d files%s)',
      String(n).padStart(5),
      floor.toFixed(1).padStart(7),
      ms.toFixed(1).padStart(7),
      (ms / floor).toFixed(2),
      median(compileCpu).toFixed(1),
      (median(compileCpu) / median(floorCpu)).toFixed(2),
      load.toFixed(1),
      (load / floor).toFixed(2),
      (ms / n).toFixed(3),
      linearity,
      files,
      target,
    );
  }
}
