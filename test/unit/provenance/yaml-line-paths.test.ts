import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { yamlText } from '../../../src/compile/yaml-text.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { yamlLinePaths, type DataPath } from '../../support/yaml-line-paths.js';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';

/** The oracle: for each line, the path of the deepest entry (key or item) a real parse says starts on it. */
function parsedLinePaths(text: string): Map<number, DataPath> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, version: '1.1' });
  const out = new Map<number, DataPath>();
  const note = (offset: number, path: DataPath) => {
    const line = lines.linePos(offset).line;
    const known = out.get(line);
    if (known === undefined || path.length > known.length) out.set(line, path);
  };
  const visit = (node: unknown, path: DataPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        if ((pair.key as Node | null)?.range) note((pair.key as Node).range![0], [...path, key]);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if ((item as Node | null)?.range) note((item as Node).range![0], [...path, i]);
        visit(item, [...path, i]);
      });
    }
  };
  visit(doc.contents, []);
  return out;
}

function expectSameAsParse(text: string, name: string): void {
  const ours = yamlLinePaths(text);
  const oracle = parsedLinePaths(text);
  expect(ours.length, name).toBe(text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
  for (const [line, path] of oracle) expect(ours[line - 1], `${name}:${line}`).toEqual(path);
}

describe('yamlLinePaths', () => {
  it('gives every line of every generated YAML file the path a real parse gives it', () => {
    let checked = 0;
    for (const plan of [DEFAULT_PLAN, join(ROOT, 'plans', 'examples', 'minimal.yaml'), join(ROOT, 'plans', 'examples', 'downstream.yaml')]) {
      for (const [path, text] of compilePlan(loadPlanFile(plan))) {
        if (!/\.ya?ml$/u.test(path)) continue;
        expectSameAsParse(text, path);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('follows folded, quoted and block scalars, nested sequences and odd keys', () => {
    const long = 'word '.repeat(60).trim();
    const text = yamlText({
      a: [{ b: long, c: [[1, 2], [3]] }, 'x: y', `"${long}"`],
      'key: with colon': { 'd#e': '|literal\nline two\n', f: [] },
      g: `say "${long}": now`,
    }, { header: ['A header'] });
    expectSameAsParse(text, 'synthetic');
    const paths = yamlLinePaths(text);
    const lines = text.split('\n');
    // continuation lines of the folded scalar belong to it
    const bLine = lines.findIndex((l) => l.includes('b: word'));
    expect(paths[bLine + 1]).toEqual(['a', 0, 'b']);
    expect(paths[0]).toEqual([]);
  });
});
