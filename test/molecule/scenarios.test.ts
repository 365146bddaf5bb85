import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runRolegen } from '../support/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_SERVICES_SCENARIOS } from '../../src/compile/roles/update-services.js';
import { UPDATE_SYSTEM_SCENARIOS } from '../../src/compile/roles/update-system.js';
import { rolloutScenarios } from '../../src/compile/molecule/rollout-scenario-data.js';
import { loadPlanFile } from '../../src/plan/load.js';
import { ROOT } from '../support/paths.js';

// The generated roles on real containers: every Molecule scenario emitted
// into dist-roles/<role>/molecule/, run whole (create, prepare, check mode,
// converge, idempotence, verify, destroy) by molecule/run-scenario.sh, which
// prints the time each took. Each scenario has its own nodes (named after the
// scenario), so they run side by side, EDPM_MOLECULE_JOBS at a time
// (vitest.config.ts; default 2, the machine's cores: most of a scenario's
// time is spent waiting on podman and dnf). Target: 60 s each on a quiet
// machine (a figure in the log, not a timed assertion): after the last
// scenario, the file prints each one's time and actions and the wall time of
// them all (vitest.config.ts runs them apart from the other projects).
const SCENARIOS = [...UPDATE_SERVICES_SCENARIOS, ...UPDATE_SYSTEM_SCENARIOS];
const ROLLOUT_SCENARIOS = rolloutScenarios(loadPlanFile(join(ROOT, 'plans', 'examples', 'rollout.yaml')));

/** run-scenario.sh's closing line of each scenario that ran, in the order they ended. */
const summaries: string[] = [];
let started = 0;
beforeAll(() => {
  started = Date.now();
});
afterAll(() => {
  const wall = Math.round((Date.now() - started) / 1000);
  const lines = summaries.map((line) => line.replace(/^molecule \S+ -s /u, '  '));
  console.log(['Molecule scenarios (each: its time, then each action\'s):', ...lines, `Molecule: ${summaries.length} scenarios in ${wall}s wall time`].join('\n'));
});

function runScenario(scenario: string, env: NodeJS.ProcessEnv = process.env): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [join(ROOT, 'molecule', 'run-scenario.sh'), scenario, 'test'], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Where verify leaves the journal of task files the fixture service roles logged on each node of a scenario. */
const journals = (scenario: string): string => join(ROOT, '.cache', 'molecule', 'journals', scenario);

/**
 * `edpm-rolegen show`, for the service types and variables of the scenario,
 * lists exactly the task files the node logged, in order, in every run
 * (converge and idempotence).
 */
async function expectJournalAsShown(): Promise<void> {
  const data = parse(readFileSync(join(ROOT, 'dist-roles', 'edpm_update_services', 'molecule', 'update_services', 'data', 'scenario.yml'), 'utf8')) as Record<string, any>;
  const show = await runRolegen([
    'show',
    '--json',
    '--services',
    data.edpm_service_types.join(','),
    '-e',
    JSON.stringify({ edpm_update_services_include_packages: data.edpm_update_services_include_packages, edpm_update_services_exclude_packages: data.edpm_update_services_exclude_packages }),
  ]);
  expect(show.status, show.stderr).toBe(0);
  const shown = JSON.parse(show.stdout).phases[0].steps.filter((s: any) => s.kind === 'include').map((s: any) => s.journal);
  const files = readdirSync(journals('update_services')).filter((f) => f.endsWith('.journal'));
  expect(files.length).toBeGreaterThanOrEqual(1);
  for (const file of files) {
    const runs = readFileSync(join(journals('update_services'), file), 'utf8').split('--- run\n').slice(1).map((run) => run.split('\n').filter((l) => l !== ''));
    expect(runs.length, file).toBeGreaterThanOrEqual(2);
    for (const run of runs) expect(run, file).toEqual(shown);
  }
}

/** The roles of plans/examples/rollout.yaml, built once (with the CLI) for the rollout scenarios. */
let rolloutRoles: string | null = null;
function buildRolloutRoles(): string {
  if (rolloutRoles !== null) return rolloutRoles;
  const roles = join(ROOT, '.cache', 'rollout-roles');
  const build = spawnSync(process.execPath, [join(ROOT, 'dist', 'edpm-rolegen.mjs'), 'build', '--force', '--plan', join(ROOT, 'plans', 'examples', 'rollout.yaml'), '--out', roles], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  rolloutRoles = roles;
  return roles;
}

describe.concurrent('Molecule scenarios', () => {
  // The rollout scenarios: six nodes each, emitted only for a plan that
  // rolls update-services out, so run on the roles of
  // plans/examples/rollout.yaml: update_services_rollout (the rollout that
  // stops in a failing wave) and update_services_rollout_resume (the resume,
  // from the state that rollout leaves, and the runs after it).
  it('the rollout plan emits both rollout scenarios', () => {
    expect(ROLLOUT_SCENARIOS).toEqual(['update_services_rollout', 'update_services_rollout_resume']);
  });
  for (const scenario of ROLLOUT_SCENARIOS) {
    it(`${scenario} (plans/examples/rollout.yaml)`, async () => {
      const roles = buildRolloutRoles();
      const r = await runScenario(scenario, { ...process.env, EDPM_ROLES_DIR: roles });
      summaries.push(r.stdout.trim().split('\n').at(-1)!);
      console.log(summaries.at(-1));
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`-s ${scenario} \\(.*rollout-roles/edpm_update_services/molecule/${scenario}, staged\\): passed in \\d+s`));
    });
  }

  for (const scenario of SCENARIOS) {
    it(scenario, async () => {
      if (scenario === 'update_services') rmSync(journals(scenario), { recursive: true, force: true });
      const r = await runScenario(scenario);
      summaries.push(r.stdout.trim().split('\n').at(-1)!);
      console.log(summaries.at(-1));
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`-s ${scenario} \\(dist-roles/edpm_update_[a-z]+/molecule/${scenario}\\): passed in \\d+s`));
      if (scenario === 'update_services') await expectJournalAsShown();
    });
  }
});
