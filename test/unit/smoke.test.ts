import { describe, expect, it } from 'vitest';
import { loadPlanFile } from '../../src/plan/load.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { DEFAULT_PLAN } from '../support/paths.js';

describe('default plan', () => {
  it('compiles both roles', () => {
    const tree = compilePlan(loadPlanFile(DEFAULT_PLAN));
    expect([...tree.keys()]).toContain('edpm_update_services/tasks/main.yml');
  });
});
