/**
 * The provenance map: for every line of every generated file, the plan entry
 * (file, line, column, JSON pointer) and the rule behind it. Made from the
 * compiler's traces and the plan's positions; kept beside the output as
 * `.edpm-rolegen-provenance.json`, deterministic (sorted files, origins in
 * order of first use), one line per origin and per file so that a change of
 * the plan reads as a small diff.
 */
import { hash } from 'node:crypto';
import type { SourceMap } from '../plan/source-map.js';
import { planTextWithLfLineEnds } from '../plan/plan-text.js';
import { hasRecordsWithin, hasWholeItems, isItemOrigin, memberOriginOf, memberOriginsOf, originOf, type FileTrace, type Origin } from '../compile/origin.js';
import { visitYamlLinePaths, type PathRef, type ScalarListShortcut } from './yaml-line-paths.js';
import { PROVENANCE_FILE } from '../model/file-tree.js';
import { OriginRows, writeNumber } from './sidecar-bytes.js';
import { PlanEntries, PlanEntry } from './plan-entries.js';

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
  /**
   * SHA-256 (hex) of the plan text the build compiled (`planTextDigest`):
   * `explain` compares it with the plan file on disk, whose lines may have
   * moved since. Null in a sidecar written before it was recorded.
   */
  readonly planSha256: string | null;
  readonly origins: readonly PlanOrigin[];
  /**
   * For each generated file, its lines in runs of one origin, flat:
   * `[to, origin index, to, origin index, ...]`; a run holds the lines after
   * the previous run's `to` (from line 1) up to its own `to` (1-based,
   * inclusive), and the last `to` is the file's last line. Flat numbers, not
   * a list per run: a 5,000-service tree has ~120,000 runs (a built map
   * holds them in an Int32Array, a map read from its sidecar in a list).
   */
  readonly files: ReadonlyMap<string, FileRuns>;
}

/**
 * The digest a map records of its plan's text: SHA-256 of its UTF-8, hex,
 * with CRLF line ends read as LF, as the loader reads them (a CRLF checkout
 * of the plan is the same plan; maps written before this hashed the text as
 * it was, which `explain` still takes).
 */
export function planTextDigest(text: string): string {
  return hash('sha256', planTextWithLfLineEnds(text), 'hex');
}

/** What a sidecar's `planSha256` must look like. */
const PLAN_SHA256 = /^[0-9a-f]{64}$/u;

/** A file's runs, `[to, origin index, ...]` (see `ProvenanceMap.files`). */
export type FileRuns = Int32Array | readonly number[];

/** A file's runs as `[from, to, origin index]`, 1-based, inclusive. */
export function fileRanges(runs: FileRuns): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0, from = 1; i < runs.length; from = runs[i]! + 1, i += 2) out.push([from, runs[i]!, runs[i + 1]!]);
  return out;
}

/** A file's last line (0 for an empty file). */
export function lastLine(runs: FileRuns): number {
  return runs.length === 0 ? 0 : runs[runs.length - 2]!;
}

/**
 * A file's runs as its lines' origins are given in order (`add(to, o)`: the
 * lines up to `to` have origin `o`): lines of the same origin, or of two
 * origins with one index, extend the last run. The index of an origin is
 * asked only when it differs from the last one given.
 */
class RunsBuilder {
  // In a typed array grown by doubling (its memory outside the JS heap: the map is made right after the
  // compile, whose output is still in the young generation, which each collection of the heap copies).
  private buffer = new Int32Array(64);
  private length = 0;
  private last: Origin | null = null;
  private lastIndex = -1;
  constructor(readonly indexOf: (o: Origin) => number) {}
  /** The lines up to `to` have the origin `o`. */
  add(to: number, o: Origin): void {
    if (o === this.last) {
      this.buffer[this.length - 2] = to;
      return;
    }
    this.addIndex(to, this.indexOf(o));
    this.last = o;
  }
  /** The lines up to `to` have the origin of index `k` (as `indexOf` gives it). */
  addIndex(to: number, k: number): void {
    this.last = null;
    if (k === this.lastIndex) {
      this.buffer[this.length - 2] = to;
      return;
    }
    this.lastIndex = k;
    if (this.length === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length] = to;
    this.buffer[this.length + 1] = k;
    this.length += 2;
  }
  /** The runs given so far. */
  runs(): Int32Array {
    return this.buffer.subarray(0, this.length);
  }
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
 * finding the `- ` lines at column 0, with no path per line. The same
 * origins as the walk of `lineOrigins` gives; false, to take that walk,
 * when the text or the data is not that plain (a blank or other column-0
 * line after the first item, an item with records inside, a count that
 * differs), having given `runs` nothing. A list the compiler says has
 * whole items (`recordWholeItems`) is not searched for records inside.
 */
function plainSequenceLineOrigins(text: string, data: readonly unknown[], rootOrigin: Origin, runs: RunsBuilder): boolean {
  if (!hasWholeItems(data) && data.some((item) => hasRecordsWithin(item))) return false;
  // The line of each item's `- ` (0-based), found before any run is given.
  const starts = new Int32Array(data.length);
  let item = -1;
  let count = 0;
  for (let start = 0; start < text.length; count++) {
    const end = text.indexOf('\n', start);
    const first = text.charCodeAt(start);
    const lineEnd = end < 0 ? text.length : end;
    if (first === 45 /* - */ && (lineEnd === start + 1 || text.charCodeAt(start + 1) === 32)) {
      item++;
      if (item >= data.length) return false;
      starts[item] = count;
    } else if (first !== 32 /* space */) {
      // Before the first item: the header comments and `---`, at the top.
      if (item >= 0) return false;
    }
    start = lineEnd + 1;
  }
  if (item !== data.length - 1) return false;
  if (data.length === 0) {
    if (count > 0) runs.add(count, rootOrigin);
    return true;
  }
  if (starts[0]! > 0) runs.add(starts[0]!, rootOrigin);
  for (let j = 0; j < data.length; j++) {
    runs.add(j + 1 < data.length ? starts[j + 1]! : count, originOf(data[j]) ?? memberOriginOf(data, j) ?? rootOrigin);
  }
  return true;
}

/** Gives `runs` the origin of each line of a traced file. */
function lineOrigins(text: string, trace: FileTrace, runs: RunsBuilder, lists: TakenLists): void {
  if (Array.isArray(trace.data) && plainSequenceLineOrigins(text, trace.data, originOf(trace.data) ?? trace.origin, runs)) return;
  walkedLineOrigins(text, trace, runs, lists);
}

/**
 * The origin index of each item of the lists of scalars taken off the scan
 * so far (any file of the map), with the origin their items without a
 * record of their own have there: a list written again (a scenario's data
 * writes its lists of roles for each of its nodes, and shares them with
 * another scenario's) gives its lines' origins without a lookup per item.
 */
type TakenLists = Map<object, { readonly origin: Origin; readonly indexes: Int32Array }>;

/** Gives `runs` the origin of each line of a traced file, by the data path of each line. */
function walkedLineOrigins(text: string, trace: FileTrace, runs: RunsBuilder, lists: TakenLists): void {
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
    // has the origin recorded for item j, else the list's (what the walk gives it).
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
        const list = nodes[keyPath.depth] as object;
        const origin = origins[keyPath.depth]!;
        const known = lists.get(list);
        if (known !== undefined && known.origin === origin && known.indexes.length === n) {
          for (let j = 0; j < n; j++) runs.addIndex(firstLine + j + 1, known.indexes[j]!);
          return;
        }
        const members = memberOriginsOf(list);
        if (members === undefined) {
          runs.add(firstLine + n, origin);
          return;
        }
        const indexes = new Int32Array(n);
        let last: Origin | null = null;
        let k = -1;
        for (let j = 0; j < n; j++) {
          const o = members.get(j) ?? origin;
          if (o !== last) {
            last = o;
            k = runs.indexOf(o);
          }
          indexes[j] = k;
          runs.addIndex(firstLine + j + 1, k);
        }
        lists.set(list, { origin, indexes });
      },
    };
    // Each line's origin given as the scan finds its path, in line order.
    visitYamlLinePaths(
      text,
      (line, path) => {
        if (path === null) runs.add(line + 1, rootOrigin);
        else {
          resolve(path);
          runs.add(line + 1, origins[path.depth]!);
        }
      },
      shortcut,
    );
    return;
  }
  const count = lineCount(text);
  // The lines before `emitted` (0-based) have been given.
  let emitted = 0;
  if (trace.rows !== undefined) {
    // Rows are in line order: each search starts on the line after the last match (`line`, starting at `lineStart`).
    let line = 0;
    let lineStart = 0;
    for (const row of trace.rows) {
      if (lineStart > text.length) break;
      const at = row.text.includes('\n') ? -1 : text.indexOf(row.text, lineStart);
      if (at < 0) continue;
      for (let end = text.indexOf('\n', lineStart); end >= 0 && end < at; end = text.indexOf('\n', lineStart)) {
        line++;
        lineStart = end + 1;
      }
      if (line < count) {
        if (line > emitted) runs.add(line, trace.origin);
        runs.add(line + 1, row.origin);
        emitted = line + 1;
      }
      const end = text.indexOf('\n', lineStart);
      line++;
      lineStart = end < 0 ? text.length + 1 : end + 1;
    }
  }
  if (count > emitted) runs.add(count, trace.origin);
}

/** The sidecar's rules, each once, indexed in order of first use. */
class SidecarRules {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  indexOf(rule: string): number {
    let i = this.index.get(rule);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(rule);
      this.index.set(rule, i);
    }
    return i;
  }
}

/**
 * The rules and origin rows of the sidecar of each map built here, written
 * as its origins were found, when each pointer had just been read (written
 * from the finished map, ~40,000 pointers are read again, from all over the
 * heap). A map's origins are not changed after it is built (readonly).
 */
const sidecarParts = new WeakMap<ProvenanceMap, { readonly rules: readonly string[]; readonly rows: OriginRows }>();

/** Builds the map of a compiled tree from its traces; `planRef` is how the map names the plan file. */
export function buildProvenanceMap(tree: ReadonlyMap<string, string>, traces: ReadonlyMap<string, FileTrace>, source: SourceMap, planRef: string): ProvenanceMap {
  const origins: PlanOrigin[] = [];
  /** By origin index: the rule as recorded (an origin's own says when the default applies), and the next origin of the same pointer (-1: none). */
  const recordedRules: string[] = [];
  const nextOfPointer: number[] = [];
  /**
   * The plan's entries, each with the index of its pointer's first origin (the others of the pointer, with
   * other rules, follow `nextOfPointer`); by pointer text, those of a pointer without an entry (a default
   * the plan leaves out: see `PlanEntries.find`).
   */
  const entries = new PlanEntries(source);
  const byPointer = new Map<string, number>();
  // The sidecar's rules and origin rows, written as each origin is found (see `provenanceText`).
  const rules = new SidecarRules();
  const rows = new OriginRows();
  const add = (o: Origin, line: number, col: number, written: boolean): number => {
    const rule = written ? o.rule : `${o.rule} (the plan file leaves it out: the default applies)`;
    origins.push({ pointer: o.pointer, rule, line, col });
    if (isItemOrigin(o)) rows.addItem(o, line, col, rules.indexOf(rule));
    else rows.add(o.pointer, line, col, rules.indexOf(rule));
    recordedRules.push(o.rule);
    nextOfPointer.push(-1);
    return origins.length - 1;
  };
  const originIndex = (o: Origin): number => {
    // (an item origin's entry reached from its parts, its pointer not read)
    const found = (isItemOrigin(o) ? entries.findItem(o) : null) ?? entries.find(o.pointer);
    let first: number;
    if (found instanceof PlanEntry) {
      first = found.first;
      if (first < 0) {
        const place = entries.placeOf(found);
        return (found.first = add(o, place.line, place.col, place.written));
      }
    } else {
      const known = byPointer.get(o.pointer);
      if (known === undefined) {
        const k = add(o, found.line, found.col, found.written);
        byPointer.set(o.pointer, k);
        return k;
      }
      first = known;
    }
    let i = first;
    for (;;) {
      if (recordedRules[i] === o.rule) return i;
      const next = nextOfPointer[i]!;
      if (next < 0) break;
      i = next;
    }
    const at = origins[i]!;
    const k = add(o, at.line, at.col, at.rule === recordedRules[i]);
    nextOfPointer[i] = k;
    return k;
  };
  // (No index by origin object besides: a list written again replays its indexes, and an index of
  // ~40,000 origin objects cost more, in lookups and allocations, than it saved.)
  const files = new Map<string, FileRuns>();
  const lists: TakenLists = new Map();
  for (const [path, text] of tree) {
    const trace = traces.get(path);
    if (trace === undefined) throw new Error(`internal error: the compiler left no trace for ${path}`);
    const runs = new RunsBuilder(originIndex);
    lineOrigins(text, trace, runs, lists);
    files.set(path, runs.runs());
  }
  const map: ProvenanceMap = { plan: planRef, planSha256: planTextDigest(source.text), origins, files };
  sidecarParts.set(map, { rules: rules.list, rows });
  return map;
}

/**
 * The text of each file's runs, `"path": [to,origin,...]` one file a line,
 * as JSON.stringify writes them, written as bytes into one buffer: a list
 * made for each file then written by JSON.stringify costs four times more
 * (a 5,000-service tree has ~250,000 numbers). Every number of a map is a
 * non-negative integer (`parseProvenance` reads no other).
 */
function filesText(files: ProvenanceMap['files']): string {
  const paths = [...files.keys()].map((path) => JSON.stringify(path));
  let size = 0;
  let i = 0;
  for (const runs of files.values()) size += 16 + Buffer.byteLength(paths[i++]!) + runs.length * 17;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  i = 0;
  for (const runs of files.values()) {
    if (i > 0) at += out.write(',\n', at, 'latin1');
    at += out.write(`    ${paths[i++]!}: [`, at, 'utf8');
    for (let k = 0; k < runs.length; k++) {
      if (k > 0) out[at++] = 44; // ,
      at = writeNumber(out, at, runs[k]!);
    }
    out[at++] = 93; // ]
  }
  return out.toString('utf8', 0, at);
}

/**
 * The sidecar's text: rules once, origins as `[pointer, line, col, rule]`,
 * one line per origin and per file. The origin rows and the runs of the
 * files (a 5,000-service tree has ~40,000 origins and ~120,000 runs) are
 * written as bytes (sidecar-bytes.ts), the rows as the map was built.
 */
export function provenanceText(map: ProvenanceMap): string {
  // A map built here had its rules and origin rows written as it was built; another's are written now.
  let parts = sidecarParts.get(map);
  if (parts === undefined) {
    const rules = new SidecarRules();
    const rows = new OriginRows();
    for (const o of map.origins) rows.add(o.pointer, o.line, o.col, rules.indexOf(o.rule));
    parts = { rules: rules.list, rows };
  }
  const rules = parts.rules;
  const originLines = map.origins.length === 0 ? [] : [parts.rows.text()];
  const list = (items: readonly string[], indent: string): string[] => items.map((x, i) => `${indent}${x}${i < items.length - 1 ? ',' : ''}`);
  return [
    '{',
    '  "generator": "edpm-rolegen",',
    '  "about": "for each line of each generated file, the plan entry that made it: files[path] = [toLine, origin, toLine, origin, ...], each run of lines from the line after the previous toLine (from 1) to its toLine; origins[i] = [JSON pointer, plan line, plan column, rule]; planSha256 = SHA-256 of the plan text compiled, CRLF line ends read as LF (explain and lint warn when the plan file no longer has it); edpm-rolegen explain FILE:LINE reads it",',
    `  "plan": ${JSON.stringify(map.plan)},`,
    ...(map.planSha256 === null ? [] : [`  "planSha256": ${JSON.stringify(map.planSha256)},`]),
    '  "rules": [',
    ...list(rules.map((r) => JSON.stringify(r)), '    '),
    '  ],',
    '  "origins": [',
    ...originLines,
    '  ],',
    '  "files": {',
    ...(map.files.size === 0 ? [] : [filesText(map.files)]),
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
  const d = doc as { generator?: unknown; plan?: unknown; planSha256?: unknown; rules?: unknown; origins?: unknown; files?: unknown };
  if (d.generator !== 'edpm-rolegen' || typeof d.plan !== 'string' || !Array.isArray(d.rules) || !Array.isArray(d.origins) || d.files === null || typeof d.files !== 'object') {
    return null;
  }
  // Absent from the sidecars of earlier versions (read, with no digest to check the plan by); when there, a digest.
  if (d.planSha256 !== undefined && (typeof d.planSha256 !== 'string' || !PLAN_SHA256.test(d.planSha256))) return null;
  const rules = d.rules as string[];
  // A corrupt map (edited, cut short, of another shape) is refused here, not met later as a crash.
  const count = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;
  // Each check in the same pass that reads the value (plain loops: a 5,000-service map has ~40,000 origins and ~120,000 runs).
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
  for (const [, runs] of files) {
    if (!Array.isArray(runs) || runs.length % 2 !== 0) return null;
    let next = 1;
    for (let i = 0; i < runs.length; i += 2) {
      const to: unknown = runs[i];
      const origin: unknown = runs[i + 1];
      if (!count(to, next) || !count(origin, 0) || origin >= origins.length) return null;
      next = to + 1;
    }
  }
  return { plan: d.plan, planSha256: d.planSha256 ?? null, origins, files: new Map(files as [string, number[]][]) };
}

/** The origin of a line of a generated file, if the map covers it. */
export function originOfLine(map: ProvenanceMap, file: string, line: number): PlanOrigin | null {
  const runs = map.files.get(file);
  if (runs === undefined || line < 1 || line > lastLine(runs)) return null;
  // The first run whose `to` is at or past the line.
  let lo = 0;
  let hi = runs.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[2 * mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return map.origins[runs[2 * lo + 1]!] ?? null;
}

/**
 * Every generated place the origins that `match` accepts produced, by origin
 * index (in the order of the origins), each as `[file, from, to]` in the
 * order of the files and lines: one pass over the runs, however many
 * origins are asked for.
 */
export function linesFromPlan(map: ProvenanceMap, match: (o: PlanOrigin) => boolean): Map<number, [string, number, number][]> {
  const out = new Map<number, [string, number, number][]>();
  // By origin index, the list of the places of an origin asked for (an array: ~120,000 runs are looked up).
  const wanted: ([string, number, number][] | undefined)[] = new Array<[string, number, number][] | undefined>(map.origins.length);
  map.origins.forEach((o, i) => {
    if (match(o)) out.set(i, (wanted[i] = []));
  });
  if (out.size === 0) return out;
  for (const [file, runs] of map.files) {
    for (let i = 0, from = 1; i < runs.length; from = runs[i]! + 1, i += 2) wanted[runs[i + 1]!]?.push([file, from, runs[i]!]);
  }
  return out;
}
