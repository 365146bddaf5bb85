/**
 * The plan entries the compiler's origins name, found by their JSON
 * pointers in the plan document: where each is (line, column), whether the
 * plan file holds it (else a default applies), and, for the provenance
 * map, the index of the first origin of each pointer.
 *
 * A 5,000-service compile gives ~42,000 origins, nearly each with a pointer
 * string of its own, made by a template literal (`${step}/tasks/${j}`):
 * looked up in a Map, each is first made flat and hashed, which cost the map
 * more than all else. Here a pointer is followed instead from the deepest
 * entry it shares with the previous one (the compiler's pointers come in
 * plan order: `.../containerSteps/7/tasks/0`, then `.../7/tasks/1`), its
 * segments compared where they are in the pointer (no string cut out, no
 * hash), to an entry of the document that keeps its own first origin.
 */
import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SourceMap } from '../plan/source-map.js';
import type { ItemOrigin } from '../compile/origin.js';

/** Where a plan entry is, and whether the plan file itself holds it (else a default applies). */
export interface PlanPlace {
  readonly line: number;
  readonly col: number;
  readonly written: boolean;
}

/** What a plan document's node is (`PlanEntry.kind`). */
const OTHER = 0;
const MAPPING = 1;
const SEQUENCE = 2;

/**
 * A node of the plan document reached by a pointer written the one way a
 * pointer to it can be written (see `PlanEntries.find`), and what the map
 * keeps for that pointer.
 */
export class PlanEntry {
  /** The entries of the node's items, by their place in `node.items` (made as they are reached). */
  readonly items: (PlanEntry | undefined)[] = [];
  /** The index of the first origin of the pointer (-1: none yet); its other origins, with other rules, follow it. */
  first = -1;
  /** What the node is: a mapping, a sequence or another (a scalar, none), asked once. */
  readonly kind: number;
  /** A mapping's keys as pointer segments name them (null: a key that is not a scalar), read when first asked for. */
  private keyTexts: (string | null)[] | null = null;
  constructor(readonly node: unknown) {
    this.kind = isMap(node) ? MAPPING : isSeq(node) ? SEQUENCE : OTHER;
  }

  /** The entry of the node's item at `item` in `node.items` (a mapping's pair's value, a sequence's item), made when first asked for. */
  child(item: number): PlanEntry {
    let next = this.items[item];
    if (next === undefined) {
      next = new PlanEntry(this.kind === MAPPING ? (this.node as YAMLMap).items[item]!.value : (this.node as YAMLSeq).items[item]);
      this.items[item] = next;
    }
    return next;
  }

  /** A mapping's keys as pointer segments name them (`String` of the key's value; null: not a scalar). */
  keys(): readonly (string | null)[] {
    this.keyTexts ??= (this.node as YAMLMap).items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : null));
    return this.keyTexts;
  }
}

/** A pointer's entry; or, when it has none (see `PlanEntries.find`), the place of its pointer. */
export type FoundEntry = PlanEntry | PlanPlace;

/**
 * The entries of a plan document, found by pointer. `find` follows a
 * pointer to its entry when the document holds every segment of it and the
 * pointer is written the one way it can be (sequence indexes in decimal
 * without leading zeros, keys without `~` escapes): two such pointers reach
 * the same entry exactly when they are the same text. Another pointer (a
 * default the plan leaves out, an escape, an index written `007`) gets its
 * place, and the caller indexes it by its text.
 */
export class PlanEntries {
  /** LineCounter.linePos's answer, without the object it makes for each offset. */
  private readonly starts: readonly number[];
  /** The search for a line starts from the previous answer's: the pointers come mostly in plan order. */
  private near = 0;
  /** The previous pointer: the entry after each of its segments (`entries[0]`: the document), and where each segment ends (`ends[d]`). */
  private last = '';
  private readonly entries: PlanEntry[];
  private readonly ends: number[] = [0];
  /** Whether the previous pointer, up to the end of segment d, is written the one way (`canonical[0]`: the empty prefix). */
  private readonly canonical: boolean[] = [true];
  private depth = 0;
  /** What `find` gave for `last`. */
  private lastFound: FoundEntry;
  /** The entry of the empty pointer (the whole plan, at line 1, column 1). */
  private readonly whole = new PlanEntry(null);
  /** By pointer, what `find` gave for the lists of item origins (a few lists, each of thousands of origins), and the last one asked for. */
  private readonly lists = new Map<string, FoundEntry>();
  private lastListPointer: string | null = null;
  private lastList: FoundEntry | undefined;

  constructor(source: SourceMap) {
    this.starts = source.lines.lineStarts;
    this.entries = [new PlanEntry(source.doc.contents)];
    this.lastFound = this.whole;
  }

  /** The place of an entry (of a pointer `find` gave it for). */
  placeOf(entry: PlanEntry): PlanPlace {
    if (entry === this.whole) return { line: 1, col: 1, written: true };
    return this.placeAt((entry.node as { range?: readonly number[] } | null)?.range?.[0] ?? 0, true);
  }

  /**
   * The entry of a pointer; or, for a pointer without one, its place: the
   * position of the value of the nearest ancestor the file holds (as
   * `positionOf` gives), and whether the file holds the value itself.
   */
  find(pointer: string): FoundEntry {
    if (pointer === '') return this.whole;
    const last = this.last;
    const ends = this.ends;
    const entries = this.entries;
    // The segments it shares with the previous pointer: up to a segment end in both, with the same text before it.
    let same = 0;
    const limit = Math.min(pointer.length, last.length);
    while (same < limit && pointer.charCodeAt(same) === last.charCodeAt(same)) same++;
    // The same text as the previous pointer (each origin of a list of a scenario's data is asked for in turn).
    if (same === pointer.length && same === last.length) return this.lastFound;
    let d = this.depth;
    while (d > 0 && !(ends[d]! <= same && (ends[d] === pointer.length || pointer.charCodeAt(ends[d]!) === 47) /* / */)) d--;
    let entry = entries[d]!;
    let canonical = this.canonical[d]!;
    let written = true;
    // The first `~` (an escape) of the segments left, found by one call (a loop over the characters of a
    // pointer that a template literal made reads each through the strings it was made of).
    let tilde = pointer.indexOf('~', ends[d]! + 1);
    for (let from = ends[d]! + 1; from <= pointer.length; ) {
      let end = pointer.indexOf('/', from);
      if (end < 0) end = pointer.length;
      if (tilde >= 0 && tilde < from) tilde = pointer.indexOf('~', from);
      const at = itemAt(entry, pointer, from, end, tilde >= 0 && tilde < end);
      if (at < 0) {
        written = false;
        break;
      }
      if (at >= ITEM_NOT_CANONICAL) canonical = false;
      entry = entry.child(at & ITEM_INDEX);
      d++;
      entries[d] = entry;
      ends[d] = end;
      this.canonical[d] = canonical;
      from = end + 1;
    }
    this.last = pointer;
    this.depth = d;
    this.lastFound = written && canonical ? entry : this.placeAt((entry.node as { range?: readonly number[] } | null)?.range?.[0] ?? 0, written);
    return this.lastFound;
  }

  /**
   * The entry of an item origin's pointer (`itemOrigin`), reached from its
   * list's entry by the item's index and the member's key: the entry `find`
   * gives for `origin.pointer`, without reading that text. Null when the
   * pointer has none (the plan leaves the list, the item or the member out):
   * `find` gives its place.
   */
  findItem(origin: ItemOrigin): PlanEntry | null {
    let list = this.lastList;
    if (origin.list !== this.lastListPointer) {
      list = this.lists.get(origin.list);
      if (list === undefined) {
        list = this.find(origin.list);
        this.lists.set(origin.list, list);
      }
      this.lastListPointer = origin.list;
      this.lastList = list;
    }
    if (!(list instanceof PlanEntry)) return null;
    const item = childAt(list, origin.index);
    if (item === null || origin.member === null) return item;
    const member = memberAt(item, origin.member);
    return member === null || origin.memberIndex < 0 ? member : childAt(member, origin.memberIndex);
  }

  private placeAt(offset: number, written: boolean): PlanPlace {
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    const near = this.near;
    if (near < high && starts[near]! < offset) {
      // Past the previous line: double the step until past the offset, then search what is left.
      low = near + 1;
      let step = 1;
      for (; low + step < high && starts[low + step]! < offset; step *= 2) low += step;
      high = Math.min(high, low + step);
    } else if (near < high) high = near;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    this.near = low;
    if (starts[low] === offset) return { line: low + 1, col: 1, written };
    if (low === 0) return { line: 0, col: offset, written };
    return { line: low, col: offset - starts[low - 1]! + 1, written };
  }
}

/** The entry of item `index` of a sequence entry; null when there is none. */
function childAt(entry: PlanEntry, index: number): PlanEntry | null {
  if (entry.kind !== SEQUENCE) return null;
  // (an item reached before is there)
  if (entry.items[index] === undefined) {
    const items = (entry.node as YAMLSeq).items;
    if (!Number.isInteger(index) || index < 0 || index >= items.length || items[index] === undefined) return null;
  }
  return entry.child(index);
}

/** The entry of a mapping entry's member `key` (its first pair, as `itemAt` finds it); null when there is none. */
function memberAt(entry: PlanEntry, key: string): PlanEntry | null {
  if (entry.kind !== MAPPING) return null;
  const keys = entry.keys();
  for (let k = 0; k < keys.length; k++) {
    if (keys[k] !== key) continue;
    // (a pair without a value holds none, and one reached before has one)
    return entry.items[k] === undefined && (entry.node as YAMLMap).items[k]!.value === undefined ? null : entry.child(k);
  }
  return null;
}

/** `itemAt`'s answer: the item's place in `node.items` (ITEM_INDEX), and ITEM_NOT_CANONICAL when the segment is not written the one way. */
const ITEM_INDEX = 0x3fffffff;
const ITEM_NOT_CANONICAL = 0x40000000;

/**
 * The place in `node.items` of the member of an entry's node named by the
 * pointer segment `pointer[from..end)` (`escaped`: it holds a `~`), with
 * ITEM_NOT_CANONICAL when the segment is not written the one way it can
 * be; -1 when there is none.
 */
function itemAt(entry: PlanEntry, pointer: string, from: number, end: number, escaped: boolean): number {
  if (entry.kind === MAPPING) {
    // (pointerSegments' unescaping, done only when there is something to unescape)
    const segment = escaped ? pointer.slice(from, end).replace(/~1/gu, '/').replace(/~0/gu, '~') : null;
    const keys = entry.keys();
    for (let k = 0; k < keys.length; k++) {
      const text = keys[k] ?? null;
      if (text === null) continue;
      if (segment === null ? text.length === end - from && pointer.startsWith(text, from) : text === segment) {
        // (the first pair of the key, as `nodeAt` finds it; a pair without a value holds none, and one reached before has one)
        if (entry.items[k] === undefined && (entry.node as YAMLMap).items[k]!.value === undefined) return -1;
        return escaped ? k | ITEM_NOT_CANONICAL : k;
      }
    }
    return -1;
  }
  if (entry.kind === SEQUENCE) {
    let index = 0;
    for (let i = from; i < end; i++) {
      const digit = pointer.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9 || i - from > 8) {
        const items = (entry.node as YAMLSeq).items;
        const k = Number(pointer.slice(from, end).replace(/~1/gu, '/').replace(/~0/gu, '~'));
        return Number.isInteger(k) && k >= 0 && k < items.length && items[k] !== undefined ? k | ITEM_NOT_CANONICAL : -1;
      }
      index = index * 10 + digit;
    }
    // (an item reached before is there)
    if (entry.items[index] === undefined) {
      const items = (entry.node as YAMLSeq).items;
      if (index >= items.length || items[index] === undefined) return -1;
    }
    // ('' reads as item 0, `07` as item 7: not the one way)
    return from === end || (pointer.charCodeAt(from) === 48 && end - from > 1) ? index | ITEM_NOT_CANONICAL : index;
  }
  return -1;
}
