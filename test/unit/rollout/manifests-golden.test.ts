import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { parsePlan } from '../../../src/plan/load.js';
import { rolloutManifestText } from '../../../src/rollout/rollout-request.js';

// The `rollout` manifests of one plan for node sets of 1, 7, 100 and 500
// nodes, pinned under test/golden/rollout/. After an intended change:
// npx vitest run -u, then review the diff.
const PLAN = `
updateServices:
  containerSteps:
    - {serviceType: ovn, role: edpm_ovn, tasks: [update, run]}
rollout:
  updateServices:
    canary: 1
    waves: [5, "25%"]
    failureBudget: "10%"
`;

describe('rollout manifests (golden)', () => {
  const plan = parsePlan(PLAN, 'rollout-golden.yaml');
  for (const n of [1, 7, 100, 500]) {
    it(`${n} node(s)`, async () => {
      const nodes = Array.from({ length: n }, (_, i) => `edpm-compute-${i}`);
      const { text, waves } = rolloutManifestText({ plan, planSource: null, phase: 'update-services', nodeSet: 'openstack-edpm', rolloutId: '2026-11-update', nodes: { file: 'nodes.txt', nodes, format: 'list' } });
      await expect(text).toMatchFileSnapshot(`../../golden/rollout/${n}-nodes.yaml`);
      // What the pinned text says, checked by meaning too: one deployment a wave, canary first, every node once.
      const docs = parseAllDocuments(text).map((d) => d.toJS() as { metadata: { name: string }; spec: { ansibleLimit: string; servicesOverride: string[] } });
      expect(docs.length).toBe(waves.length);
      expect(docs[0]!.metadata.name).toBe('openstack-edpm-2026-11-update-update-services-canary');
      const limited = docs.flatMap((d) => d.spec.ansibleLimit.split(','));
      expect(limited).toEqual(nodes);
      expect(docs.every((d) => d.spec.servicesOverride.join() === 'update-services')).toBe(true);
      expect(parse(text.split('\n---\n')[0]!)).toBeTruthy();
    });
  }

  it('quotes a rollout id and node names that Kubernetes (go-yaml) would read as numbers', () => {
    // Valid by their grammars; plain, `oc apply` read 0o17 as the integer 15 (a label value it refuses,
    // an extra variable the node then gets as a number) and 0X1F as 31.
    const nodes = ['0X1F', '0o7', 'edpm-compute-2'];
    const { text } = rolloutManifestText({ plan, planSource: null, phase: 'update-services', nodeSet: 'openstack-edpm', rolloutId: '0o17', nodes: { file: 'nodes.txt', nodes, format: 'list' } });
    expect(text).toContain('edpm-rolegen/rollout-id: "0o17"');
    expect(text).toContain('edpm_rollout_id: "0o17"');
    expect(text).toContain('ansibleLimit: "0X1F"');
    expect(text).not.toMatch(/: 0o17$|: 0X1F$/mu);
  });
});
