/**
 * Plan loading: text of a plan file (YAML or JSON) -> validated UpdatePlan.
 * Every problem is reported with `file:line:col`, the JSON path of the value
 * and what was expected. `parsePlan` is pure; `loadPlanFile` reads the file
 * (plan-text.ts).
 */
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { diagnosticAt, fileError, InputError, type Diagnostic } from '../core/diagnostics.js';
import { yamlErrorMessage } from '../core/yaml-error.js';
import validatePlanFile from './plan-validator.generated.js';
import { normalizePlan } from './normalize.js';
import type { SourceMap } from './source-map.js';
import { schemaDiagnostics } from './validation-messages.js';
import type { UpdatePlan } from '../model/plan.js';
import { MAX_PLAN_BYTES, readPlanText } from './plan-text.js';

export { MAX_PLAN_BYTES, readPlanText };

/** Most aliases a plan may expand: plans have no use for many, alias bombs have. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of collections in a plan. */
export const MAX_NESTING = 64;


/** Parses and validates plan text; throws InputError with every problem found. */
export function parsePlan(text: string, file: string): UpdatePlan {
  return parsePlanWithSource(text, file).plan;
}

/** Like parsePlan, also returning where each value of the plan is, for later diagnostics. */
export function parsePlanWithSource(text: string, file: string): { plan: UpdatePlan; source: SourceMap } {
  const { source, data } = parsePlanDocument(text, file);
  if (!validatePlanFile(data)) {
    throw new InputError(schemaDiagnostics(validatePlanFile.errors ?? [], source));
  }
  const plan = deepFreeze(normalizePlan(data, source));
  CHECKED_PLANS.add(plan);
  return { plan, source };
}

/** Plans that passed every check (grammar, schema, rules by meaning), frozen so that they stay so. */
const CHECKED_PLANS = new WeakSet<object>();

/**
 * The one door for plans: a plan object (a plan file's data, or an
 * UpdatePlan built in TypeScript) in, a checked plan out, or an InputError
 * with the same diagnostics the CLI prints for the same values in a file.
 * An object is checked through the very path a file takes: written out as
 * JSON (so only plain data gets in) and parsed as the file `(plan object)`.
 */
export function checkPlan(plan: unknown): UpdatePlan {
  if (typeof plan === 'object' && plan !== null && CHECKED_PLANS.has(plan)) return plan as UpdatePlan;
  let text: string | undefined;
  try {
    text = JSON.stringify(planFileOf(plan), null, 1);
  } catch (err) {
    throw new InputError([fileError(PLAN_OBJECT, `the plan is not plain data: ${err instanceof Error ? err.message : String(err)}`)]);
  }
  if (text === undefined) throw new InputError([fileError(PLAN_OBJECT, 'the plan is not plain data')]);
  return parsePlan(text, PLAN_OBJECT);
}

/** The file name diagnostics give for a plan checked as an object. */
const PLAN_OBJECT = '(plan object)';

/**
 * An UpdatePlan as a plan file: the fields whose shape differs (the Open
 * vSwitch tasks, the rollout section) written as in a file. Anything not
 * in the model's shape is passed on as it is, for the schema to judge.
 */
function planFileOf(plan: unknown): unknown {
  if (typeof plan !== 'object' || plan === null) return plan;
  let out = plan as Record<string, any>;
  const tasks = out.updateSystem?.openvswitch?.tasks;
  if (typeof tasks === 'object' && tasks !== null && 'kind' in tasks) {
    const { kind, ...rest } = tasks as { kind: unknown };
    const file = kind === 'inline' && Object.keys(rest).length === 0 ? 'inline' : kind === 'role' ? rest : tasks;
    out = { ...out, updateSystem: { ...out.updateSystem, openvswitch: { ...out.updateSystem.openvswitch, tasks: file } } };
  }
  const rollout = out.rollout;
  if (typeof rollout === 'object' && rollout !== null && ('updateServices' in rollout || 'updateSystem' in rollout)) {
    const phases: Record<string, unknown> = {};
    for (const [key, phase] of Object.entries(rollout as Record<string, unknown>)) {
      if (phase !== null) phases[key] = phaseRolloutFileOf(phase);
    }
    out = { ...out, rollout: phases };
  }
  return out;
}

/** A phase's rollout as in a file: `{kind: count}` -> a number, `{kind: percent}` -> "N%", no canary -> absent. */
function phaseRolloutFileOf(phase: unknown): unknown {
  if (typeof phase !== 'object' || phase === null) return phase;
  const sized = (v: any, count: string): unknown =>
    v?.kind === count ? v[count] : v?.kind === 'percent' && typeof v.percent === 'number' ? `${v.percent}%` : v?.kind === 'nodes' && count === 'count' ? v.nodes : v;
  const { canary, waves, failureBudget, ...rest } = phase as Record<string, any>;
  return {
    ...rest,
    ...(canary === null || canary === undefined ? {} : { canary: sized(canary, 'count') }),
    ...(waves === undefined ? {} : { waves: Array.isArray(waves) ? waves.map((w) => sized(w, 'count')) : waves }),
    ...(failureBudget === undefined ? {} : { failureBudget: sized(failureBudget, 'nodes') }),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Reads and validates a plan file; throws InputError when it cannot be read or is invalid. */
export function loadPlanFile(path: string): UpdatePlan {
  return parsePlan(readPlanText(path), path);
}

/** Reads and validates a plan file, also returning where its values are. */
export function loadPlanFileWithSource(path: string): { plan: UpdatePlan; source: SourceMap } {
  return parsePlanWithSource(readPlanText(path), path);
}

/** Parses YAML/JSON text into plain data, keeping node positions. */
export function parsePlanDocument(text: string, file: string): { source: SourceMap; data: unknown } {
  if (text.length > MAX_PLAN_BYTES) {
    throw new InputError([fileError(file, `plan text is ${text.length} characters; the limit is ${MAX_PLAN_BYTES}`)]);
  }
  if (text.includes('\u0000')) {
    const at = positionOfOffset(text, text.indexOf('\u0000'));
    throw new InputError([diagnosticAt(file, at, 'plan contains a NUL character')]);
  }
  const deep = nestingPastLimit(text, MAX_NESTING);
  if (deep !== null) {
    throw new InputError([
      diagnosticAt(
        file,
        positionOfOffset(text, deep.offset),
        `collections nested ${deep.depth} levels deep here; the limit is ${MAX_NESTING} levels (block indentation, "- " entries and [ ] { } all count)`,
      ),
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: Diagnostic[] = doc.errors.map((e) => diagnosticAt(file, lines.linePos(e.pos[0]), yamlErrorMessage(e, 'a plan file')));
  // Tags (!unsafe, !!python/..., custom ones) have no place in a plan: refuse them rather than guess.
  visitTags(doc, (offset, tag) => {
    problems.push(diagnosticAt(file, lines.linePos(offset), `YAML tags are not allowed in a plan (found ${tag})`));
  });
  const aliases: number[] = [];
  visit(doc, {
    Alias(_, node) {
      if (node.range !== undefined && node.range !== null) aliases.push(node.range[0]);
    },
    Pair(_, pair) {
      // YAML 1.1's merge key: a plan is read as YAML 1.2, where `<<` would be an unknown key (with every key it was to bring missing).
      if (isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN' && pair.key.range !== undefined && pair.key.range !== null) {
        problems.push(diagnosticAt(file, lines.linePos(pair.key.range[0]), 'merge keys (<<) are not read in a plan (YAML 1.2): write the keys out, or make the whole value an alias (*name) of an anchored one'));
      }
    },
  });
  if (aliases.length > MAX_ALIAS_COUNT) {
    const at = lines.linePos(aliases[MAX_ALIAS_COUNT]!);
    problems.push(diagnosticAt(file, at, `alias number ${MAX_ALIAS_COUNT + 1} of ${aliases.length} here; the limit is ${MAX_ALIAS_COUNT} aliases in a plan`));
  }
  if (problems.length > 0) throw new InputError(problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const at = aliases.length > 0 ? lines.linePos(aliases[0]!) : { line: 1, col: 1 };
    const why = err instanceof Error ? err.message : String(err);
    const message = /alias/iu.test(why)
      ? `the aliases from here on expand to more than ${MAX_ALIAS_COUNT} copies of their anchors; the limit is ${MAX_ALIAS_COUNT}`
      : `cannot expand the document: ${why}`;
    throw new InputError([diagnosticAt(file, at, message)]);
  }
  return { source: { file, text, doc, lines }, data };
}

/**
 * Where the nesting of collections first goes past the limit, estimated
 * without parsing (a parser recurses, so a hostile document must be refused
 * before it): block collections by their indentation, each `- ` or `? `
 * entry that opens another collection on the same line (`- - - x`), and the
 * flow brackets `[ ] { }`, all count. Null when within the limit.
 */
function nestingPastLimit(text: string, limit: number): { depth: number; offset: number } | null {
  let flow = 0;
  let quote: string | null = null;
  const blocks: number[] = []; // columns of the open block collections
  let lineStart = 0;
  while (lineStart <= text.length) {
    const end = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, end);
    quote = null;
    let col = /^ */u.exec(line)![0].length;
    if (col < line.length && line[col] !== '#' && flow === 0) {
      while (blocks.length > 0 && blocks[blocks.length - 1]! > col) blocks.pop();
      if (blocks.length === 0 || blocks[blocks.length - 1]! < col) blocks.push(col);
      // Compact entries: `- - x` or `? - x` open one more collection each.
      for (let m = /^[-?]( +|$)/u.exec(line.slice(col)); m !== null && col + m[0].length < line.length; m = /^[-?]( +|$)/u.exec(line.slice(col))) {
        col += m[0].length;
        blocks.push(col);
        if (blocks.length > limit) return { depth: blocks.length, offset: lineStart + col };
      }
      if (blocks.length > limit) return { depth: blocks.length, offset: lineStart + col };
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote !== null) {
        if (c === quote) quote = null;
        continue;
      }
      if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
      if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        if (blocks.length + flow > limit) return { depth: blocks.length + flow, offset: lineStart + i };
      } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    }
    lineStart = end + 1;
  }
  return null;
}

/** Calls `found` for every node of the document that carries an explicit tag. */
function visitTags(doc: Document.Parsed, found: (offset: number, tag: string) => void): void {
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && node.range !== undefined && node.range !== null) found(node.range[0], node.tag);
    },
  });
}

function positionOfOffset(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

