/**
 * Origins: which plan entry made a piece of generated output, and by which
 * rule. The compiler records them on the data it builds (tasks, variable
 * tables, lists) as it builds it; the records live in weak side tables, so
 * the data, and the bytes made from it, are the same with or without them.
 */

import type { RoleTasks, UpdatePlan } from '../model/plan.js';

/** The plan entry (a JSON pointer; '' for none: fixed text of the compiler) and the rule that applied. */
export interface Origin {
  readonly pointer: string;
  readonly rule: string;
}

/** An item of a list of the plan: the list's pointer and the item's index (`/updateServices/containerSteps`, 7). */
export interface PlanItem {
  readonly list: string;
  readonly index: number;
}

/** The plan's lists of update-services steps, as origins name them. */
export const ALWAYS_BEFORE = '/updateServices/alwaysBefore';
export const CONTAINER_STEPS = '/updateServices/containerSteps';

/** The steps of update-services in plan order (every-node steps, then container steps), each with its item of the plan. */
export function stepItems(plan: UpdatePlan): { readonly step: RoleTasks; readonly at: PlanItem }[] {
  const s = plan.updateServices;
  return [...s.alwaysBefore.map((step, index) => ({ step, at: { list: ALWAYS_BEFORE, index } })), ...s.containerSteps.map((step, index) => ({ step, at: { list: CONTAINER_STEPS, index } }))];
}

/**
 * The origin of an item of a plan list, or of a member inside that item
 * (`itemOrigin`): besides its pointer, the parts it is made of. The
 * provenance map finds the plan entry and writes the pointer from the parts,
 * without reading the joined text: a 5,000-service plan gives ~40,000 such
 * origins (its steps' task files, README rows, scenario data), and reading
 * each pointer a template literal made costs the map more than all else.
 */
export interface ItemOrigin extends Origin, PlanItem {
  /** A key of the item (`tasks`), or null: the origin is the item itself. */
  readonly member: string | null;
  /** An index in the member's list (`tasks/2`), or -1: the origin is the member itself. */
  readonly memberIndex: number;
}

/**
 * The origin at item `at.index` of the list `at.list`
 * (`/updateServices/containerSteps/7`), or at its `member`
 * (`.../7/serviceType`), or at item `memberIndex` of that member
 * (`.../7/tasks/2`). `member` is a key of the plan's schema, written in
 * the pointer as it is: one holding `/` or `~` (which a pointer escapes) is
 * refused.
 */
export function itemOrigin(at: PlanItem, rule: string, member: string | null = null, memberIndex = -1): ItemOrigin {
  const item = `${at.list}/${at.index}`;
  if (member === null) return { pointer: item, rule, list: at.list, index: at.index, member, memberIndex: -1 };
  if (member.includes('/') || member.includes('~')) throw new Error(`internal error: the key ${JSON.stringify(member)} is not a pointer segment as it is`);
  return { pointer: memberIndex < 0 ? `${item}/${member}` : `${item}/${member}/${memberIndex}`, rule, list: at.list, index: at.index, member, memberIndex };
}

/** Whether an origin was made by `itemOrigin` (it has its pointer's parts). */
export function isItemOrigin(origin: Origin): origin is ItemOrigin {
  return (origin as Partial<ItemOrigin>).list !== undefined;
}

const ofObject = new WeakMap<object, Origin>();
const ofMember = new WeakMap<object, Map<string | number, Origin>>();

/** Records the origin of an object or array the compiler built; returns it, for use in expressions. */
export function recordOrigin<T extends object>(value: T, origin: Origin): T {
  ofObject.set(value, origin);
  return value;
}

/** Records the origin of a member (key or index) of an object or array, e.g. a package of a list. */
export function recordMemberOrigin(container: object, member: string | number, origin: Origin): void {
  let members = ofMember.get(container);
  if (members === undefined) {
    members = new Map();
    ofMember.set(container, members);
  }
  members.set(member, origin);
}

/** Records, for each item of a list copied from the plan, its plan entry (`<pointer>/<i>`). */
export function recordListOrigins<T extends readonly unknown[]>(list: T, pointer: string, rule: string): T {
  recordOrigin(list, { pointer, rule });
  list.forEach((_, i) => recordMemberOrigin(list, i, itemOrigin({ list: pointer, index: i }, rule)));
  return list;
}

/** The items of a list that `keep` keeps, in a new list, each with the origin recorded for it in `list`. */
export function filterWithOrigins<T>(list: readonly T[], keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  list.forEach((item, i) => {
    if (!keep(item)) return;
    const o = memberOriginOf(list, i);
    if (o !== undefined) recordMemberOrigin(out, out.length, o);
    out.push(item);
  });
  return out;
}

/** The items of several lists, in a new list, each with the origin recorded for it in its own list. */
export function concatWithOrigins<T>(...lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const list of lists) {
    list.forEach((item, i) => {
      const o = memberOriginOf(list, i);
      if (o !== undefined) recordMemberOrigin(out, out.length, o);
      out.push(item);
    });
  }
  return out;
}

/** The origin recorded for an object, if any. */
export function originOf(value: unknown): Origin | undefined {
  return value !== null && typeof value === 'object' ? ofObject.get(value) : undefined;
}

/** The origin recorded for a member of an object, if any. */
export function memberOriginOf(container: unknown, member: string | number): Origin | undefined {
  return container !== null && typeof container === 'object' ? ofMember.get(container)?.get(member) : undefined;
}

/** The origins recorded for the members of an object, by member, if any (one lookup for a whole list). */
export function memberOriginsOf(container: unknown): ReadonlyMap<string | number, Origin> | undefined {
  return container !== null && typeof container === 'object' ? ofMember.get(container) : undefined;
}

/**
 * Whether anything inside `value` carries a record finer than the origin of
 * `value` itself: a member record on it, or a record on an object or array
 * nested in it. Without one, every line written from `value` has its origin.
 */
export function hasRecordsWithin(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (ofMember.has(value)) return true;
  if (Array.isArray(value)) {
    for (const child of value as unknown[]) if (child !== null && typeof child === 'object' && (ofObject.has(child) || hasRecordsWithin(child))) return true;
    return false;
  }
  // (each member read in place: no list of the values made for each of a large task file's 10,000 tasks)
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && (ofObject.has(child) || hasRecordsWithin(child))) return true;
  }
  return false;
}

/** The lists whose items each carry their whole origin (`recordWholeItems`). */
const wholeItems = new WeakSet<readonly unknown[]>();

/**
 * Records that each item of a list has its origin on itself alone, nothing
 * inside it a record of its own (a task file of include tasks, each recorded
 * whole): the provenance map then gives each item's lines its origin without
 * looking inside 10,000 tasks for a finer one. Returns the list.
 */
export function recordWholeItems<T extends readonly unknown[]>(list: T): T {
  wholeItems.add(list);
  return list;
}

/** Whether `recordWholeItems` was told of the list: then no item has a record within (`hasRecordsWithin`). */
export function hasWholeItems(list: readonly unknown[]): boolean {
  return wholeItems.has(list);
}

/** What the compiler says about one generated file. */
export interface FileTrace {
  /** Origin of the lines no finer record covers. */
  readonly origin: Origin;
  /** For YAML files: the data serialized into the file, carrying origins. */
  readonly data?: unknown;
  /** For other files (README): lines holding this text, in order, come from this origin. */
  readonly rows?: readonly { readonly text: string; readonly origin: Origin }[];
}

/** Where the compiler puts the traces of the files it makes, when asked. */
export type TraceSink = Map<string, FileTrace>;
