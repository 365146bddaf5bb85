/**
 * A list the compiler says has whole items (`recordWholeItems`: the
 * provenance map then gives each item's lines the item's origin without
 * looking inside it) holds no record inside any item, on every plan of the
 * repository and on a synthetic one, rollouts included: were one there, the
 * map would miss it (line-origins.test.ts compares the map with the walk).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { hasRecordsWithin, hasWholeItems, recordOrigin, recordWholeItems, type FileTrace } from '../../../src/compile/origin.js';
import { loadPlanFileWithSource, parsePlanWithSource } from '../../../src/plan/load.js';
import type { UpdatePlan } from '../../../src/model/plan.js';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';

function wholeLists(plan: UpdatePlan): [string, readonly unknown[]][] {
  const traces = new Map<string, FileTrace>();
  compilePlan(plan, {}, traces);
  return [...traces].flatMap(([path, t]): [string, readonly unknown[]][] => (Array.isArray(t.data) && hasWholeItems(t.data) ? [[path, t.data]] : []));
}

describe('a list of whole items', () => {
  const plans: [string, UpdatePlan][] = [DEFAULT_PLAN, ...['minimal', 'downstream', 'rollout'].map((n) => join(ROOT, 'plans', 'examples', `${n}.yaml`)), join(ROOT, 'test', 'fixtures', 'plans', 'rollout-both-phases.yaml')].map(
    (p) => [p.slice(ROOT.length), loadPlanFileWithSource(p).plan],
  );
  const containerSteps = Array.from({ length: 40 }, (_, i) => ({ serviceType: `service-${i}`, role: `edpm_service_${i}`, tasks: ['update', 'run'], become: i % 3 === 0 ? ['run'] : [] }));
  plans.push(['a plan of 40 service types', parsePlanWithSource(stringify({ updateServices: { containerSteps, prune: { images: true, volumes: true } } }), 'plan.yaml').plan]);
  for (const [name, plan] of plans) {
    it(`holds no record inside an item (${name})`, () => {
      const lists = wholeLists(plan);
      // The task file of include tasks is one.
      expect(lists.map(([path]) => path)).toContain('edpm_update_services/tasks/containers.yml');
      for (const [path, list] of lists) {
        expect({ path, inside: list.flatMap((item, i) => (hasRecordsWithin(item) ? [i] : [])) }).toEqual({ path, inside: [] });
      }
    });
  }
  it('is told from a list of the same items not said to be whole, and the check it stands for finds a record inside', () => {
    const items = [recordOrigin({ name: 'a', args: recordOrigin({ x: 1 }, { pointer: '/x', rule: 'inside' }) }, { pointer: '/a', rule: 'whole' })];
    expect(hasWholeItems([...items])).toBe(false);
    expect(hasWholeItems(recordWholeItems(items))).toBe(true);
    expect(hasRecordsWithin(items[0])).toBe(true);
  });
});
