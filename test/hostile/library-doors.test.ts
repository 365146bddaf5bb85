/**
 * The library's other doors (src/index.ts) check what they are given as
 * the CLI does: a plan object built in code that bypasses the file loader
 * gets the plan's checks by meaning before a rollout, a resume or a node
 * run is computed from it; a node list built in code gets the node-name
 * checks a node file gets; a resume's attempt is a whole number from 1.
 * Before, each took the object as it was: a wave of 0 nodes, a 150 %
 * failure budget, `*` as an essential package, `all` as a node (the
 * canary's ansibleLimit then selected every node of the node set).
 * explainGenerated and explainPlanLine take only lines from 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileWithProvenance,
  explainGenerated,
  explainPlanLine,
  InputError,
  loadPlanFile,
  loadPlanFileWithSource,
  nodeRun,
  planReference,
  readOutputProvenance,
  resumeManifestText,
  rolloutManifestText,
  writeTree,
  type NodeList,
  type UpdatePlan,
} from '../../src/index.js';
import { DEFAULT_PLAN } from '../support/paths.js';

const plan = loadPlanFile(DEFAULT_PLAN);
const nodes: NodeList = { file: '(node list)', nodes: ['compute-0', 'compute-1', 'compute-2'], format: 'list' };
const request = (p: UpdatePlan, n: NodeList = nodes) => ({ plan: p, planSource: null, phase: 'update-services', nodeSet: 'edpm', rolloutId: 'r1', nodes: n });

/** The diagnostics `run` throws, formatted; fails when it does not throw an InputError. */
function refused(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.path}: ${d.message}`);
  }
  throw new Error('accepted');
}

describe('a plan object built in code, given to the rollout, resume and show doors', () => {
  const hostile: [string, UpdatePlan, RegExp][] = [
    ['a wave of 0 nodes', { ...plan, rollout: { ...plan.rollout, updateServices: { canary: { kind: 'count', count: 1 }, waves: [{ kind: 'count', count: 0 }], failureBudget: { kind: 'nodes', nodes: 0 } } } }, /\/rollout\/updateServices\/waves\/0: /u],
    ['a failure budget of 150 %', { ...plan, rollout: { ...plan.rollout, updateServices: { canary: null, waves: [], failureBudget: { kind: 'percent', percent: 150 } } } }, /\/rollout\/updateServices\/failureBudget: /u],
    ['* as an essential package', { ...plan, updateServices: { ...plan.updateServices, essentialPackages: ['*'] } }, /\/updateServices\/essentialPackages\/0: /u],
  ];
  for (const [name, p, where] of hostile) {
    it(`${name}: refused as from a file, by each door`, () => {
      for (const run of [() => rolloutManifestText(request(p)), () => resumeManifestText(request(p), [], 1), () => nodeRun(p, { services: ['nova'], vars: {}, bootc: false })]) {
        const d = refused(run);
        expect(d.some((line) => line.startsWith('(plan object):') && where.test(line)), d.join('\n')).toBe(true);
      }
    });
  }

  it('the checked plan passes every door', () => {
    expect(rolloutManifestText(request(plan)).waves).toHaveLength(1);
    expect(resumeManifestText(request(plan), [], 1).remaining).toHaveLength(3);
    expect(nodeRun(plan, { services: ['nova'], vars: {}, bootc: false })).toHaveLength(2);
  });
});

describe('a node list built in code', () => {
  for (const [name, list, why] of [
    ['a node named all', ['compute-0', 'all'], /node 2: "all" is the name of an implicit Ansible group/u],
    ['a node named as the node set', ['edpm', 'compute-0'], /node 1: node "edpm" has the name of the node set/u],
    ['a pattern', ['compute-*'], /node 1: "compute-\*" is not a node name/u],
    ['two nodes in one name', ['compute-0,compute-1'], /node 1: "compute-0,compute-1" is not a node name/u],
    ['a node twice', ['compute-0', 'compute-0'], /node 2: node "compute-0" is listed twice/u],
  ] as const) {
    it(`${name}: refused`, () => {
      const d = refused(() => rolloutManifestText(request(plan, { ...nodes, nodes: [...list] })));
      expect(d.join('\n')).toMatch(why);
    });
  }
});

describe('resume attempt', () => {
  for (const attempt of [0, -1, 1.5, Number.NaN, 100]) {
    it(`${attempt}: refused`, () => {
      expect(refused(() => resumeManifestText(request(plan), [], attempt)).join('\n')).toMatch(/--attempt "[^"]*": expected a whole number from 1 to 99/u);
    });
  }
});

describe('explain through the library', () => {
  it('a line that is not a whole number from 1 is refused as the CLI refuses it', () => {
    const out = mkdtempSync(join(tmpdir(), 'rolegen-library-explain-'));
    try {
      const { plan: p, source } = loadPlanFileWithSource(DEFAULT_PLAN);
      writeTree(out, compileWithProvenance(p, source, planReference(DEFAULT_PLAN, out)).tree);
      const o = readOutputProvenance(out);
      const main = join(out, 'edpm_update_services', 'tasks', 'main.yml');
      expect(explainGenerated(o, main, 1)).toHaveLength(1);
      for (const line of [0, -3, 1.5, Number.NaN]) {
        expect(refused(() => explainGenerated(o, main, line)).join('\n'), String(line)).toMatch(/is not a line number: give FILE:LINE/u);
        expect(refused(() => explainPlanLine(o, line)).join('\n'), String(line)).toMatch(/is not a line number: give FILE:LINE/u);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
