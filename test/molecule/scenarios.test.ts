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
