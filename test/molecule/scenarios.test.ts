import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPDATE_SERVICES_SCENARIOS } from '../../src/compile/roles/update-services.js';
import { UPDATE_SYSTEM_SCENARIOS } from '../../src/compile/roles/update-system.js';
import { ROOT } from '../support/paths.js';

// The generated roles on real containers: every Molecule scenario emitted
// into dist-roles/<role>/molecule/, run whole (create, prepare, check mode,
// converge, idempotence, verify, destroy) by molecule/run-scenario.sh, which
// prints the time each took. Target: under 3 minutes each with the test-node
// image cached (a figure to read in the log, not a timed assertion).
const SCENARIOS = [...UPDATE_SERVICES_SCENARIOS, ...UPDATE_SYSTEM_SCENARIOS];

// The rollout scenario: six nodes, emitted only for a plan that rolls
// update-services out, so run on the roles of plans/examples/rollout.yaml
// (built here with the CLI). Target: under 5 minutes with the image cached.
describe('Molecule rollout scenario (plans/examples/rollout.yaml)', () => {
  it('update_services_rollout', () => {
    const roles = join(ROOT, '.cache', 'rollout-roles');
    const build = spawnSync(process.execPath, [join(ROOT, 'dist', 'edpm-rolegen.mjs'), 'build', '--force', '--plan', join(ROOT, 'plans', 'examples', 'rollout.yaml'), '--out', roles], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const r = spawnSync('bash', [join(ROOT, 'molecule', 'run-scenario.sh'), 'update_services_rollout', 'test'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, EDPM_ROLES_DIR: roles },
    });
    console.log(r.stdout.trim().split('\n').at(-1));
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/-s update_services_rollout \(.*rollout-roles\/edpm_update_services\/molecule\/update_services_rollout, staged\): passed in \d+s/);
  });
});

describe('Molecule scenarios of the generated roles', () => {
  for (const scenario of SCENARIOS) {
    it(scenario, () => {
      const r = spawnSync('bash', [join(ROOT, 'molecule', 'run-scenario.sh'), scenario, 'test'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      console.log(r.stdout.trim().split('\n').at(-1));
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`-s ${scenario} \\(dist-roles/edpm_update_[a-z]+/molecule/${scenario}\\): passed in \\d+s`));
    });
  }
});
