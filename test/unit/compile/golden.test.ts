import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { join } from 'node:path';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';

// The whole output of the built-in plan, pinned file by file under
// test/golden/default/. After an intended change: npx vitest run -u, then
// review the diff of test/golden/ like any other change.
describe('golden output of the built-in plan', () => {
  const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));

  it('has exactly the pinned set of files', async () => {
    await expect(`${[...tree.keys()].join('\n')}\n`).toMatchFileSnapshot('../../golden/default.files.txt');
  });

  for (const [path, content] of tree) {
    it(path, async () => {
      await expect(content).toMatchFileSnapshot(`../../golden/default/${path}`);
    });
  }
});

// The playbooks of a plan that rolls both phases out (the combined update.yml
// has a play per phase), pinned under test/golden/rollout-both-phases/.
describe('golden playbooks of a plan rolling both phases out', () => {
  const tree = compilePlan(loadPlanFile(join(ROOT, 'test', 'fixtures', 'plans', 'rollout-both-phases.yaml')));

  for (const [path, content] of [...tree].filter(([p]) => p.startsWith('playbooks/'))) {
    it(path, async () => {
      await expect(content).toMatchFileSnapshot(`../../golden/rollout-both-phases/${path}`);
    });
  }
});
