import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../../src/compile/compile-plan.js';
import { diagramNode } from '../../../../src/compile/role-readme.js';
import { loadPlanFile } from '../../../../src/plan/load.js';
import { DEFAULT_PLAN, ROOT } from '../../../support/paths.js';

/** The Mermaid block of a README. */
const mermaid = (readme: string): string[] => readme.split('```mermaid\n')[1]!.split('\n```')[0]!.split('\n');

describe('the phase diagram in each role README', () => {
  for (const planPath of [DEFAULT_PLAN, join(ROOT, 'plans', 'examples', 'downstream.yaml')]) {
    it(`shows every step of the plan in order, then the prune (${planPath.slice(ROOT.length)})`, () => {
      const plan = loadPlanFile(planPath);
      const lines = mermaid(compilePlan(plan).get('edpm_update_services/README.md')!);
      expect(lines[0]).toBe('flowchart TD');
      const labels = lines.flatMap((l) => [...l.matchAll(/step\d+\["([^"]+)"\]/gu)].map((m) => m[1]));
      const s = plan.updateServices;
      expect(labels).toEqual([
        ...s.alwaysBefore.map((b) => `every node: ${b.role} ${b.tasks.map((t) => `${t}.yml`).join(', ')}`),
        ...s.containerSteps.map((c) => `${c.serviceType}: ${c.role} ${c.tasks.map((t) => `${t}.yml`).join(', ')}`),
      ]);
      // one chain: each node follows the one before
      const edges = lines.slice(1).map((l) => l.trim().split(' --> ')[0]!.split('[')[0]);
      expect(edges).toEqual(['facts', 'packages', ...labels.slice(0, -1).map((_, i) => `step${i}`), `step${labels.length - 1}`].slice(0, edges.length));
      expect(lines.at(-1)).toMatch(s.prune.images || s.prune.volumes ? /--> prune\["Prune unused/u : /step\d+\["/u);
      const system = mermaid(compilePlan(plan).get('edpm_update_system/README.md')!);
      expect(system).toContain('  bootc -- yes --> image["Switch or upgrade the bootc image"]');
    });
  }

  it('refuses a label Mermaid would read as syntax', () => {
    expect(diagramNode('a', 'nova: edpm_nova update.yml')).toBe('a["nova: edpm_nova update.yml"]');
    expect(() => diagramNode('a', 'x"] --> b["y')).toThrow(/internal error/u);
  });
});
