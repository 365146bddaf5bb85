/**
 * The plan entries the provenance map finds its origins' pointers at
 * (plan-entries.ts): each pointer's place is the one `positionOf` gives (the
 * value of the nearest ancestor the file holds), written or not; a pointer
 * written the one way it can be reaches an entry of its own, shared by every
 * string of the same text, and by no other text; another pointer (an index
 * `01`, an empty segment, an escape) gets only its place. The pointers come
 * in an order unlike the compiler's, so that `find` starts from every depth
 * of the previous pointer.
 */
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq } from 'yaml';
import { parsePlanDocument } from '../../../src/plan/load.js';
import { pointerSegments, positionOf, type SourceMap } from '../../../src/plan/source-map.js';
import { PlanEntries, PlanEntry } from '../../../src/provenance/plan-entries.js';
import { itemOrigin } from '../../../src/compile/origin.js';

// A plan's shape (steps of a sequence, keys of mappings), with keys only a pointer escape can name.
const PLAN = `updateServices:
  containerSteps:
    - serviceType: nova
      role: edpm_nova
      tasks:
        - update
        - run
    - serviceType: ovn
      role: edpm_ovn
      tasks: [run]
  essentialPackages:
    - podman
"a/b": slash
"c~d": tilde
"~1": both
"": empty key
7: a number key
nothing:
`;

/** Whether the plan file holds every segment of the pointer (as `nodeAt` walks it). */
function holds(source: SourceMap, pointer: string): boolean {
  let node: unknown = source.doc.contents;
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (pair === undefined || pair.value === undefined) return false;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      if (node === undefined) return false;
    } else return false;
  }
  return true;
}

const CANONICAL = [
  '/updateServices/containerSteps/1/tasks/0',
  '/updateServices/containerSteps/0/tasks/1',
  '/updateServices/containerSteps/0/tasks/0',
  '/updateServices/containerSteps/0',
  '/updateServices/containerSteps/1/role',
  '/updateServices/containerSteps/10',
  '/updateServices/essentialPackages/0',
  '/updateServices/essentialPackages',
  '/updateServices',
  '/',
  '/7',
  '/nothing',
  '',
];
const OTHERS = [
  '/a~1b',
  '/c~0d',
  '/~01',
  '/updateServices/containerSteps/01/tasks/0',
  '/updateServices/containerSteps/01/tasks/1',
  '/updateServices/containerSteps//tasks/0',
  '/updateServices/containerSteps/1e0',
  '/updateServices/containerSteps/0/tasks/2',
  '/updateServices/containerSteps/0/nope/3',
  '/updateServices/prune',
  '/updateSystem/kpatch',
  '/updateServices/containerSteps/1/tasks/0/x',
];

describe('the plan entries of the provenance map', () => {
  const { source } = parsePlanDocument(PLAN, 'plan.yaml');
  const all = [...CANONICAL, ...OTHERS];
  // Each pointer after each other one, the same text as another string (made by a template literal, as the compiler makes them).
  const order = all.flatMap((a) => all.flatMap((b) => [a, `${b.slice(0, b.length >> 1)}${b.slice(b.length >> 1)}`]));

  it('give each pointer the place positionOf gives it, and say whether the file holds it', () => {
    const entries = new PlanEntries(source);
    for (const pointer of order) {
      const found = entries.find(pointer);
      const place = found instanceof PlanEntry ? entries.placeOf(found) : found;
      const want = pointer === '' ? { line: 1, col: 1 } : positionOf(source, pointerSegments(pointer));
      expect({ pointer, line: place.line, col: place.col, written: place.written }).toEqual({ pointer, ...want, written: holds(source, pointer) });
    }
  });

  it('give a pointer written the one way an entry of its own, the same for the same text, and another pointer none', () => {
    const entries = new PlanEntries(source);
    const byText = new Map<string, PlanEntry>();
    for (const pointer of order) {
      const found = entries.find(pointer);
      const canonical = CANONICAL.includes(pointer) && holds(source, pointer);
      expect({ pointer, entry: found instanceof PlanEntry }).toEqual({ pointer, entry: canonical });
      if (!(found instanceof PlanEntry)) continue;
      const seen = byText.get(pointer);
      if (seen === undefined) byText.set(pointer, found);
      else expect(found).toBe(seen);
    }
    // Every text of the one way, held by the file, found; no two texts at one entry.
    expect(byText.size).toBe(CANONICAL.filter((p) => holds(source, p)).length);
    expect(new Set(byText.values()).size).toBe(byText.size);
  });

  it("reach an item origin's entry from its parts: the one its pointer reaches, and none where its pointer has none", () => {
    // Lists held and not, of every kind of node; items in and out of range; members held, absent, not a list.
    const lists = ['/updateServices/containerSteps', '/updateServices/essentialPackages', '/updateServices/prune', '/updateServices', '', '/nothing', '/a~1b'];
    const parts: [number, string | null, number][] = [
      [0, null, -1], [1, null, -1], [2, null, -1], [-1, null, -1], [10, null, -1],
      [0, 'tasks', -1], [0, 'tasks', 1], [1, 'tasks', 0], [1, 'tasks', 1], [0, 'tasks', -1], [0, 'role', -1], [0, 'role', 0], [1, 'nope', -1], [1, 'nope', 2],
    ];
    const origins = lists.flatMap((list) => parts.map(([index, member, memberIndex]) => itemOrigin({ list, index }, 'r', member, memberIndex)));
    const entries = new PlanEntries(source);
    let reached = 0;
    // Each after each pointer of the other tests, so that `find`'s memory of the previous pointer is anywhere.
    for (const pointer of order) {
      for (const o of origins) {
        entries.find(pointer);
        const item = entries.findItem(o);
        const found = entries.find(o.pointer);
        if (item === null) expect({ pointer: o.pointer, entry: found instanceof PlanEntry }).toEqual({ pointer: o.pointer, entry: false });
        else {
          expect(found, o.pointer).toBe(item);
          reached++;
        }
      }
    }
    // The item origins the plan holds (steps 0 and 1, 0's tasks twice, its task 1, 1's task 0, 0's role, the
    // first essential package), but those of a list named with an escape, which `find` gives only a place.
    const held = origins.filter((o) => holds(source, o.pointer) && !o.list.includes('~')).length;
    expect(held).toBe(8);
    expect(reached).toBe(held * order.length);
  });
});

