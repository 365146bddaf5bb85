/**
 * The provenance map: for every line of every generated file, the plan entry
 * (file, line, column, JSON pointer) and the rule behind it. Made from the
 * compiler's traces and the plan's positions; kept beside the output as
 * `.edpm-rolegen-provenance.json`, deterministic (sorted files, origins in
 * order of first use), one line per origin and per file so that a change of
 * the plan reads as a small diff.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { SourceMap } from '../plan/source-map.js';
import { hasRecordsWithin, memberOriginOf, originOf, type FileTrace, type Origin } from '../compile/origin.js';
import { yamlLinePathRefs, type PathRef, type ScalarListShortcut } from './yaml-line-paths.js';
import { PROVENANCE_FILE } from '../model/file-tree.js';

/** How a sidecar names the built-in plan, wherever the package and the output folder are. */
export const BUILT_IN_PLAN_REFERENCE = 'edpm-rolegen:plans/default.yaml';

/** The sidecar's name in the output folder (defined with the file tree, which the writer reads too). */
export { PROVENANCE_FILE };

/** A resolved origin: where the plan entry is. */
export interface PlanOrigin extends Origin {
  readonly line: number;
  readonly col: number;
}

/** The map, as data. */
export interface ProvenanceMap {
  /** The plan file, relative to the output folder (or absolute when on another volume). */
  readonly plan: string;
  readonly origins: readonly PlanOrigin[];
  /** For each generated file: ranges of lines `[from, to, origin index]`, 1-based, inclusive, covering every line. */
  readonly files: ReadonlyMap<string, readonly (readonly [number, number, number])[]>;
}

/** Number of lines of a text (a last line without a newline counts). */
function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/**
 * Origins of the lines of a top-level sequence of items without finer
 * records inside them (a task file of include tasks, the bulk of a large
 * plan's output): every line of item i has that item's origin, found by
 * counting the `- ` lines at column 0, with no path per line. The same
 * origins as the walk of `lineOrigins` gives; null, to take that walk,
 * when the text or the data is not that plain (a blank or other column-0
 * line after the first item, an item with records inside, a count that
 * differs).
 */
function plainSequenceLineOrigins(text: string, data: readonly unknown[], rootOrigin: Origin, count: number): Origin[] | null {
  if (data.some((item) => hasRecordsWithin(item))) return null;
  const itemOrigins = data.map((item, i) => originOf(item) ?? memberOriginOf(data, i) ?? rootOrigin);
  const out: Origin[] = new Array<Origin>(count);
  let item = -1;
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = text.indexOf('\n', start);
    const first = text.charCodeAt(start);
    const lineEnd = end < 0 ? text.length : end;
    if (first === 45 /* - */ && (lineEnd === start + 1 || text.charCodeAt(start + 1) === 32)) {
      item++;
      if (item >= data.length) return null;
    } else if (first !== 32 /* space */) {
      // Before the first item: the header comments and `---`, at the top.
      if (item >= 0) return null;
    }
    out[i] = item < 0 ? rootOrigin : itemOrigins[item]!;
    start = lineEnd + 1;
  }
  return item === data.length - 1 ? out : null;
}

/** Origin of each line of a traced file. */
function lineOrigins(text: string, trace: FileTrace): Origin[] {
  const count = lineCount(text);
  if (Array.isArray(trace.data)) {
    const plain = plainSequenceLineOrigins(text, trace.data, originOf(trace.data) ?? trace.origin, count);
    if (plain !== null) return plain;
  }
  return walkedLineOrigins(text, trace, count);
}

/** Origin of each line of a traced file, by the data path of each line. */
function walkedLineOrigins(text: string, trace: FileTrace, count: number): Origin[] {
  const out: Origin[] = new Array<Origin>(count).fill(trace.origin);
  if (trace.data !== undefined) {
    // The innermost recorded origin along each line's path. A path's node
    // and origin depend on it alone: each is found once from its parent's,
    // kept by depth (`refs[d]`: the path whose node and origin are at d).
    const refs: (PathRef | undefined)[] = [];
    const nodes: unknown[] = [];
    const origins: Origin[] = [];
    const rootOrigin = originOf(trace.data) ?? trace.origin;
    const resolve = (ref: PathRef): void => {
      const d = ref.depth;
      if (refs[d] === ref) return;
      let node: unknown = trace.data;
      let origin = rootOrigin;
      if (ref.parent !== null) {
        resolve(ref.parent);
        node = nodes[d - 1];
        origin = origins[d - 1]!;
      }
      const member = memberOriginOf(node, ref.segment);
      if (member !== undefined) origin = member;
      node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[ref.segment] : undefined;
      const own = originOf(node);
      if (own !== undefined) origin = own;
      refs[d] = ref;
      nodes[d] = node;
      origins[d] = origin;
    };
    // Lists of scalars (a scenario's 5,000 roles) are taken off the scan: each line of item j
    // has the origin recorded for item j, else the list's (what the walk below gives it).
    const taken = new Uint8Array(count);
    const shortcut: ScalarListShortcut = {
      length: (keyPath) => {
        resolve(keyPath);
        const list = nodes[keyPath.depth];
        if (!Array.isArray(list)) return 0;
        for (const item of list) if (item !== null && typeof item === 'object') return 0;
        return list.length;
      },
      take: (keyPath, firstLine, n) => {
        resolve(keyPath);
        const list = nodes[keyPath.depth] as unknown[];
        const origin = origins[keyPath.depth]!;
        for (let j = 0; j < n; j++) {
          out[firstLine + j] = memberOriginOf(list, j) ?? origin;
          taken[firstLine + j] = 1;
        }
      },
    };
    const paths = yamlLinePathRefs(text, shortcut);
    for (let i = 0; i < count; i++) {
      if (taken[i] === 1) continue;
      const ref = paths[i] ?? null;
      if (ref === null) out[i] = rootOrigin;
      else {
        resolve(ref);
        out[i] = origins[ref.depth]!;
      }
    }
  } else if (trace.rows !== undefined) {
    const lines = text.split('\n');
    let from = 0;
    for (const row of trace.rows) {
      // Rows are in line order: each search starts after the last match.
      let at = from;
      while (at < lines.length && !lines[at]!.includes(row.text)) at++;
      if (at === lines.length) continue;
      out[at] = row.origin;
      from = at + 1;
    }
  }
  return out;
}

/** Where a plan entry is, and whether the plan file itself holds it (else a default applies). */
interface PlanPlace {
  readonly line: number;
  readonly col: number;
  readonly written: boolean;
}

/**
 * The place of each JSON pointer in the plan file: the position of its
 * value (of the nearest ancestor the file holds, as `positionOf` gives),
 * and whether the file holds the value itself. Each pointer's node is found
 * from its parent's, which the pointers of a map share (a 5,000-service
 * plan's 30,000 pointers cost a step each, not a walk from the top).
 */
function planPlaces(source: SourceMap): (pointer: string) => PlanPlace {
  /** The node of a pointer, or of its nearest ancestor the file holds (`complete` false). */
  const nodes = new Map<string, { node: unknown; complete: boolean }>();
  const nodeOf = (pointer: string): { node: unknown; complete: boolean } => {
    if (pointer === '') return { node: source.doc.contents, complete: true };
    let known = nodes.get(pointer);
    if (known !== undefined) return known;
    const slash = pointer.lastIndexOf('/');
    const parent = nodeOf(pointer.slice(0, slash));
    const raw = pointer.slice(slash + 1);
    // (pointerSegments' unescaping, done only when there is something to unescape)
    const segment = raw.includes('~') ? raw.replace(/~1/gu, '/').replace(/~0/gu, '~') : raw;
    known = parent;
    if (parent.complete) {
      const node = parent.node;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
        if (pair !== undefined) known = { node: pair.value, complete: true };
        else known = { node, complete: false };
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        known = item === undefined ? { node, complete: false } : { node: item, complete: true };
      } else known = { node, complete: false };
    }
    nodes.set(pointer, known);
    return known;
  };
  return (pointer) => {
    if (pointer === '') return { line: 1, col: 1, written: true };
    const { node, complete } = nodeOf(pointer);
    const offset = (node as { range?: readonly number[] } | null)?.range?.[0] ?? 0;
    const at = source.lines.linePos(offset);
    return { line: at.line, col: at.col, written: complete };
  };
}

/** Builds the map of a compiled tree from its traces; `planRef` is how the map names the plan file. */
export function buildProvenanceMap(tree: ReadonlyMap<string, string>, traces: ReadonlyMap<string, FileTrace>, source: SourceMap, planRef: string): ProvenanceMap {
  // By pointer: its place in the plan, and the index of its origin with each rule (nearly every pointer has one rule: kept inline).
  const index = new Map<string, { place: PlanPlace; rule: string; at: number; others: Map<string, number> | null }>();
  const origins: PlanOrigin[] = [];
  const placeOf = planPlaces(source);
  const add = (o: Origin, place: PlanPlace): number => {
    origins.push({ pointer: o.pointer, rule: place.written ? o.rule : `${o.rule} (the plan file leaves it out: the default applies)`, line: place.line, col: place.col });
    return origins.length - 1;
  };
  const originIndex = (o: Origin): number => {
    let i: number | undefined;
    const entry = index.get(o.pointer);
    if (entry === undefined) {
      const place = placeOf(o.pointer);
      i = add(o, place);
      index.set(o.pointer, { place, rule: o.rule, at: i, others: null });
    } else if (entry.rule === o.rule) i = entry.at;
    else {
      entry.others ??= new Map();
      i = entry.others.get(o.rule);
      if (i === undefined) {
        i = add(o, entry.place);
        entry.others.set(o.rule, i);
      }
    }
    return i;
  };
  const files = new Map<string, [number, number, number][]>();
  for (const [path, text] of tree) {
    const trace = traces.get(path);
    if (trace === undefined) throw new Error(`internal error: the compiler left no trace for ${path}`);
    const perLine = lineOrigins(text, trace);
    const ranges: [number, number, number][] = [];
    let prev: Origin | null = null;
    for (let i = 0; i < perLine.length; i++) {
      const o = perLine[i]!;
      if (o === prev) {
        ranges.at(-1)![1] = i + 1;
        continue;
      }
      const k = originIndex(o);
      const last = ranges.at(-1);
      if (last !== undefined && last[2] === k) last[1] = i + 1;
      else ranges.push([i + 1, i + 1, k]);
      prev = o;
    }
    files.set(path, ranges);
  }
  return { plan: planRef, origins, files };
}

/** The sidecar's text: rules once, origins as `[pointer, line, col, rule]`, one line per origin and per file. */
export function provenanceText(map: ProvenanceMap): string {
  const rules: string[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleOf = (rule: string): number => {
    let i = ruleIndex.get(rule);
    if (i === undefined) {
      i = rules.length;
      rules.push(rule);
      ruleIndex.set(rule, i);
    }
    return i;
  };
  // The origins in one JSON.stringify (a 5,000-service tree has ~40,000: one call each costs ~2x),
  // cut one per line where an origin ends and the next begins: `],["` holds a quote, which a JSON
  // string escapes, so it is found between origins only.
  const originsText = JSON.stringify(map.origins.map((o) => [o.pointer, o.line, o.col, ruleOf(o.rule)]));
  const originLines = map.origins.length === 0 ? [] : [`    ${originsText.slice(1, -1).replaceAll('],["', '],\n    ["')}`];
  const list = (items: readonly string[], indent: string): string[] => items.map((x, i) => `${indent}${x}${i < items.length - 1 ? ',' : ''}`);
  return [
    '{',
    '  "generator": "edpm-rolegen",',
    '  "about": "for each line of each generated file, the plan entry that made it: files[path] = [[fromLine, toLine, origin], ...]; origins[i] = [JSON pointer, plan line, plan column, rule]; edpm-rolegen explain FILE:LINE reads it",',
    `  "plan": ${JSON.stringify(map.plan)},`,
    '  "rules": [',
    ...list(rules.map((r) => JSON.stringify(r)), '    '),
    '  ],',
    '  "origins": [',
    ...originLines,
    '  ],',
    '  "files": {',
    ...list([...map.files].map(([path, ranges]) => `${JSON.stringify(path)}: ${JSON.stringify(ranges)}`), '    '),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Reads a sidecar's text; null when it is not one. */
export function parseProvenance(text: string): ProvenanceMap | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const d = doc as { generator?: unknown; plan?: unknown; rules?: unknown; origins?: unknown; files?: unknown };
  if (d.generator !== 'edpm-rolegen' || typeof d.plan !== 'string' || !Array.isArray(d.rules) || !Array.isArray(d.origins) || d.files === null || typeof d.files !== 'object') {
    return null;
  }
  const rules = d.rules as string[];
  // A corrupt map (edited, cut short, of another shape) is refused here, not met later as a crash.
  const count = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;
  // Each check in the same pass that reads the value (plain loops: a 5,000-service map has ~40,000 origins and ~120,000 ranges).
  for (let i = 0; i < rules.length; i++) if (typeof rules[i] !== 'string') return null;
  const raw = d.origins as unknown[];
  const origins: PlanOrigin[] = new Array<PlanOrigin>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const o = raw[i];
    if (!Array.isArray(o) || o.length !== 4) return null;
    const [pointer, line, col, rule] = o as unknown[];
    if (typeof pointer !== 'string' || !count(line, 1) || !count(col, 1) || !count(rule, 0) || rule >= rules.length) return null;
    origins[i] = { pointer, line, col, rule: rules[rule]! };
  }
  const files = Object.entries(d.files as Record<string, unknown>);
  for (const [, ranges] of files) {
    if (!Array.isArray(ranges)) return null;
    let next = 1;
    for (let i = 0; i < ranges.length; i++) {
      const r: unknown = ranges[i];
      if (!Array.isArray(r) || r.length !== 3) return null;
      const [from, to, origin] = r as unknown[];
      if (from !== next || !count(to, from) || !count(origin, 0) || origin >= origins.length) return null;
      next = to + 1;
    }
  }
  return { plan: d.plan, origins, files: new Map(files as [string, [number, number, number][]][]) };
}

/** The origin of a line of a generated file, if the map covers it. */
export function originOfLine(map: ProvenanceMap, file: string, line: number): PlanOrigin | null {
  const ranges = map.files.get(file);
  if (ranges === undefined) return null;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (line < r[0]) hi = mid - 1;
    else if (line > r[1]) lo = mid + 1;
    else return map.origins[r[2]] ?? null;
  }
  return null;
}

/**
 * Every generated place the origins that `match` accepts produced, by origin
 * index (in the order of the origins), each as `[file, from, to]` in the
 * order of the files and lines: one pass over the ranges, however many
 * origins are asked for.
 */
export function linesFromPlan(map: ProvenanceMap, match: (o: PlanOrigin) => boolean): Map<number, [string, number, number][]> {
  const out = new Map<number, [string, number, number][]>();
  // By origin index, the list of the places of an origin asked for (an array: ~120,000 ranges are looked up).
  const wanted: ([string, number, number][] | undefined)[] = new Array<[string, number, number][] | undefined>(map.origins.length);
  map.origins.forEach((o, i) => {
    if (match(o)) out.set(i, (wanted[i] = []));
  });
  if (out.size === 0) return out;
  for (const [file, ranges] of map.files) {
    for (const r of ranges) wanted[r[2]]?.push([file, r[0], r[1]]);
  }
  return out;
}
