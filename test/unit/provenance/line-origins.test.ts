/**
 * The provenance map's origin of each line against an oracle written here:
 * the innermost record along the line's data path (yamlLinePaths), walked
 * from the top for every line. The map takes a shortcut for plain task
 * lists (every line of an item has the item's origin); this shows both give
 * the same answer, on every plan of the repository and on a synthetic one.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { memberOriginOf, originOf, recordListOrigins, recordOrigin, type FileTrace, type Origin } from '../../../src/compile/origin.js';
import { yamlText } from '../../../src/compile/yaml-text.js';
import { loadPlanFileWithSource, parsePlanWithSource } from '../../../src/plan/load.js';
import { buildProvenanceMap, fileRanges } from '../../../src/provenance/provenance-map.js';
import { yamlLinePaths } from '../../support/yaml-line-paths.js';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';

function oracle(text: string, trace: FileTrace): Origin[] {
  const paths = yamlLinePaths(text);
  return paths.map((path) => {
    let node: unknown = trace.data;
    let origin = originOf(node) ?? trace.origin;
    for (const segment of path) {
      origin = memberOriginOf(node, segment) ?? origin;
      node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
      origin = originOf(node) ?? origin;
    }
    return origin;
  });
}

function compareWithOracle(loaded: ReturnType<typeof parsePlanWithSource>, given?: { tree: Map<string, string>; traces: Map<string, FileTrace> }): number {
  const traces = given?.traces ?? new Map<string, FileTrace>();
  const tree = given?.tree ?? compilePlan(loaded.plan, {}, traces);
  const map = buildProvenanceMap(tree, traces, loaded.source, 'plan.yaml');
  let compared = 0;
  for (const [path, text] of tree) {
    const trace = traces.get(path)!;
    if (trace.data === undefined) continue;
    const expected = oracle(text, trace);
    const ranges = fileRanges(map.files.get(path)!);
    for (const [from, to, k] of ranges) {
      for (let line = from; line <= to; line++) {
        const want = expected[line - 1]!;
        const got = map.origins[k]!;
        expect(`${path}:${line} ${got.pointer} ${got.rule.replace(/ \(the plan file leaves it out: the default applies\)$/u, '')}`).toBe(`${path}:${line} ${want.pointer} ${want.rule}`);
        compared++;
      }
    }
  }
  return compared;
}

describe('the origin of each line of a YAML file', () => {
  for (const plan of [DEFAULT_PLAN, ...['minimal', 'downstream', 'rollout'].map((n) => join(ROOT, 'plans', 'examples', `${n}.yaml`))]) {
    it(`is the innermost record along its data path (${plan.slice(ROOT.length)})`, () => {
      expect(compareWithOracle(loadPlanFileWithSource(plan))).toBeGreaterThan(1000);
    });
  }
  it('is the innermost record along its data path (a plan of 40 service types)', () => {
    const containerSteps = Array.from({ length: 40 }, (_, i) => ({ serviceType: `service-${i}`, role: `edpm_service_${i}`, tasks: ['update', 'run'] }));
    expect(compareWithOracle(parsePlanWithSource(stringify({ updateServices: { containerSteps } }), 'plan.yaml'))).toBeGreaterThan(1000);
  });
  it('is the innermost record along its data path in lists of scalars the map takes off the scan, and in those it must not take', () => {
    // Lists as the scenario data holds them (roles, packages: one plan entry per item), with items the
    // writer folds onto more lines (a string past the line width, one with line breaks) first, in the
    // middle and last, items that look like YAML, an empty list and a list of mappings.
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const list = (items: unknown[], name: string): unknown[] => recordListOrigins(items, `/list/${name}`, `the list ${name}`);
    const data = recordOrigin(
      {
        short: list(['edpm_podman', 'edpm_service_0', 'edpm_service_1'], 'short'),
        foldedFirst: list([long, 'b', 'c'], 'foldedFirst'),
        nested: { foldedMiddle: list(['a', `${long} x`, 'c'], 'foldedMiddle'), breaks: list(['a', 'two\nlines\n\nand a blank', 'c'], 'breaks') },
        yamlLike: list(['- x', 'k: v', '', '|', '#', 'yes', 7, null, true], 'yamlLike'),
        none: list([], 'none'),
        tasks: list([{ name: 'a', tags: list(['t1', 't2'], 'tags') }, 'scalar after a mapping'], 'tasks'),
        unrecorded: ['p', 'q'],
        foldedLast: list(['a', 'b', long], 'foldedLast'),
      },
      { pointer: '/list', rule: 'the lists' },
    );
    const text = yamlText(data);
    // The fixture has what it is for: items on more than one line.
    expect(text.split('\n').length).toBeGreaterThan(Object.keys(data).length + 30);
    const origin = { pointer: '', rule: 'fixed' };
    const compared = compareWithOracle(loadPlanFileWithSource(DEFAULT_PLAN), { tree: new Map([['lists.yml', text]]), traces: new Map([['lists.yml', { origin, data }]]) });
    expect(compared).toBe(text.split('\n').length - 1);
  });
});
