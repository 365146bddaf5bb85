/**
 * YAML 1.1 merge keys in a plan: one error at the `<<`, saying what to
 * write instead. Before, the plan (read as YAML 1.2, where `<<` is an
 * ordinary key) got an "unknown key <<" and a "missing required key" for
 * every key the merge was to bring.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/diagnostics.js';
import { parsePlan } from '../../../src/plan/load.js';

describe('merge keys', () => {
  it('are refused at the <<, once', () => {
    const text = 'x-step: &nova {serviceType: nova, role: edpm_nova, tasks: [update]}\nupdateServices:\n  containerSteps:\n    - <<: *nova\n      become: false\n';
    expect(() => parsePlan(text, 'plan.yaml')).toThrow(InputError);
    try {
      parsePlan(text, 'plan.yaml');
    } catch (err) {
      expect((err as InputError).message).toBe('plan.yaml:4:7: error: merge keys (<<) are not read in a plan (YAML 1.2): write the keys out, or make the whole value an alias (*name) of an anchored one');
    }
  });

  it('a quoted "<<" is an ordinary (unknown) key; an alias of a whole value works', () => {
    expect(() => parsePlan('updateServices:\n  containerSteps:\n    - {"<<": 1, serviceType: nova, role: edpm_nova, tasks: [update]}\n', 'plan.yaml')).toThrow(/unknown key "<<"/u);
    const plan = parsePlan('updateServices:\n  containerSteps:\n    - serviceType: nova\n      role: edpm_nova\n      tasks: &t [update]\n    - {serviceType: ovn, role: edpm_ovn, tasks: *t}\n', 'plan.yaml');
    expect(plan.updateServices.containerSteps.map((s) => s.tasks)).toEqual([['update'], ['update']]);
  });
});
